import type { AcceptedWrite, DemoIds, Person, Sent } from './traffic';
import { jointProjectInput } from './demo';

/**
 * Seed-fund applications moved through the API one step a turn, as the
 * people who take each step: Liverpool's officer (a lead of the twin
 * workspace) starts a joint project and drafts an application to the open
 * call, then submits it; the admin confirms its eligibility and assigns two
 * board members without a conflict on it (which puts it under review); each
 * reviewer submits a review, one score per criterion. An application whose
 * reviews are all in is done and leaves room for a new one.
 *
 * A step whose answer was lost (or refused, because a lost one had been done
 * after all) makes the next turn on that application read its state back
 * from the API before moving it again, so it never sticks.
 */

/** Applications in flight at once. */
const MAX_FUND_APPLICATIONS = 12;
/** Of the turns that could move an application already started, the share that starts a new one instead (while there is room). */
const START_SHARE = 0.25;
/** Refusals in a row after which an application is left alone: something other than a lost answer refuses it. */
const MAX_REFUSALS = 3;
/** Reviewers the drill assigns to each application (more if the call asks for more). */
const REVIEWERS = 2;

/** One application the drill is moving, and what it knows of it. */
export interface FundTrack {
  /** The drill's own number for it, in titles and in its key before it has an id. */
  n: number;
  projectId?: string;
  applicationId?: string;
  status?: string;
  /** Board members (ids) with a conflict on it, once read. */
  conflicted?: string[];
  /** Board members (ids) assigned to review it, and those whose review is in. */
  reviewers: string[];
  reviewed: string[];
  /** An answer was lost or a step refused: what it holds must be read before the next step. */
  unsure: boolean;
  refusals: number;
}

export type FundStep =
  | { step: 'project' }
  | { step: 'draft' }
  /** After a draft whose answer was lost: is there an application for the project? */
  | { step: 'find' }
  /** The application's status, reviewers and conflicts, as the admin reads them. */
  | { step: 'read' }
  | { step: 'submit' }
  | { step: 'confirm' }
  | { step: 'assign' }
  | { step: 'review'; memberId: string }
  | { step: 'done' };

/** What to do next for an application, from what the drill knows of it. */
export function nextFundStep(track: FundTrack): FundStep {
  if (!track.projectId) return { step: 'project' };
  if (!track.applicationId) return track.unsure ? { step: 'find' } : { step: 'draft' };
  if (track.unsure) return { step: 'read' };
  switch (track.status) {
    case 'DRAFT':
      return { step: 'submit' };
    case 'SUBMITTED':
      return { step: 'confirm' };
    case 'ELIGIBILITY_CHECKED':
      return track.conflicted ? { step: 'assign' } : { step: 'read' };
    case 'UNDER_REVIEW': {
      const memberId = track.reviewers.find((m) => !track.reviewed.includes(m));
      return memberId ? { step: 'review', memberId } : { step: 'done' };
    }
    default:
      // Anything else was not the drill's doing: it leaves the application be.
      return { step: 'done' };
  }
}

/** What the admin reads of an application (the `read` step), taken into the track. */
export interface FundApplicationRead {
  status: string;
  conflicts: Array<{ member: { id: string } }>;
  reviewAssignments: Array<{ reviewer: { id: string }; submittedAt: string | null }>;
}

export function applyRead(track: FundTrack, read: FundApplicationRead): void {
  track.status = read.status;
  track.conflicted = read.conflicts.map((c) => c.member.id);
  track.reviewers = read.reviewAssignments.map((r) => r.reviewer.id);
  track.reviewed = read.reviewAssignments.filter((r) => r.submittedAt !== null).map((r) => r.reviewer.id);
  track.unsure = false;
}

/**
 * Which application a turn moves: a new one (while fewer than `max` are in
 * flight, when none is free or `startRoll` falls under the share that starts
 * one), one not busy picked by `pickRoll` (0 ≤ roll < 1), or none.
 */
export function chooseTrack(tracks: readonly FundTrack[], busy: (track: FundTrack) => boolean, max: number, startRoll: number, pickRoll: number): FundTrack | 'new' | null {
  const free = tracks.filter((t) => !busy(t));
  if (tracks.length < max && (free.length === 0 || startRoll < START_SHARE)) return 'new';
  return free.length ? free[Math.floor(pickRoll * free.length)]! : null;
}

