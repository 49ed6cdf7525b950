import { DateTime } from 'luxon';
import { DigestFrequency, nextDigestBoundary } from '@app/twinning';
import type { DueRun } from './checks';
import { gqlData, jointProjectInput, publishDrillEvent } from './demo';
import type { DemoIds } from './traffic';

/**
 * The scheduled work the drill makes fall due while its faults run, through
 * the API as the demo people would, and the outbox key each run must write
 * (every job keys its rows by what it is for and its due time):
 *
 * - deadline reminders: two calls on the seed fund closing in three days and
 *   in one day (plus LEAD), each with a draft from the demo project. Each of the
 *   workspace's leads is owed the first's three-day reminder LEAD after the
 *   setup, the second's three-day reminder at once and its one-day one at LEAD.
 * - review-due reminders: the demo application's reviews become due in one day
 *   (plus LEAD): the three-day reminder at once, the one-day one at LEAD.
 * - event reminders: an event starting in one day (plus LEAD), with two people
 *   registered at the setup, owed its day-before reminder at LEAD. (The
 *   workshop's hour reminder falls due too, to whoever holds a place then.)
 * - workspace digests: the platform's digest time (DIGEST_HOUR, DIGEST_MINUTE)
 *   is a London minute after the setup (see digestMinute). Liverpool's officer,
 *   in London, follows the workspace daily, then a project is started in it:
 *   one digest is owed at that minute. Busan's officer follows too, but Seoul's
 *   boundary is nine hours away: nothing is owed to them.
 */

/** The jobs whose runs the drill arranges, as the checks name them. */
export const SCHEDULED_JOBS = ['deadline reminder', 'review-due reminder', 'event reminder', 'workspace digest'] as const;

const DAY_MS = 86_400_000;
/** How long after the setup the arranged reminders fall due: once the faults have begun. */
const LEAD_MS = 25_000;
/**
 * The digest minute is the first whole London minute at least this long after the drill starts
 * (before PostgreSQL and the APIs do): the setup, about 15 s here, is done by then even on a slow
 * machine, and the faults and the settling run past it.
 */
const DIGEST_LEAD_MS = 60_000;
const UK_ZONE = 'Europe/London';

/** This run's digest time (DIGEST_HOUR, DIGEST_MINUTE): the London minute `at`, a minute or two after `start`. */
export interface DigestMinute {
  hour: number;
  minute: number;
  at: Date;
}

export function digestMinute(start: Date): DigestMinute {
  const at = DateTime.fromMillis(start.getTime() + DIGEST_LEAD_MS, { zone: UK_ZONE }).plus({ minutes: 1 }).startOf('minute');
  return { hour: at.hour, minute: at.minute, at: at.toJSDate() };
}

/**
 * Whether a daily follow made at `followedAt` by a London reader is owed its digest at the drill's
 * minute, as the platform schedules it: not when the minute fell before the follow (a slow setup),
 * nor in the hour London repeats when its clocks go back, whose local times the platform reads as
 * their first instant.
 */
export function digestFallsDue(followedAt: Date, digest: DigestMinute): boolean {
  return followedAt < digest.at && nextDigestBoundary(followedAt, UK_ZONE, DigestFrequency.DAILY, digest).getTime() === digest.at.getTime();
}

/** What arrangeScheduledWork made: the runs owed, and what the final checks need to tell the traffic's own reminders apart. */
export interface Arranged {
  due: DueRun[];
  /** Owed after LEAD; the digest later (its boundary, then a minute for changes to commit). */
  lastDueAt: Date;
  /** Set when the setup could not make the digest fall due (it ran past the digest minute). */
  problem?: string;
}

/**
 * Arranges the runs above. `digest` is the digest time the drill chose, `platformDigest` the one the
 * platform runs with (a DIGEST_HOUR or DIGEST_MINUTE in the drill's environment wins); `checkEveryMs`
 * the worker's reminder checks: each run must have one check between its making and its moment.
 */
