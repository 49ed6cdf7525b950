import { formatAmount, sumByCurrency } from '@app/rules';
import { BareContext, encodeCursor, lazyCount, loader, rows } from './bare-context';
import { hasRole, localized } from './bare-common';

/**
 * Fund applications as a board member reads them (libs/funding:
 * ApplicationsService.list, FundingLoaders, BoardLoaders, ReviewsService.visibleTo).
 */
const APPLICATION_FIELDS = [
  'id', 'call_id', 'fund_id', 'workspace_id', 'project_id', 'city_ids', 'status', 'outcome', 'current_decision_id', 'title_en', 'title_ko', 'summary_en', 'summary_ko',
  'route_to_bau_en', 'route_to_bau_ko', 'objectives', 'milestones', 'created_by_user_id', 'submitted_at', 'decided_at', 'created_at', 'updated_at', 'version',
];
const CALL_FIELDS = [
  'id', 'fund_id', 'title_en', 'title_ko', 'guidance_en', 'guidance_ko', 'opens_at', 'closes_at', 'allowed_stages', 'max_award_minor', 'match_ratio_percent', 'reference_currency',
  'exchange_rates', 'criteria', 'score_scale_max', 'reviewers_per_application', 'created_by_user_id', 'created_at', 'updated_at',
];
const LINE_FIELDS = ['id', 'application_id', 'position', 'country_code', 'currency', 'category', 'description', 'amount_minor'];
const REVIEW_FIELDS = ['id', 'application_id', 'member_id', 'assigned_at', 'due_at', 'assigned_by_user_id', 'submitted_at', 'scores', 'recommendation', 'comment', 'withdrawn_at'];
const MEMBER_FIELDS = ['id', 'fund_id', 'user_id', 'country_code', 'organisation_ids', 'affiliation_note', 'appointed_at', 'appointed_by_user_id', 'ended_at'];

const camel = (field: string) => field.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
const columns = (alias: string, fields: string[]) => fields.map((f) => `"${alias}"."${f}" AS "${alias}_${f}"`).join(', ');
const entity = <T>(r: Record<string, unknown>, alias: string, fields: string[]) => Object.fromEntries(fields.map((f) => [camel(f), r[`${alias}_${f}`]])) as T;
const placeholders = (n: number, from = 1) => Array.from({ length: n }, (_, i) => `$${i + from}`).join(', ');

interface ApplicationRow {
  id: string;
  callId: string;
  fundId: string;
  status: string;
  outcome: string | null;
  titleEn: string | null;
  titleKo: string | null;
  updatedAt: Date;
}
interface ReviewRow {
  id: string;
  memberId: string;
  applicationId: string;
  dueAt: Date;
  submittedAt: Date | null;
  withdrawnAt: Date | null;
}
interface MemberRow {
  id: string;
  fundId: string;
  userId: string;
}