/**
 * The board members to review an application: `count` of those without a
 * conflict, taking the countries in turn (one reviewer per country first),
 * and within a country starting at the `turn`th member so the work is shared.
 * None when too few are free.
 */
export function chooseReviewers(members: ReadonlyArray<{ id: string; countryCode: string }>, conflicted: readonly string[], count: number, turn: number): string[] {
  const free = members.filter((m) => !conflicted.includes(m.id));
  if (free.length < count) return [];
  const countries = [...new Set(free.map((m) => m.countryCode))];
  const queues = countries.map((country) => {
    const theirs = free.filter((m) => m.countryCode === country);
    const start = turn % theirs.length;
    return [...theirs.slice(start), ...theirs.slice(0, start)];
  });
  const chosen: string[] = [];
  for (let i = 0; chosen.length < count; i++) {
    const next = queues[i % queues.length]!.shift();
    if (next) chosen.push(next.id);
  }
  return chosen;
}

/** What the fund traffic needs of the traffic: its requests (counted in the phase) and its record of accepted writes. */
export interface FundTrafficHost {
  readonly accepted: AcceptedWrite[];
  send<T>(query: string, variables: Record<string, unknown>, as: Person | null, expected?: string[]): Promise<Sent<T>>;
  unknownOutcome(kind: string, key: string, sent: Sent<unknown>): void;
}

/** The open call as the drill uses it, and the board members who are demo people. */
interface OpenCall {
  id: string;
  reviewersPerApplication: number;
  scoreScaleMax: number;
  criteria: string[];
  members: Array<{ id: string; countryCode: string; person: Person }>;
}

const STATUS_KIND: Record<string, string> = {
  DRAFT: 'fund application drafted',
  SUBMITTED: 'fund application submitted',
  ELIGIBILITY_CHECKED: 'fund application eligible',
  UNDER_REVIEW: 'fund application under review',
};
const RECOMMENDATIONS = ['FUND', 'FUND_WITH_CONDITIONS', 'DO_NOT_FUND'];

export class FundTraffic {
  private readonly tracks: FundTrack[] = [];
  private readonly busy = new Set<number>();
  /** undefined until read; null when there is no open call (the drill then moves no application). */
  private call?: OpenCall | null;
  private reading = false;
  private sequence = 0;

  constructor(
    private readonly host: FundTrafficHost,
    private readonly ids: DemoIds,
  ) {}

  /** Moves one application one step; false when it sent nothing (no call, or every application busy). */
  async one(): Promise<boolean> {
    if (this.call === undefined) return this.readCall();
    if (this.call === null) return false;
    const chosen = chooseTrack(this.tracks, (t) => this.busy.has(t.n), MAX_FUND_APPLICATIONS, Math.random(), Math.random());
    if (chosen === null) return false;
    const track: FundTrack = chosen === 'new' ? { n: ++this.sequence, reviewers: [], reviewed: [], unsure: false, refusals: 0 } : chosen;
    if (chosen === 'new') this.tracks.push(track);
    this.busy.add(track.n);
    try {
      await this.move(track, this.call);
      if (nextFundStep(track).step === 'done' || track.refusals >= MAX_REFUSALS) this.tracks.splice(this.tracks.indexOf(track), 1);
    } finally {
      this.busy.delete(track.n);
    }
    return true;
  }

  /** The first turn: the demo's open call (not the drill's own, which are there for their deadline reminders), its criteria and its fund's board. */
  private async readCall(): Promise<boolean> {
    if (this.reading) return false;
    this.reading = true;
    try {
      const { data } = await this.host.send<{
        fundCall: { id: string; reviewersPerApplication: number; scoreScaleMax: number; criteria: Array<{ key: string }>; fund: { board: { members: Array<{ id: string; userId: string; countryCode: string }> } } };
      }>(
        `query DrillFundCall($id: ID!) { fundCall(id: $id) { id reviewersPerApplication scoreScaleMax criteria { key } fund { board { members { id userId countryCode } } } } }`,
        { id: this.ids.callId },
        'admin',
      );
      if (!data) return true;
      const call = data.fundCall;
      const people = new Map([...this.ids.userIds].map(([person, userId]) => [userId, person]));
      this.call = call
        ? {
            id: call.id,
            reviewersPerApplication: call.reviewersPerApplication,
            scoreScaleMax: call.scoreScaleMax,
            criteria: call.criteria.map((c) => c.key),
            members: call.fund.board.members.filter((m) => people.has(m.userId)).map((m) => ({ id: m.id, countryCode: m.countryCode, person: people.get(m.userId)! })),
          }
        : null;
      return true;
    } finally {
      this.reading = false;
    }
  }

