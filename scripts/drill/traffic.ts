import { setTimeout as sleep } from 'node:timers/promises';
import { FundTraffic } from './fund-traffic';

/** A demo person the traffic acts as. */
export type Person = 'admin' | 'board.uk' | 'board.uk2' | 'board.kr' | 'board.kr2' | 'officer.liverpool' | 'officer.busan' | 'participant' | 'organiser';
export const PEOPLE: Person[] = ['admin', 'board.uk', 'board.uk2', 'board.kr', 'board.kr2', 'officer.liverpool', 'officer.busan', 'participant', 'organiser'];
export const emailOf = (person: Person) => `${person}@demo.twins.test`;

/**
 * A write the API accepted, and the SQL that finds it afterwards: a query
 * answering one row when the write is in the database.
 */
export interface AcceptedWrite {
  kind: string;
  /** A later accepted write with the same key supersedes this one (the row now holds what that one wrote). */
  key?: string;
  /**
   * A write on the key whose outcome is unknown (no answer: the process died, a
   * timeout): the database may hold it or not, so what it holds for the key is
   * not checked unless a later write on the key is accepted.
   */
  unknown?: boolean;
  sql: string;
  params: unknown[];
}

export interface PhaseCounts {
  sent: number;
  served: number;
  failed: number;
  /** The first few failures, for the note. */
  reasons: Map<string, number>;
}

/** The answer to one request: its data when served, the code when refused as expected, or unknown when nothing (or an error the server may have met after writing) came back. */
export interface Sent<T> {
  data?: T;
  refused?: string;
  unknown?: boolean;
}

interface Answer<T> {
  data?: T;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

/** What the setup found in the demo data. */
export interface DemoIds {
  userIds: Map<Person, string>;
  tokens: Map<Person, string>;
  eventIds: string[];
  workspaceId: string;
  /** The seed fund. */
  fundId: string;
  /** The demo's open call, to which the traffic applies. */
  callId: string;
  /** Places taken at the setup that the traffic never gives up: (person, event). */
  keptPlaces: Array<[Person, string]>;
  /** A few sector keys of the taxonomy. */
  sectors: string[];
}

/** Who may register for the demo events (and cancel): everyone but the organiser. */
const REGISTRANTS: Person[] = ['admin', 'board.uk', 'board.uk2', 'board.kr', 'board.kr2', 'officer.liverpool', 'officer.busan', 'participant'];

/**
 * Bounded, steady traffic through the proxy's /graphql, as the demo people:
 * sign-ins, event listings, event registrations and cancellations, password
 * reset requests (one email each), case studies written and edited, workspace
 * follows (digests), sector activity (evidence that makes the pair scores be
 * computed again), seed-fund applications moved a step at a time from a new
 * joint project through submission, eligibility and reviewers to their
 * reviews (scripts/drill/fund-traffic.ts), and payments into the seed fund
 * (ledger entries). Counts every request into the current phase, and records
 * every write the API accepted.
 *
 * Writes on one thing (a person's place at an event, a case study, a city's
 * sector, an application) are never in flight together, so the last one
 * accepted is what the database must hold.
 */
export class Traffic {
  readonly accepted: AcceptedWrite[] = [];
  /** Password reset requests accepted, per address. */
  readonly resetsAccepted = new Map<string, number>();
  private counts: PhaseCounts = { sent: 0, served: 0, failed: 0, reasons: new Map() };
  private running = false;
  private loop?: Promise<void>;
  private inFlight = new Set<Promise<void>>();
  private readonly busy = new Set<string>();
  /** Each person's registration at each event, when they hold one. */
  private readonly registrations = new Map<string, string>();
  private readonly caseStudies: Array<{ id: string; edits: number }> = [];
  private readonly fund: FundTraffic;
  private sequence = 0;

  constructor(
    private readonly url: string,
    private readonly ids: DemoIds,
    private readonly password: string,
    private readonly perSecond: number,
  ) {
    this.fund = new FundTraffic(this, ids);
    // Places the setup took and the traffic leaves alone (busy for good).
    for (const [person, eventId] of ids.keptPlaces) this.busy.add(`registration:${person}:${eventId}`);
  }

