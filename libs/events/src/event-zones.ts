import type { CitiesService } from '@app/cities';
import { RequestContext, requestLoader, ZoneOf } from '@app/core';
import type { TwinningLoaders } from '@app/twinning';
import type { ProgrammeEvent } from './entities/programme-event.entity';

/** Where the zones come from: a workspace's two cities' zones (twinning), every country's zone (cities). */
export interface ZoneSources {
  cities: Pick<CitiesService, 'listCountries'>;
  twinning: Pick<TwinningLoaders, 'zonesOfWorkspace'>;
}

/**
 * The zones an event's times are shown in: its own first, then the two
 * twinned cities' zones (for a workspace's event) or every country's zone
 * (for a programme-wide one), each zone once. Batched per request.
 */
export async function eventZones(ctx: RequestContext, sources: ZoneSources, event: Pick<ProgrammeEvent, 'timeZone' | 'workspaceId'>): Promise<ZoneOf[]> {
  const others = event.workspaceId
    ? await sources.twinning.zonesOfWorkspace(ctx).load(event.workspaceId)
    : await requestLoader<string, ZoneOf[]>(ctx, 'events.countryZones', async (keys) => {
        const countries = await sources.cities.listCountries();
        return keys.map(() => countries.map((c) => ({ timeZone: c.timeZone })));
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