/** The applications the reader may see, most recently changed first (not an admin: their workspaces' and their boards' submitted ones). */
export async function fundApplicationsPage(ctx: BareContext, first: number) {
  const userId = ctx.user!.id;
  if (hasRole(ctx, 'ADMIN')) throw new Error('The baseline serves fundApplications to board members and officers only.');
  const boardFunds = (await rows<{ fund_id: string }>(ctx, `SELECT fund_id FROM board_member WHERE user_id = $1 AND ended_at IS NULL`, [userId])).map((r) => r.fund_id);
  const where = `(EXISTS (SELECT 1 FROM workspace_member wm WHERE wm.workspace_id = "a"."workspace_id" AND wm.user_id = $1) OR ("a"."fund_id" = ANY($2) AND "a"."submitted_at" IS NOT NULL))`;
  const values = [userId, boardFunds];
  const found = (
    await rows(ctx, `SELECT ${columns('a', APPLICATION_FIELDS)} FROM "fund_application" "a" WHERE ${where} ORDER BY date_trunc('milliseconds', "a"."updated_at") DESC, "a"."id" DESC LIMIT ${first + 1}`, values)
  ).map((r) => entity<ApplicationRow>(r, 'a', APPLICATION_FIELDS));
  const nodes = found.slice(0, first);
  const edges = nodes.map((node) => ({ node, cursor: encodeCursor(node.updatedAt.toISOString(), node.id) }));
  return {
    nodes,
    edges,
    totalCount: lazyCount(async () => Number((await rows<{ cnt: string }>(ctx, `SELECT COUNT(1) AS "cnt" FROM "fund_application" "a" WHERE ${where}`, values))[0].cnt)),
    pageInfo: { hasNextPage: found.length > first, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
  };
}

const callById = (ctx: BareContext) =>
  loader<string, Record<string, unknown> | Error>(ctx, 'funding.callById', async (ids) => {
    const found = (await rows(ctx, `SELECT ${columns('FundCall', CALL_FIELDS)} FROM "fund_call" "FundCall" WHERE (("FundCall"."id" IN (${placeholders(ids.length)})))`, [...ids])).map((r) =>
      entity<Record<string, unknown>>(r, 'FundCall', CALL_FIELDS),
    );
    return ids.map((id) => found.find((c) => c.id === id) ?? new Error(`No call ${id}`));
  });

const lines = (ctx: BareContext) =>
  loader<string, Array<{ applicationId: string; currency: string; amountMinor: string }>>(ctx, 'funding.lines', async (ids) => {
    const found = (
      await rows(
        ctx,
        `SELECT ${columns('ApplicationBudgetLine', LINE_FIELDS)} FROM "application_budget_line" "ApplicationBudgetLine" WHERE (("ApplicationBudgetLine"."application_id" IN (${placeholders(ids.length)}))) ORDER BY "ApplicationBudgetLine"."position" ASC`,
        [...ids],
      )
    ).map((r) => entity<{ applicationId: string; currency: string; amountMinor: string }>(r, 'ApplicationBudgetLine', LINE_FIELDS));
    return ids.map((id) => found.filter((l) => l.applicationId === id));
  });

const reviewsOf = (ctx: BareContext) =>
  loader<string, ReviewRow[]>(ctx, 'board.reviewsByApplication', async (ids) => {
    const found = (
      await rows(ctx, `SELECT ${columns('Review', REVIEW_FIELDS)} FROM "review" "Review" WHERE (("Review"."application_id" IN (${placeholders(ids.length)})) AND ("Review"."withdrawn_at" IS NULL)) ORDER BY "Review"."assigned_at" ASC`, [...ids])
    ).map((r) => entity<ReviewRow>(r, 'Review', REVIEW_FIELDS));
    return ids.map((id) => found.filter((r) => r.applicationId === id));
  });

interface ApplicationBoard {
  members: Array<{ memberId: string; countryCode: string }>;
  conflicts: Map<string, unknown>;
}

/** Each application's fund board and its conflicts (BoardService.applicationBoards, with the SQL identity and twinning lend it). */
const applicationBoard = (ctx: BareContext) =>
  loader<string, ApplicationBoard>(ctx, 'board.applicationBoard', async (ids) => {
    const found = await rows<{ application_id: string; member_id: string; country_code: string; city_ids: string[] | null; workspace_member: boolean; declared: string | null }>(
      ctx,
      `SELECT a.id AS application_id, m.id AS member_id, m.country_code,
              (SELECT array_agg(DISTINCT o.city_id) FROM organisation o WHERE o.city_id = ANY(a.city_ids) AND (o.id = ANY(m.organisation_ids) OR o.id IN (SELECT om.organisation_id FROM organisation_membership om WHERE om.user_id = m.user_id))) AS city_ids,
              EXISTS (SELECT 1 FROM workspace_member wm WHERE wm.workspace_id = a.workspace_id AND wm.user_id = m.user_id) AS workspace_member,
              (SELECT d.reason FROM conflict_declaration d WHERE d.member_id = m.id AND d.application_id = a.id) AS declared
         FROM fund_application a JOIN board_member m ON m.fund_id = a.fund_id AND m.ended_at IS NULL
        WHERE a.id = ANY($1::uuid[])
        ORDER BY m.appointed_at, m.id`,
      [[...ids]],
    );
    return ids.map((id) => {
      const mine = found.filter((r) => r.application_id === id);
      return {
        members: mine.map((r) => ({ memberId: r.member_id, countryCode: r.country_code.trim() })),
        conflicts: new Map(mine.filter((r) => r.city_ids?.length || r.workspace_member || r.declared).map((r) => [r.member_id, { memberId: r.member_id, automaticCityIds: r.city_ids ?? [], workspaceMember: r.workspace_member, declaredReason: r.declared }])),
      };
    });
  });

const seat = (ctx: BareContext) =>
  loader<string, MemberRow | null>(ctx, 'board.seatByFund', async (fundIds) => {
    if (!ctx.user) return fundIds.map(() => null);
    const n = fundIds.length;
    const found = (
      await rows(
        ctx,
        `SELECT ${columns('BoardMember', MEMBER_FIELDS)} FROM "board_member" "BoardMember" WHERE (("BoardMember"."fund_id" IN (${placeholders(n)})) AND ("BoardMember"."user_id" = $${n + 1}) AND ("BoardMember"."ended_at" IS NULL))`,
        [...fundIds, ctx.user.id],
      )
    ).map((r) => entity<MemberRow>(r, 'BoardMember', MEMBER_FIELDS));
    return fundIds.map((id) => found.find((s) => s.fundId === id) ?? null);
  });

const member = (ctx: BareContext) =>
  loader<string, MemberRow | Error>(ctx, 'board.memberById', async (ids) => {
    const found = (await rows(ctx, `SELECT ${columns('BoardMember', MEMBER_FIELDS)} FROM "board_member" "BoardMember" WHERE (("BoardMember"."id" IN (${placeholders(ids.length)})))`, [...ids])).map((r) =>
      entity<MemberRow>(r, 'BoardMember', MEMBER_FIELDS),
    );
    return ids.map((id) => found.find((m) => m.id === id) ?? new Error(`No board member ${id}`));
  });

const onAgenda = (ctx: BareContext) =>
  loader<string, boolean>(ctx, 'board.onAgenda', async (ids) => {
    const found = await rows<{ application_id: string }>(ctx, `SELECT DISTINCT application_id FROM agenda_item WHERE application_id = ANY($1::uuid[])`, [[...ids]]);
    return ids.map((id) => found.some((r) => r.application_id === id));
  });

/** The reviews a reader may read (ReviewsService.visibleTo): NOT_FOUND for a conflicted member. */
async function visibleReviews(ctx: BareContext, application: ApplicationRow): Promise<ReviewRow[]> {
  const all = await reviewsOf(ctx).load(application.id);
  const board = await applicationBoard(ctx).load(application.id);
  const eligible = new Set(board.members.filter((m) => !board.conflicts.has(m.memberId)).map((m) => m.memberId));
  const counting = all.filter((r) => r.submittedAt && !r.withdrawnAt && eligible.has(r.memberId));
  if (hasRole(ctx, 'ADMIN')) return counting;
  const mySeat = await seat(ctx).load(application.fundId);
  const unconflicted = mySeat && !(await applicationBoard(ctx).load(application.id)).conflicts.has(mySeat.id) ? mySeat : null;
  if (!unconflicted) throw new Error('NOT_FOUND');
  const own = all.find((r) => r.memberId === unconflicted.id) ?? null;
  if (own && !own.submittedAt) return [own];
  if (!own && !(await onAgenda(ctx).load(application.id))) return [];
  return counting;
}

/** The state machine's actions from each status (libs/funding/src/applications/application-states.ts), in its order. */
const ACTIONS: Array<[string, string[]]> = [
  ['submit', ['DRAFT']],
  ['returnToApplicant', ['SUBMITTED']],
  ['confirmEligibility', ['SUBMITTED']],
  ['startReview', ['ELIGIBILITY_CHECKED']],
  ['decide', ['UNDER_REVIEW']],
  ['redecide', ['DECIDED', 'AWARD_ACCEPTED', 'IN_DELIVERY']],
  ['acceptAward', ['DECIDED']],
  ['declineAward', ['DECIDED', 'AWARD_ACCEPTED']],
  ['startDelivery', ['AWARD_ACCEPTED']],
  ['closeAward', ['IN_DELIVERY']],
  ['withdraw', ['DRAFT', 'SUBMITTED', 'ELIGIBILITY_CHECKED', 'UNDER_REVIEW']],
];

function actionsFor(status: string, outcome: string | null): string[] {
  const approved = outcome === 'APPROVED' || outcome === 'APPROVED_WITH_CONDITIONS';
  const actions = ACTIONS.filter(([, from]) => from.includes(status))
    .map(([action]) => action)
    .filter((action) => (action === 'acceptAward' || action === 'declineAward' ? approved : true));
  if (status === 'DECIDED' && outcome === 'DEFERRED') actions.push('withdraw');
  return actions;
}

const money = (amountMinor: bigint, currency: string) => {
  const minor = amountMinor.toString();
  return { currency, amountMinor: minor, en: formatAmount(minor, currency, 'en'), ko: formatAmount(minor, currency, 'ko') };
};

export const fundingResolvers = {
  FundApplication: {
    title: (a: ApplicationRow) => localized({ en: a.titleEn, ko: a.titleKo }),
    call: async (a: ApplicationRow, _: unknown, ctx: BareContext) => {
      const call = await callById(ctx).load(a.callId);
      if (call instanceof Error) throw call;
      return call;
    },
    requested: async (a: ApplicationRow, _: unknown, ctx: BareContext) => [...sumByCurrency(await lines(ctx).load(a.id))].map(([currency, amount]) => money(amount, currency)),
    nextSteps: (a: ApplicationRow) => actionsFor(a.status, a.outcome),
    reviews: (a: ApplicationRow, _: unknown, ctx: BareContext) => visibleReviews(ctx, a),
  },
  FundCall: {
    title: (call: Record<string, unknown>) => localized({ en: call.titleEn as string | null, ko: call.titleKo as string | null }),
  },
  Review: {
    overdue: (review: ReviewRow) => !review.submittedAt && !review.withdrawnAt && review.dueAt.getTime() <= Date.now(),
    reviewer: async (review: ReviewRow, _: unknown, ctx: BareContext) => {
      const found = await member(ctx).load(review.memberId);
      if (found instanceof Error) throw found;
      return found;
    },
  },
};
