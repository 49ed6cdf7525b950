import { BareContext, loader, OwnedList, pageOfOwner, rows } from './bare-context';
import { cityLoader } from './bare-cities';
import { hasRole, nameIn, userLoader, type UserRow } from './bare-common';

/**
 * A twin workspace as its member reads it (libs/twinning: WorkspaceResolver,
 * TwinningAccessService, TwinningLoaders, WorkspaceService.members; projects'
 * activeProjects; cities' city loader).
 */
const camel = (field: string) => field.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
const columns = (alias: string, fields: string[]) => fields.map((f) => `"${alias}"."${f}" AS "${alias}_${f}"`).join(', ');
const entity = <T>(r: Record<string, unknown>, alias: string, fields: string[]) => Object.fromEntries(fields.map((f) => [camel(f), r[`${alias}_${f}`]])) as T;
const placeholders = (n: number) => Array.from({ length: n }, (_, i) => `$${i + 1}`).join(', ');

const WORKSPACE_FIELDS = ['id', 'twinning_id', 'created_at', 'last_activity_at'];
const TWINNING_FIELDS = [
  'id', 'pair_key', 'city_a_id', 'city_b_id', 'status', 'proposed_by_user_id', 'message', 'from_suggestion', 'score_snapshot', 'decided_by_user_id', 'decided_at', 'decision_reason',
  'active_since', 'closed_at', 'created_at', 'updated_at',
];
const MEMBER_FIELDS = ['id', 'workspace_id', 'user_id', 'role', 'city_id', 'organisation_id', 'joined_at', 'updated_at'];
const ORGANISATION_FIELDS = ['id', 'name_en', 'name_ko', 'kind', 'city_id', 'website', 'email_domain', 'created_at', 'updated_at'];