  /** Starts counting into a fresh phase; returns the counts of the one before. */
  nextPhase(): PhaseCounts {
    const done = this.counts;
    this.counts = { sent: 0, served: 0, failed: 0, reasons: new Map() };
    return done;
  }

  start(): void {
    this.running = true;
    this.loop = (async () => {
      const gap = 1000 / this.perSecond;
      let due = Date.now();
      while (this.running) {
        // At most a few seconds' worth in flight: a stalled platform is not buried under requests it has not answered.
        if (this.inFlight.size < this.perSecond * 3) {
          const request = this.one().finally(() => this.inFlight.delete(request));
          this.inFlight.add(request);
        }
        due += gap;
        await sleep(Math.max(0, due - Date.now()));
      }
    })();
  }

  /** Stops sending and waits for the answers still due. */
  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
    await Promise.all(this.inFlight);
  }

  private async one(): Promise<void> {
    const roll = Math.random();
    const n = ++this.sequence;
    if (roll < 0.12) return this.signIn(pick(PEOPLE));
    if (roll < 0.21) return this.listEvents();
    if (roll < 0.43) return this.registerOrCancel();
    if (roll < 0.55) return this.passwordReset(pick(PEOPLE));
    if (roll < 0.65) return this.caseStudy(n);
    if (roll < 0.73) return this.follow();
    if (roll < 0.81) return this.sectorActivity();
    if (roll < 0.93) return this.fundApplication();
    return this.contribution(n);
  }