  private async move(track: FundTrack, call: OpenCall): Promise<void> {
    const next = nextFundStep(track);
    // Every step after the draft is on the application: its key, and its id.
    const key = `fund-application:${track.applicationId}`;
    const id = track.applicationId!;
    switch (next.step) {
      case 'project': {
        const { data } = await this.host.send<{ createProject: { id: string } }>(
          `mutation DrillFundProject($input: CreateProjectInput!) { createProject(input: $input) { id } }`,
          {
            input: jointProjectInput(
              this.ids,
              { en: `Fault drill joint project ${track.n}`, ko: `장애 훈련 공동 프로젝트 ${track.n}` },
              { en: 'Started while the drill ran, to apply to the open call.', ko: '장애 훈련 중에 공모에 신청하려고 만든 프로젝트입니다.' },
            ),
          },
          'officer.liverpool',
        );
        // A project whose answer was lost is left as it is: the next turn starts another.
        if (!data) return;
        track.projectId = data.createProject.id;
        this.host.accepted.push({ kind: 'joint project', sql: 'SELECT 1 FROM project WHERE id = $1', params: [track.projectId] });
        return;
      }
      case 'draft': {
        const sent = await this.host.send<{ createFundApplication: { id: string; status: string } }>(
          `mutation DrillFundDraft($input: CreateApplicationInput!) { createFundApplication(input: $input) { id status } }`,
          {
            input: {
              callId: call.id,
              projectId: track.projectId,
              title: { en: `Fault drill application ${track.n}`, ko: `장애 훈련 신청서 ${track.n}` },
              summary: { en: 'Drafted, submitted and reviewed while the drill ran.', ko: '장애 훈련 중에 작성하고 제출하고 심사한 신청서입니다.' },
              // Equal at the call's reference rate (1,700 won to the pound), as the demo's own application: £20,000 and ₩34,000,000.
              budgetLines: [
                { countryCode: 'GB', category: 'STAFF', description: 'Trial engineer', amountMinor: '1500000' },
                { countryCode: 'GB', category: 'TRAVEL', description: 'Two visits to Busan', amountMinor: '500000' },
                { countryCode: 'KR', category: 'EQUIPMENT', description: '시험 장비 임차', amountMinor: '34000000' },
              ],
            },
          },
          'officer.liverpool',
          ['CONFLICT'],
        );
        // Lost, or refused as already applied: the next turn looks for it by its project.
        if (sent.unknown || sent.refused) return this.unsure(track, sent);
        if (!sent.data) return;
        track.applicationId = sent.data.createFundApplication.id;
        track.status = sent.data.createFundApplication.status;
        track.refusals = 0;
        this.record(track, `fund-application:${track.applicationId}`);
        return;
      }
      case 'find': {
        const { data } = await this.host.send<{ fundApplications: { nodes: Array<{ id: string; status: string }> } }>(
          `query DrillFundFind($filter: ApplicationFilter) { fundApplications(filter: $filter, first: 1) { nodes { id status } } }`,
          { filter: { projectId: track.projectId, callId: call.id } },
          'officer.liverpool',
        );
        if (!data) return;
        const found = data.fundApplications.nodes[0];
        if (found) Object.assign(track, { applicationId: found.id, status: found.status });
        track.unsure = false;
        return;
      }
      case 'read': {
        const { data } = await this.host.send<{ fundApplication: FundApplicationRead }>(
          `query DrillFundRead($id: ID!) { fundApplication(id: $id) { status conflicts { member { id } } reviewAssignments { reviewer { id } submittedAt } } }`,
          { id },
          'admin',
        );
        if (data) applyRead(track, data.fundApplication);
        return;
      }
      case 'submit':
      case 'confirm': {
        const mutation = next.step === 'submit' ? 'submitFundApplication' : 'confirmFundApplicationEligibility';
        const kind = next.step === 'submit' ? STATUS_KIND.SUBMITTED! : STATUS_KIND.ELIGIBILITY_CHECKED!;
        const sent = await this.host.send<Record<string, { status: string }>>(
          `mutation DrillFundStep($input: ApplicationStepInput!) { ${mutation}(input: $input) { id status } }`,
          { input: { id } },
          next.step === 'submit' ? 'officer.liverpool' : 'admin',
          ['CONFLICT'],
        );
        this.host.unknownOutcome(kind, key, sent);
        if (sent.unknown || sent.refused) return this.unsure(track, sent);
        if (!sent.data) return;
        track.status = sent.data[mutation]!.status;
        track.refusals = 0;
        this.record(track, key);
        return;
      }
      case 'assign': {
        const memberIds = chooseReviewers(call.members, track.conflicted!, Math.max(REVIEWERS, call.reviewersPerApplication), track.n);
        if (!memberIds.length) {
          // Too few board members free of a conflict: nobody can review it.
          track.refusals = MAX_REFUSALS;
          return;
        }
        const sent = await this.host.send<{ assignReviewers: Array<{ reviewer: { id: string }; application: { status: string } }> }>(
          `mutation DrillFundAssign($input: AssignReviewersInput!) { assignReviewers(input: $input) { reviewer { id } application { status } } }`,
          { input: { applicationId: id, memberIds } },
          'admin',
          ['CONFLICT'],
        );
        this.host.unknownOutcome(STATUS_KIND.UNDER_REVIEW!, key, sent);
        if (sent.unknown || sent.refused) return this.unsure(track, sent);
        if (!sent.data) return;
        const reviews = sent.data.assignReviewers;
        track.reviewers = reviews.map((r) => r.reviewer.id);
        track.status = reviews[0]?.application.status ?? track.status;
        track.refusals = 0;
        this.host.accepted.push({
          kind: STATUS_KIND[track.status!] ?? `fund application ${track.status}`,
          key,
          sql: `SELECT 1 FROM fund_application a WHERE a.id = $1 AND a.status = $2
                   AND (SELECT count(*) FROM review r WHERE r.application_id = a.id AND r.member_id = ANY($3::uuid[]) AND r.withdrawn_at IS NULL) = cardinality($3::uuid[])`,
          params: [id, track.status, memberIds],
        });
        return;
      }
      case 'review': {
        const member = call.members.find((m) => m.id === next.memberId);
        if (!member) {
          // Assigned by someone else, to a member who is not a demo person: the drill cannot write that review.
          track.reviewed.push(next.memberId);
          return;
        }
        const reviewKey = `review:${id}:${member.id}`;
        const recommendation = RECOMMENDATIONS[track.n % RECOMMENDATIONS.length]!;
        const sent = await this.host.send<{ submitReview: { id: string } }>(
          `mutation DrillFundReview($input: SubmitReviewInput!) { submitReview(input: $input) { id } }`,
          {
            input: {
              applicationId: id,
              scores: call.criteria.map((criterionKey, i) => ({ criterionKey, score: 1 + ((track.n + track.reviewed.length + i) % call.scoreScaleMax) })),
              recommendation,
              comment: `Reviewed while the drill ran (${track.n}).`,
            },
          },
          member.person,
          ['CONFLICT'],
        );
        this.host.unknownOutcome('review submitted', reviewKey, sent);
        if (sent.unknown || sent.refused) return this.unsure(track, sent);
        if (!sent.data) return;
        track.reviewed.push(member.id);
        track.refusals = 0;
        this.host.accepted.push({
          kind: 'review submitted',
          key: reviewKey,
          sql: 'SELECT 1 FROM review WHERE id = $1 AND application_id = $2 AND member_id = $3 AND submitted_at IS NOT NULL AND recommendation = $4',
          params: [sent.data.submitReview.id, id, member.id, recommendation],
        });
        return;
      }
      case 'done':
        return;
    }
  }

  /** The application's row holds the status the API answered. */
  private record(track: FundTrack, key: string): void {
    this.host.accepted.push({
      kind: STATUS_KIND[track.status!] ?? `fund application ${track.status}`,
      key,
      sql: 'SELECT 1 FROM fund_application WHERE id = $1 AND status = $2 AND project_id = $3',
      params: [track.applicationId, track.status, track.projectId],
    });
  }

  private unsure(track: FundTrack, sent: Sent<unknown>): void {
    track.unsure = true;
    if (sent.refused) track.refusals++;
  }
}
