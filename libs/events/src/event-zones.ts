import { DataSource } from 'typeorm';
import { RequestContext, requestLoader, ZoneOf } from '@app/core';
import type { ProgrammeEvent } from './entities/programme-event.entity';

/**
 * The zones an event's times are shown in: its own first, then the two
 * twinned cities' zones (for a workspace's event) or every country's zone
 * (for a programme-wide one), each zone once. Batched per request.
 */
export async function eventZones(ctx: RequestContext, dataSource: DataSource, event: Pick<ProgrammeEvent, 'timeZone' | 'workspaceId'>): Promise<ZoneOf[]> {
  const others = event.workspaceId
    ? await requestLoader<string, ZoneOf[]>(ctx, 'events.workspaceZones', async (ids) => {
        const rows: Array<{ workspace_id: string; city_id: string; time_zone: string }> = await dataSource.query(
          `SELECT w.id AS workspace_id, c.id AS city_id, co.time_zone
             FROM workspace w JOIN twinning t ON t.id = w.twinning_id
             JOIN city c ON c.id IN (t.city_a_id, t.city_b_id) JOIN country co ON co.code = c.country_code
            WHERE w.id = ANY($1::uuid[])
            ORDER BY (c.id = t.city_a_id) DESC`,
          [[...ids]],
        );
        return ids.map((id) => rows.filter((r) => r.workspace_id === id).map((r) => ({ timeZone: r.time_zone, cityId: r.city_id })));
      }).load(event.workspaceId)
    : await requestLoader<string, ZoneOf[]>(ctx, 'events.countryZones', async (keys) => {
        const rows: Array<{ time_zone: string }> = await dataSource.query(`SELECT time_zone FROM country ORDER BY code`);
        return keys.map(() => rows.map((r) => ({ timeZone: r.time_zone })));
      }).load('all');
  return mergeZones(event.timeZone, others);
}

/** The event's zone first, then the others not already listed; a city's zone names the city. */
export function mergeZones(own: string, others: readonly ZoneOf[]): ZoneOf[] {
  const zones: ZoneOf[] = [{ timeZone: own, cityId: null }];
  for (const zone of others) {
    const same = zones.find((z) => z.timeZone === zone.timeZone);
    if (!same) zones.push({ timeZone: zone.timeZone, cityId: zone.cityId ?? null });
    else if (!same.cityId && zone.cityId) same.cityId = zone.cityId;
  }
  return zones;
}