interface WorkspaceRow {
  id: string;
  twinningId: string;
  createdAt: Date;
  lastActivityAt: Date | null;
}
interface TwinningRow {
  id: string;
  cityAId: string;
  cityBId: string;
  status: string;
  activeSince: Date | null;
}
interface MemberRow {
  id: string;
  workspaceId: string;
  userId: string;
  role: string;
  cityId: string;
  organisationId: string | null;
  joinedAt: Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The reader's access to each workspace: a member's role, or an admin's; null for anyone else. */
const access = (ctx: BareContext) =>
  loader<string, { role: string | null; admin: boolean } | null>(ctx, `twinning.workspaceAccess:${ctx.user?.id ?? 'anonymous'}`, async (ids) => {
    if (!ctx.user || ids.length === 0) return ids.map(() => null);
    const found = await rows<{ id: string; twinning_id: string; role: string | null }>(
      ctx,
      `SELECT w.id, w.twinning_id, m.role
         FROM workspace w
         LEFT JOIN workspace_member m ON m.workspace_id = w.id AND m.user_id = $2
        WHERE w.id = ANY($1::uuid[])`,
      [ids.filter((id) => UUID.test(id)), ctx.user.id],
    );
    const admin = hasRole(ctx, 'ADMIN');
    return ids.map((id) => {
      const row = found.find((r) => r.id === id);
      if (!row || (!row.role && !admin)) return null;
      return { role: row.role, admin };
    });
  });

const twinningById = (ctx: BareContext) =>
  loader<string, TwinningRow | undefined>(ctx, 'twinning.twinningById', async (ids) => {
    const found = (await rows(ctx, `SELECT ${columns('Twinning', TWINNING_FIELDS)} FROM "twinning" "Twinning" WHERE (("Twinning"."id" IN (${placeholders(ids.length)})))`, [...ids])).map((r) =>
      entity<TwinningRow>(r, 'Twinning', TWINNING_FIELDS),
    );
    return ids.map((id) => found.find((t) => t.id === id));
  });

const memberCounts = (ctx: BareContext) =>
  loader<string, Array<{ cityId: string; members: number; leads: number }>>(ctx, 'twinning.memberCounts', async (ids) => {
    const found = await rows<{ workspace_id: string; city_id: string; members: number; leads: number }>(
      ctx,
      `SELECT workspace_id, city_id, count(*)::int AS members, count(*) FILTER (WHERE role = 'LEAD')::int AS leads
           FROM workspace_member WHERE workspace_id = ANY($1::uuid[]) GROUP BY workspace_id, city_id`,
      [[...ids]],
    );
    return ids.map((id) => found.filter((r) => r.workspace_id === id).map((r) => ({ cityId: r.city_id, members: r.members, leads: r.leads })));
  });

const activeProjects = (ctx: BareContext) =>
  loader<string, number>(ctx, 'projects.activeByWorkspace', async (ids) => {
    const found = await rows<{ workspace_id: string; n: number }>(ctx, `SELECT workspace_id, count(*)::int AS n FROM project WHERE workspace_id = ANY($1::uuid[]) AND closed_at IS NULL GROUP BY workspace_id`, [[...ids]]);
    return ids.map((id) => found.find((r) => r.workspace_id === id)?.n ?? 0);
  });

const organisationById = (ctx: BareContext) =>
  loader<string, Record<string, unknown> | undefined>(ctx, 'twinning.organisationById', async (ids) => {
    const found = (await rows(ctx, `SELECT ${columns('Organisation', ORGANISATION_FIELDS)} FROM "organisation" "Organisation" WHERE (("Organisation"."id" IN (${placeholders(ids.length)})))`, [...ids])).map((r) =>
      entity<Record<string, unknown>>(r, 'Organisation', ORGANISATION_FIELDS),
    );
    return ids.map((id) => found.find((o) => o.id === id));
  });

/** `workspace(id)`: members and admins; NOT_FOUND for anyone else. */
export async function workspace(ctx: BareContext, id: string): Promise<WorkspaceRow> {
  if (!(await access(ctx).load(id))) throw new Error('NOT_FOUND');
  const [found] = UUID.test(id) ? await rows(ctx, `SELECT ${columns('Workspace', WORKSPACE_FIELDS)} FROM "workspace" "Workspace" WHERE (("Workspace"."id" = $1)) LIMIT 1`, [id]) : [];
  if (!found) throw new Error('NOT_FOUND');
  return entity<WorkspaceRow>(found, 'Workspace', WORKSPACE_FIELDS);
}

/** Earliest joined first: every workspace's page of the request in one statement (WorkspaceService.members). */
function membersPage(ctx: BareContext, workspaceId: string, first: number) {
  const list: OwnedList<MemberRow> = {
    key: 'twinning.members:[]',
    from: '"workspace_member" "m"',
    columns: columns('m', MEMBER_FIELDS),
    owner: '"m"."workspace_id"',
    sort: `date_trunc('milliseconds', "m"."joined_at")`,
    direction: 'ASC',
    id: '"m"."id"',
    of: (row) => entity<MemberRow>(row, 'm', MEMBER_FIELDS),
    ownerOf: (member) => member.workspaceId,
    cursorOf: (member) => member.joinedAt.toISOString(),
  };
  return pageOfOwner(ctx, list, workspaceId, first);
}

const city = async (ctx: BareContext, id: string) => {
  const found = await cityLoader(ctx).load(id);
  if (!found) throw new Error(`NOT_FOUND: city ${id}`);
  return found;
};

export const twinningResolvers = {
  Workspace: {
    myRole: async (w: WorkspaceRow, _: unknown, ctx: BareContext) => (await access(ctx).load(w.id))?.role ?? null,
    twinning: async (w: WorkspaceRow, _: unknown, ctx: BareContext) => {
      const twinning = await twinningById(ctx).load(w.twinningId);
      if (!twinning) throw new Error('NOT_FOUND');
      return twinning;
    },
    members: async (w: WorkspaceRow, args: { first?: number }, ctx: BareContext) => ((await access(ctx).load(w.id)) ? membersPage(ctx, w.id, args.first ?? 20) : null),
    health: async (w: WorkspaceRow, _: unknown, ctx: BareContext) => {
      if (!(await access(ctx).load(w.id))) return null;
      const [twinning, counts] = await Promise.all([twinningById(ctx).load(w.twinningId), memberCounts(ctx).load(w.id)]);
      const membersPerCity = await Promise.all(
        [twinning!.cityAId, twinning!.cityBId].map(async (cityId) => {
          const count = counts.find((c) => c.cityId === cityId);
          return { cityId, city: (await cityLoader(ctx).load(cityId))!, members: count?.members ?? 0, leads: count?.leads ?? 0 };
        }),
      );
      return { workspaceId: w.id, lastActivityAt: w.lastActivityAt, membersPerCity };
    },
  },
  WorkspaceHealth: {
    activeProjects: (health: { workspaceId: string }, _: unknown, ctx: BareContext) => activeProjects(ctx).load(health.workspaceId),
  },
  Twinning: {
    cityA: (t: TwinningRow, _: unknown, ctx: BareContext) => city(ctx, t.cityAId),
    cityB: (t: TwinningRow, _: unknown, ctx: BareContext) => city(ctx, t.cityBId),
  },
  WorkspaceMember: {
    user: async (m: MemberRow, _: unknown, ctx: BareContext) => {
      const user = await userLoader(ctx).load(m.userId);
      if (!user) throw new Error('NOT_FOUND');
      return user;
    },
    organisation: async (m: MemberRow, _: unknown, ctx: BareContext) => (m.organisationId ? ((await organisationById(ctx).load(m.organisationId)) ?? null) : null),
  },
  User: {
    displayName: (user: UserRow, _: unknown, ctx: BareContext) => nameIn(user, ctx.language),
  },
};
