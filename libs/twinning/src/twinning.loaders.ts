import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { RequestContext, requestLoader, ZoneOf } from '@app/core';
import { Organisation, OrganisationsService, User } from '@app/identity';
import { Twinning } from './entities/twinning.entity';
import { Workspace } from './entities/workspace.entity';

/** Batched reads for twinning fields: one query per kind of thing per request. */
@Injectable()
export class TwinningLoaders {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organisations: OrganisationsService,
  ) {}

  user(ctx: RequestContext) {
    return requestLoader<string, User | undefined>(ctx, 'twinning.userById', async (ids) => {
      const rows = await this.dataSource.getRepository(User).findBy({ id: In([...ids]) });
      return ids.map((id) => rows.find((u) => u.id === id));
    });
  }

  organisation(ctx: RequestContext) {
    return requestLoader<string, Organisation | undefined>(ctx, 'twinning.organisationById', (ids) => this.organisations.getMany(ids));
  }

  /** The two cities' time zones of each workspace, city A first. */
  zonesOfWorkspace(ctx: RequestContext) {
    return requestLoader<string, ZoneOf[]>(ctx, 'twinning.zonesOfWorkspace', async (ids) => {
      const rows: Array<{ workspace_id: string; city_id: string; time_zone: string }> = await this.dataSource.query(
        `SELECT w.id AS workspace_id, c.id AS city_id, k.time_zone
           FROM workspace w JOIN twinning t ON t.id = w.twinning_id
           JOIN city c ON c.id IN (t.city_a_id, t.city_b_id) JOIN country k ON k.code = c.country_code
          WHERE w.id = ANY($1::uuid[])
          ORDER BY w.id, (c.id = t.city_a_id) DESC`,
        [[...ids]],
      );
      return ids.map((id) => rows.filter((r) => r.workspace_id === id).map((r) => ({ cityId: r.city_id, timeZone: r.time_zone })));
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