export async function arrangeScheduledWork(
  url: string,
  ids: DemoIds,
  digest: DigestMinute,
  platformDigest: { hour: number; minute: number },
  checkEveryMs: number,
): Promise<Arranged> {
  const admin = ids.tokens.get('admin')!;
  const officer = ids.tokens.get('officer.liverpool')!;
  const due: DueRun[] = [];
  const problems: string[] = [];
  // Each moment from the clock as its item is made, so that a slow request leaves the others their lead.
  const momentFromNow = () => new Date(Date.now() + LEAD_MS);
  let earliest = Infinity;
  const owedAt = (moment: Date) => {
    earliest = Math.min(earliest, moment.getTime());
    return moment;
  };

  // Digests: follow first, then something happens in the workspace.
  const follows = new Map<string, string>();
  for (const person of ['officer.liverpool', 'officer.busan'] as const) {
    const { followWorkspace } = await gqlData<{ followWorkspace: { id: string } }>(
      url,
      `mutation($workspaceId: ID!) { followWorkspace(workspaceId: $workspaceId, frequency: DAILY) { id } }`,
      ids.tokens.get(person),
      { workspaceId: ids.workspaceId },
    );
    follows.set(person, followWorkspace.id);
  }
  const followedAt = new Date();
  const project = await startProject(url, officer, ids, 'Scheduled work drill project', '예약 작업 훈련 프로젝트');
  const newsAt = new Date();

  // Deadline reminders, to each lead of the workspace.
  const { workspace } = await gqlData<{ workspace: { members: { nodes: Array<{ role: string; userId: string }> } } }>(
    url,
    `query($id: ID!) { workspace(id: $id) { members(first: 100) { nodes { role userId } } } }`,
    officer,
    { id: ids.workspaceId },
  );
  const leads = workspace.members.nodes.filter((m) => m.role === 'LEAD').map((m) => m.userId);
  for (const [days, owed] of [
    [3, [3]],
    [1, [3, 1]],
  ] as const) {
    const soon = momentFromNow();
    const closesAt = new Date(soon.getTime() + days * DAY_MS);
    const callId = await openCall(url, admin, ids.fundId, closesAt, days);
    const applicationId = await draftApplication(url, officer, callId, project);
    for (const reminder of owed) {
      for (const lead of leads) {
        due.push({ job: 'deadline reminder', key: `funding.deadline:${applicationId}:${closesAt.toISOString()}:${reminder}:${lead}`, dueAt: reminder === days ? owedAt(soon) : new Date() });
      }
    }
  }

  // Review-due reminders on the demo application's reviews.
  const { fundApplications } = await gqlData<{ fundApplications: { nodes: Array<{ status: string; reviewAssignments: Array<{ id: string; submittedAt: string | null }> | null }> } }>(
    url,
    `query { fundApplications(first: 20) { nodes { status reviewAssignments { id submittedAt } } } }`,
    admin,
  );
  const reviews = fundApplications.nodes.filter((a) => a.status === 'UNDER_REVIEW').flatMap((a) => a.reviewAssignments ?? []).filter((r) => !r.submittedAt);
  for (const review of reviews) {
    const soon = momentFromNow();
    const reviewDue = new Date(soon.getTime() + DAY_MS);
    await gqlData(url, `mutation($input: SetReviewDueDateInput!) { setReviewDueDate(input: $input) { id } }`, admin, { input: { reviewId: review.id, dueAt: reviewDue.toISOString() } });
    due.push({ job: 'review-due reminder', key: `governance.review-due:${review.id}:${reviewDue.toISOString()}:3`, dueAt: new Date() });
    due.push({ job: 'review-due reminder', key: `governance.review-due:${review.id}:${reviewDue.toISOString()}:1`, dueAt: owedAt(soon) });
  }

  // An event's day-before reminder, to two people who registered at the setup.
  const soon = momentFromNow();
  const startsAt = new Date(soon.getTime() + DAY_MS);
  const eventId = await publishDrillEvent(url, ids.tokens.get('organiser')!, { en: 'Fault drill seminar', ko: '장애 훈련 세미나' }, startsAt, 20);
  for (const person of ['participant', 'board.kr'] as const) {
    await gqlData(url, `mutation($input: EventRegistrationInput!) { registerForEvent(input: $input) { id } }`, ids.tokens.get(person), { input: { eventId } });
    due.push({ job: 'event reminder', key: `event-reminder:${eventId}:${startsAt.toISOString()}:DAY:${ids.userIds.get(person)}`, dueAt: owedAt(soon) });
  }
  if (reviews.length === 0) problems.push('the demo application has no review to remind of');
  if (Date.now() + 2 * checkEveryMs > earliest) problems.push(`the setup took too long: a reminder falls due at ${new Date(earliest).toISOString()}, too soon for a check to see it first`);

  // The digest owed to Liverpool's officer (London) at the drill's minute: followed, and news in the workspace, before it.
  const liverpoolFollow = follows.get('officer.liverpool')!;
  if (platformDigest.hour !== digest.hour || platformDigest.minute !== digest.minute) {
    problems.push(`the environment sets the digest time (${platformDigest.hour}:${String(platformDigest.minute).padStart(2, '0')}): no digest falls due during the drill`);
  } else if (newsAt >= digest.at || !digestFallsDue(followedAt, digest)) {
    problems.push(`no digest falls due at the drill's minute (${digest.at.toISOString()}): the setup ran past it, or it is in the hour London repeats`);
  } else {
    due.push({ job: 'workspace digest', key: `workspace-digest:${liverpoolFollow}:${digest.at.toISOString()}`, dueAt: digest.at });
  }
  // A digest's period closes a minute after its boundary.
  const digestDone = new Date(digest.at.getTime() + 60_000);
  const last = Math.max(digestDone.getTime(), ...due.map((run) => run.dueAt.getTime()));
  return { due, lastDueAt: new Date(last), problem: problems.length ? problems.join('; ') : undefined };
}