  /** Sends one GraphQL request and counts it, in the phase in which it is answered: served is a 2xx without errors, or with only the refusals expected. */
  async send<T>(query: string, variables: Record<string, unknown>, as: Person | null, expected: string[] = []): Promise<Sent<T>> {
    try {
      const token = as ? this.ids.tokens.get(as) : undefined;
      const response = await fetch(`${this.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(20_000),
      });
      const text = await response.text();
      // The proxy's own 502 says why it had no answer (the backend reset the connection, …).
      const why = response.status === 502 && text.startsWith('Bad gateway: ') ? ` ${text.slice('Bad gateway: '.length, 40)}` : '';
      if (response.status < 200 || response.status >= 300) return this.fail(`HTTP ${response.status}${why}`, response.status >= 500);
      const body = JSON.parse(text) as Answer<T>;
      const unexpected = (body.errors ?? []).filter((e) => !expected.includes(e.extensions?.code ?? ''));
      if (unexpected.length) return this.fail(unexpected[0]!.extensions?.code ?? unexpected[0]!.message.slice(0, 60), true);
      this.counts.sent++;
      this.counts.served++;
      return body.errors?.length ? { refused: body.errors[0]!.extensions?.code } : { data: body.data };
    } catch (error) {
      return this.fail((error as Error).name === 'TimeoutError' ? 'timeout' : ((error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message.slice(0, 60)), true);
    }
  }

  /** Counted in the phase in which the answer came (or did not). */
  private fail(reason: string, unknown: boolean): { unknown: boolean } {
    const counts = this.counts;
    counts.sent++;
    counts.failed++;
    counts.reasons.set(reason, (counts.reasons.get(reason) ?? 0) + 1);
    return { unknown };
  }

  /** After a write whose outcome is unknown: what the database holds for its key is no longer known either. */
  unknownOutcome(kind: string, key: string, sent: Sent<unknown>): void {
    if (sent.unknown) this.accepted.push({ kind, key, unknown: true, sql: '', params: [] });
  }

  private async signIn(person: Person): Promise<void> {
    await this.send(`mutation DrillSignIn($input: SignInInput!) { signIn(input: $input) { accessToken } }`, { input: { email: emailOf(person), password: this.password } }, null);
  }

  private async listEvents(): Promise<void> {
    await this.send(`query DrillEvents { events(first: 10) { nodes { id capacity spacesLeft registeredCount waitlistCount } } }`, {}, pick(PEOPLE));
  }

  /** Takes a place (or a place in the queue) for someone without one, or gives one up. */
  private async registerOrCancel(): Promise<void> {
    const person = pick(REGISTRANTS);
    const eventId = pick(this.ids.eventIds);
    const key = `registration:${person}:${eventId}`;
    if (this.busy.has(key)) return this.listEvents();
    this.busy.add(key);
    try {
      const held = this.registrations.get(key);
      if (held === undefined) {
        const sent = await this.send<{ registerForEvent: { id: string } }>(
          `mutation DrillRegister($input: EventRegistrationInput!) { registerForEvent(input: $input) { id status } }`,
          { input: { eventId } },
          person,
          ['CONFLICT'],
        );
        this.unknownOutcome('event registration', key, sent);
        // Refused (already registered, after a request whose answer was lost): give it up next time.
        if (sent.refused) this.registrations.set(key, '');
        const data = sent.data;
        if (!data) return;
        this.registrations.set(key, data.registerForEvent.id);
        this.accepted.push({ kind: 'event registration', key, sql: `SELECT 1 FROM event_registration WHERE id = $1 AND status <> 'CANCELLED'`, params: [data.registerForEvent.id] });
      } else {
        const sent = await this.send<{ cancelEventRegistration: { id: string } }>(
          `mutation DrillCancel($input: EventRegistrationInput!) { cancelEventRegistration(input: $input) { id status } }`,
          { input: { eventId } },
          person,
          ['CONFLICT', 'NOT_FOUND'],
        );
        this.unknownOutcome('registration cancelled', key, sent);
        if (sent.refused) this.registrations.delete(key);
        const data = sent.data;
        if (!data) return;
        this.registrations.delete(key);
        this.accepted.push({
          kind: 'registration cancelled',
          key,
          sql: `SELECT 1 FROM event_registration WHERE id = $1 AND status = 'CANCELLED' AND cancelled_at IS NOT NULL`,
          params: [data.cancelEventRegistration.id],
        });
      }
    } finally {
      this.busy.delete(key);
    }
  }

  private async passwordReset(person: Person): Promise<void> {
    const email = emailOf(person);
    const { data } = await this.send(`mutation DrillReset($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) { ok } }`, { input: { email } }, null);
    if (data) this.resetsAccepted.set(email, (this.resetsAccepted.get(email) ?? 0) + 1);
  }

  /** A new case study now and then, otherwise an edit of one written before. */
  private async caseStudy(n: number): Promise<void> {
    const open = this.caseStudies.filter((c) => !this.busy.has(`case-study:${c.id}`));
    if (open.length === 0 || (this.caseStudies.length < 15 && Math.random() < 0.3)) {
      const { data } = await this.send<{ createCaseStudy: { id: string } }>(
        `mutation DrillCaseStudy($input: CreateCaseStudyInput!) { createCaseStudy(input: $input) { id } }`,
        {
          input: {
            cityIds: ['liverpool', 'busan'],
            sectors: ['hydrogen'],
            versions: [{ language: 'en', title: `Fault drill note ${n}`, summary: 'What two port cities learnt.', body: 'Written while the drill ran.' }],
          },
        },
        'officer.liverpool',
      );
      if (!data) return;
      this.caseStudies.push({ id: data.createCaseStudy.id, edits: 0 });
      this.accepted.push({ kind: 'case study', sql: 'SELECT 1 FROM case_study WHERE id = $1', params: [data.createCaseStudy.id] });
      return;
    }
    const study = pick(open);
    const key = `case-study:${study.id}`;
    this.busy.add(key);
    try {
      const title = `Fault drill note, edit ${++study.edits} (${n})`;
      const sent = await this.send(
        `mutation DrillCaseStudyText($input: WriteCaseStudyTextInput!) { writeCaseStudyText(input: $input) { revision } }`,
        { input: { caseStudyId: study.id, language: 'en', title, summary: 'What two port cities learnt, revised.', body: `Edited while the drill ran (${n}).` } },
        'officer.liverpool',
        ['CONFLICT'],
      );
      this.unknownOutcome('case study edit', key, sent);
      if (sent.data) this.accepted.push({ kind: 'case study edit', key, sql: `SELECT 1 FROM case_study_version WHERE case_study_id = $1 AND language = 'en' AND title = $2`, params: [study.id, title] });
    } finally {
      this.busy.delete(key);
    }
  }

  /** One application moved one step (scripts/drill/fund-traffic.ts); an event listing when every application is busy. */
  private async fundApplication(): Promise<void> {
    if (!(await this.fund.one())) await this.listEvents();
  }

  /** An admin records a government's payment into the seed fund: a ledger entry, which the reconciliation must account for. */
  private async contribution(n: number): Promise<void> {
    const countryCode = pick(['GB', 'KR']);
    const { data } = await this.send<{ recordContribution: { id: string } }>(
      `mutation DrillContribution($input: ContributionInput!) { recordContribution(input: $input) { id } }`,
      { input: { fundId: this.ids.fundId, countryCode, amountMinor: countryCode === 'GB' ? '100000' : '170000000', note: `Fault drill payment ${n}` } },
      'admin',
    );
    if (data) this.accepted.push({ kind: 'fund contribution', sql: 'SELECT 1 FROM ledger_entry WHERE id = $1', params: [data.recordContribution.id] });
  }

  /**
   * Follows the twin workspace again: Busan's officer switches between daily and weekly digests,
   * Liverpool's stays daily, since the drill owes them a digest at this run's digest time (scripts/drill/schedule.ts).
   */
  private async follow(): Promise<void> {
    const person = pick<Person>(['officer.liverpool', 'officer.busan']);
    const key = `follow:${person}`;
    if (this.busy.has(key)) return this.listEvents();
    this.busy.add(key);
    try {
      const frequency = person === 'officer.busan' && Math.random() < 0.5 ? 'WEEKLY' : 'DAILY';
      const sent = await this.send(
        `mutation DrillFollow($workspaceId: ID!, $frequency: DigestFrequency!) { followWorkspace(workspaceId: $workspaceId, frequency: $frequency) { id frequency } }`,
        { workspaceId: this.ids.workspaceId, frequency },
        person,
      );
      this.unknownOutcome('workspace follow', key, sent);
      if (sent.data) {
        this.accepted.push({
          kind: 'workspace follow',
          key,
          sql: 'SELECT 1 FROM workspace_follow WHERE workspace_id = $1 AND user_id = $2 AND frequency = $3',
          params: [this.ids.workspaceId, this.ids.userIds.get(person), frequency],
        });
      }
    } finally {
      this.busy.delete(key);
    }
  }

  /** A city officer records the city's activity in a sector: the city's pair scores are computed again. */
  private async sectorActivity(): Promise<void> {
    const [person, cityId] = pick<[Person, string]>([
      ['officer.liverpool', 'liverpool'],
      ['officer.busan', 'busan'],
    ]);
    const sector = pick(this.ids.sectors);
    const key = `sector:${cityId}:${sector}`;
    if (this.busy.has(key)) return this.listEvents();
    this.busy.add(key);
    try {
      const level = 1 + Math.floor(Math.random() * 3);
      const sent = await this.send(
        `mutation DrillSector($input: SetSectorActivityInput!) { setSectorActivity(input: $input) { level } }`,
        { input: { cityId, sector, level, projects: [{ title: `Drill project ${this.sequence}` }], source: 'Fault drill' } },
        person,
      );
      this.unknownOutcome('sector activity', key, sent);
      if (sent.data) {
        this.accepted.push({ kind: 'sector activity', key, sql: 'SELECT 1 FROM sector_activity WHERE city_id = $1 AND sector_key = $2 AND level = $3', params: [cityId, sector, level] });
      }
    } finally {
      this.busy.delete(key);
    }
  }
}

/** What the database must hold: every accepted write, less those a later one on the same thing superseded. */
export function latestWrites(writes: AcceptedWrite[]): AcceptedWrite[] {
  const last = new Map<string, AcceptedWrite>();
  writes.forEach((write, i) => last.set(write.key ?? `#${i}`, write));
  return [...last.values()].filter((write) => !write.unknown);
}

function pick<T>(items: readonly T[]): T {
  return items[Math.floor(Math.random() * items.length)]!;
}
