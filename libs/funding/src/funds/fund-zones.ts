import { DataSource, In } from 'typeorm';
import { RequestContext, requestLoader, ZoneOf } from '@app/core';
import { Country } from '@app/cities';
import { Fund } from './fund.entity';

/** The zones of a fund's countries (London, Seoul), batched per request: every instant of a fund is shown in both. */
export function fundZones(ctx: RequestContext, dataSource: DataSource, fundId: string): Promise<ZoneOf[]> {
  return requestLoader<string, ZoneOf[]>(ctx, 'funding.zones', async (ids) => {
    const funds = await dataSource.getRepository(Fund).findBy({ id: In([...ids]) });
    const countries = await dataSource.getRepository(Country).find();
    return ids.map((id) => (funds.find((f) => f.id === id)?.countryCodes ?? []).map((code) => ({ timeZone: countries.find((c) => c.code === code)?.timeZone ?? 'UTC' })));
  }).load(fundId);
}