async function startProject(url: string, token: string, ids: DemoIds, en: string, ko: string): Promise<string> {
  const { createProject } = await gqlData<{ createProject: { id: string } }>(
    url,
    `mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }`,
    token,
    {
      input: jointProjectInput(
        ids,
        { en, ko },
        { en: 'Started by the drill so that the workspace has news for its digest.', ko: '워크스페이스 소식지에 실릴 소식을 만들려고 훈련이 시작한 프로젝트입니다.' },
      ),
    },
  );
  return createProject.id;
}

async function openCall(url: string, admin: string, fundId: string, closesAt: Date, days: number): Promise<string> {
  const { createFundCall } = await gqlData<{ createFundCall: { id: string } }>(
    url,
    `mutation($input: CreateCallInput!) { createFundCall(input: $input) { id } }`,
    admin,
    {
      input: {
        fundId,
        title: { en: `Drill call closing in ${days} day(s)`, ko: `${days}일 뒤 마감하는 훈련 공모` },
        guidance: { en: 'A call the fault drill opens so that its deadline reminders fall due.', ko: '마감 알림이 훈련 중에 발송되도록 장애 훈련이 여는 공모입니다.' },
        opensAt: new Date(Date.now() - 60_000).toISOString(),
        closesAt: closesAt.toISOString(),
        allowedStages: ['FEASIBILITY', 'DEMONSTRATOR'],
        maxAward: [
          { currency: 'GBP', amountMinor: '5000000' },
          { currency: 'KRW', amountMinor: '85000000' },
        ],
        matchRatioPercent: 50,
        referenceCurrency: 'GBP',
        exchangeRates: [{ currency: 'KRW', unitsPerReference: 1700 }],
        criteria: [{ key: 'impact', title: { en: 'Impact', ko: '영향' }, weight: 100 }],
      },
    },
  );
  return createFundCall.id;
}

async function draftApplication(url: string, officer: string, callId: string, projectId: string): Promise<string> {
  const { createFundApplication } = await gqlData<{ createFundApplication: { id: string } }>(
    url,
    `mutation($input: CreateApplicationInput!) { createFundApplication(input: $input) { id } }`,
    officer,
    {
      input: {
        callId,
        projectId,
        title: { en: 'A draft the drill leaves open', ko: '훈련이 열어 둔 신청서 초안' },
        summary: { en: 'Left as a draft so that its deadline reminders fall due.', ko: '마감 알림이 발송되도록 초안으로 둡니다.' },
      },
    },
  );
  return createFundApplication.id;
}
