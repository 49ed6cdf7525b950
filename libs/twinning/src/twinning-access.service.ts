import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CitiesService } from '@app/cities';
import { AuthUser, hasRole, inOrderOf, NotFoundError, RequestContext, requestLoader, Role, uuidsAmong } from '@app/core';
import { CityOfficerService, recipientsAmong, UserRecipient } from '@app/identity';
import { PUBLIC_TWINNING_STATUSES, Twinning } from './entities/twinning.entity';
import { WorkspaceRole } from './entities/workspace-member.entity';
import { Workspace } from './entities/workspace.entity';
import { twinningsOfWorkspaces } from './twinning-reads';

/** What one person may do in one workspace: their role (null when not a member) and whether they are an admin. */
export interface WorkspaceAccess {
  workspaceId: string;
  twinningId: string;
  role: WorkspaceRole | null;
  admin: boolean;
}

/** A workspace's twinning and its two sides (country and currency), ordered by country code. */
export interface WorkspaceSides {
  workspaceId: string;
  twinning: Twinning;
  sides: Array<{ countryCode: string; currency: string }>;
}

/**
 * Who sees what. A workspace's content is for its members and admins only;
 * anyone else is answered NOT_FOUND, exactly as for a workspace that does not
 * exist. A twinning is public while ACTIVE or DORMANT; otherwise only its two
 * cities' officers, its workspace's members and admins see it.
 */
@Injectable()
export class TwinningAccessService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly officers: CityOfficerService,
    private readonly cities: CitiesService,
  ) {}

  /**
   * Each workspace's twinning and its two sides, in the order of `workspaceIds`
   * (undefined for an unknown workspace): two statements for any number.
   */
  async sidesOf(workspaceIds: readonly string[], em: EntityManager = this.dataSource.manager): Promise<Array<WorkspaceSides | undefined>> {
    if (workspaceIds.length === 0) return [];
    const twinnings = await twinningsOfWorkspaces(em, workspaceIds);
    const rows = workspaceIds.flatMap((id, i) => (twinnings[i] ? [{ workspace_id: id, twinning: twinnings[i] }] : []));
    const cities = await this.cities.sidesOf(rows.flatMap((r) => [r.twinning.cityAId, r.twinning.cityBId]), em);
    const sideOf = new Map(cities.filter((c) => !!c).map((c) => [c.cityId, c]));
    return workspaceIds.map((id) => {
      const row = rows.find((r) => r.workspace_id === id);
      if (!row) return undefined;
      const sides = new Map([row.twinning.cityAId, row.twinning.cityBId].map((cityId) => sideOf.get(cityId)!).map((c) => [c.countryCode, c.currency]));
      return { workspaceId: id, twinning: row.twinning, sides: [...sides].sort(([a], [b]) => a.localeCompare(b)).map(([countryCode, currency]) => ({ countryCode, currency })) };
    });
  }

  /**
   * Batched by workspace id: the person's access to each, or null when they
   * may not see it (or it does not exist). One query for any number of ids.
   */
  async workspaceAccess(user: AuthUser | null, workspaceIds: readonly string[], em: EntityManager = this.dataSource.manager): Promise<Array<WorkspaceAccess | null>> {
    if (!user || workspaceIds.length === 0) return workspaceIds.map(() => null);
    const rows: Array<{ id: string; twinning_id: string; role: WorkspaceRole | null }> = await em.query(
      `SELECT w.id, w.twinning_id, m.role
         FROM workspace w
         LEFT JOIN workspace_member m ON m.workspace_id = w.id AND m.user_id = $2
        WHERE w.id = ANY($1::uuid[])`,
      [uuidsAmong(workspaceIds), user.id],
    );
    const admin = hasRole(user, Role.ADMIN);
    const found = inOrderOf(workspaceIds, rows, (r) => r.id);
    return workspaceIds.map((id, i) => {
      const row = found[i];
      if (!row || (!row.role && !admin)) return null;
      return { workspaceId: row.id, twinningId: row.twinning_id, role: row.role, admin };
    });
  }

  /** The request's batched access check (one query per request, whatever the number of workspaces asked about). */
  loader(ctx: RequestContext) {
    return requestLoader<string, WorkspaceAccess | null>(ctx, `twinning.workspaceAccess:${ctx.user?.id ?? 'anonymous'}`, (ids) =>
      this.workspaceAccess(ctx.user, ids),
    );
  }

  /** Passes for members and admins; NOT_FOUND for everyone else. */
  async requireWorkspace(user: AuthUser | null, workspaceId: string, em?: EntityManager): Promise<WorkspaceAccess> {
    const [access] = await this.workspaceAccess(user, [workspaceId], em);
    if (!access) throw new NotFoundError('workspace', workspaceId);
    return access;
  }

  /** Whether the person sees the twinning's insider details (proposal, decision): its cities' officers, members, admins. */
  async isInsider(user: AuthUser | null, twinning: Twinning, governed: readonly string[], em: EntityManager = this.dataSource.manager): Promise<boolean> {
    if (!user) return false;
    if (hasRole(user, Role.ADMIN)) return true;
    if (governed.includes(twinning.cityAId) || governed.includes(twinning.cityBId)) return true;
    const [{ member }] = await em.query(
      `SELECT EXISTS (SELECT 1 FROM workspace w JOIN workspace_member m ON m.workspace_id = w.id
                       WHERE w.twinning_id = $1 AND m.user_id = $2) AS member`,
      [twinning.id, user.id],
    );
    return member as boolean;
  }

  /** Whether the person may see the twinning at all. */
  async canSeeTwinning(user: AuthUser | null, twinning: Twinning, governed: readonly string[], em?: EntityManager): Promise<boolean> {
    if (PUBLIC_TWINNING_STATUSES.includes(twinning.status)) return true;
    return this.isInsider(user, twinning, governed, em);
  }

  async workspaceOf(twinningId: string, em: EntityManager = this.dataSource.manager): Promise<Workspace | null> {
    return em.findOneBy(Workspace, { twinningId });
  }
}

/** A workspace's members (its leads only, or everyone) as email recipients, by email; disabled accounts get nothing. */
export function workspaceRecipients(em: EntityManager, workspaceId: string, leadsOnly: boolean): Promise<UserRecipient[]> {
  return recipientsAmong(em, `SELECT m.user_id FROM workspace_member m WHERE m.workspace_id = $1 AND ($2::boolean = false OR m.role = 'LEAD')`, [workspaceId, leadsOnly]);
}
