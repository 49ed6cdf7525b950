import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { RequestContext, requestLoader, ZoneOf } from '@app/core';
import { Organisation, OrganisationsService, UsersService } from '@app/identity';
import { Twinning } from './entities/twinning.entity';
import { Workspace } from './entities/workspace.entity';
import { cityZoneSql } from '@app/cities';

/** Batched reads for twinning fields: one query per kind of thing per request. */
@Injectable()
export class TwinningLoaders {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organisations: OrganisationsService,
    private readonly users: UsersService,
  ) {}

  user(ctx: RequestContext) {
    return this.users.loader(ctx);
  }

  organisation(ctx: RequestContext) {
    return requestLoader<string, Organisation | undefined>(ctx, 'twinning.organisationById', (ids) => this.organisations.getMany(ids));
  }

  /** The two cities' time zones of each workspace, city A first. */
  zonesOfWorkspace(ctx: RequestContext) {
    return requestLoader<string, ZoneOf[]>(ctx, 'twinning.zonesOfWorkspace', async (ids) => {
      const rows: Array<{ workspace_id: string; city_a_id: string; zone_a: string; city_b_id: string; zone_b: string }> = await this.dataSource.query(
        `SELECT w.id AS workspace_id, t.city_a_id, ${cityZoneSql('t.city_a_id')} AS zone_a, t.city_b_id, ${cityZoneSql('t.city_b_id')} AS zone_b
           FROM workspace w JOIN twinning t ON t.id = w.twinning_id
          WHERE w.id = ANY($1::uuid[])`,
        [[...ids]],
      );
      return ids.map((id) => rows.filter((r) => r.workspace_id === id).flatMap((r) => [{ cityId: r.city_a_id, timeZone: r.zone_a }, { cityId: r.city_b_id, timeZone: r.zone_b }]));
    });
  }

  twinning(ctx: RequestContext) {
    return requestLoader<string, Twinning | undefined>(ctx, 'twinning.twinningById', async (ids) => {
      const rows = await this.dataSource.getRepository(Twinning).findBy({ id: In([...ids]) });
      return ids.map((id) => rows.find((t) => t.id === id));
    });
  }

  /** Members and leads per city of each workspace. */
  memberCounts(ctx: RequestContext) {
    return requestLoader<string, Array<{ cityId: string; members: number; leads: number }>>(ctx, 'twinning.memberCounts', async (ids) => {
      const rows: Array<{ workspace_id: string; city_id: string; members: number; leads: number }> = await this.dataSource.query(
        `SELECT workspace_id, city_id, count(*)::int AS members, count(*) FILTER (WHERE role = 'LEAD')::int AS leads
           FROM workspace_member WHERE workspace_id = ANY($1::uuid[]) GROUP BY workspace_id, city_id`,
        [[...ids]],
      );
      return ids.map((id) => rows.filter((r) => r.workspace_id === id).map((r) => ({ cityId: r.city_id, members: r.members, leads: r.leads })));
    });
  }

  workspaceOfTwinning(ctx: RequestContext) {
    return requestLoader<string, Workspace | undefined>(ctx, 'twinning.workspaceByTwinning', async (ids) => {
      const rows = await this.dataSource.getRepository(Workspace).findBy({ twinningId: In([...ids]) });
      return ids.map((id) => rows.find((w) => w.twinningId === id));
    });
  }
}
