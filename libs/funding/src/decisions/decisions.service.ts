import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { CitiesService } from '@app/cities';
import { AppConfig, AuthUser, BadInputError, Bilingual, Clock, ConflictError, Connection, formatMoney, hasRole, isUuid, NotFoundError, PageArgs, paginate, RequestContext, requestLoader, Role } from '@app/core';
import { Amounts, sumByCurrency, toRecord, withParticle } from '@app/rules';
import { OutboxService } from '@app/notifications';
import { workspaceRecipients } from '@app/twinning';
import { ApplicationBoard, BoardService } from '../board/board.service';
import type { AgendaItemInput, CastVoteInput, CreateBoardMeetingInput, RecordDecisionInput } from '../dto/board.inputs';
import { BoardEmail } from '../emails/board.emails';
import { AgendaItem } from './agenda-item.entity';
import { BoardMeeting } from './board-meeting.entity';
import { BoardMember } from '../board/board-member.entity';
import { FundingDecision } from './funding-decision.entity';
import { Vote, VoteChoice } from './vote.entity';
import { countriesNamedIn, countryNames, quorumWords, QuorumStatus, tally } from '../board/quorum';
import { ReviewsService } from '../reviews/reviews.service';
import { ApplicationLifecycleService } from '../applications/application-lifecycle.service';
import { ApplicationStatus, DecisionOutcome, APPROVING } from '../applications/application.enums';
import { ApplicationsService } from '../applications/applications.service';
import { FundApplication } from '../applications/fund-application.entity';
import { FundAuditService } from '../audit/audit.service';
import { FundCall } from '../funds/fund-call.entity';
import { OUTCOME_KO, statusKo } from '../funding-words';
import { FundsService } from '../funds/funds.service';

/** Where an application may be to be on an agenda, voted on and decided. */
export const AGENDA_STATUSES = [ApplicationStatus.UNDER_REVIEW, ApplicationStatus.DECIDED, ApplicationStatus.AWARD_ACCEPTED, ApplicationStatus.IN_DELIVERY];

/**
 * Meetings, votes and decisions. A decision is recorded in one transaction
 * that checks the state machine, the reviews, the quorum and the vote,
 * commits (or releases) the award against the fund's balance under a row
 * lock, and writes the decision, which the database never lets change.
 */
@Injectable()
export class DecisionsService {
  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly funds: FundsService,
    private readonly applications: ApplicationsService,
    private readonly lifecycle: ApplicationLifecycleService,
    private readonly board: BoardService,
    private readonly reviews: ReviewsService,
    private readonly audit: FundAuditService,
    private readonly outbox: OutboxService,
    private readonly cities: CitiesService,
  ) {}

  // ---------- meetings ----------

  /** Admins and current members of the meeting's board; NOT_FOUND for anyone else. */
  async meeting(user: AuthUser | null, id: string, em: EntityManager = this.dataSource.manager): Promise<BoardMeeting> {
    const meeting = isUuid(id) ? await em.findOneBy(BoardMeeting, { id }) : null;
    if (!meeting || !(await this.mayAttend(user, meeting.fundId, em))) throw new NotFoundError('meeting', id);
    return meeting;
  }

  async meetings(user: AuthUser, fundId: string, page: PageArgs): Promise<Connection<BoardMeeting>> {
    if (!(await this.mayAttend(user, fundId))) throw new NotFoundError('fundBoard', fundId);
    return paginate(this.dataSource.getRepository(BoardMeeting).createQueryBuilder('m').where('m.fund_id = :fundId', { fundId }), page, {
      expression: 'm.starts_at',
      direction: 'DESC',
      valueOf: (m) => m.startsAt.toISOString(),
      cast: 'timestamptz',
      notNull: true,
    });
  }

  async createMeeting(admin: AuthUser, input: CreateBoardMeetingInput): Promise<BoardMeeting> {
    return this.dataSource.transaction(async (em) => {
      const fund = await this.funds.get(input.fundId, em);
      await em.query(`INSERT INTO board (fund_id) VALUES ($1) ON CONFLICT DO NOTHING`, [fund.id]);
      const meeting = await em.save(
        em.create(BoardMeeting, { fundId: fund.id, titleEn: input.title.en ?? null, titleKo: input.title.ko ?? null, startsAt: input.startsAt, location: input.location ?? null, createdByUserId: admin.id }),
      );
      await this.audit.record(em, { fundId: fund.id, actorUserId: admin.id, action: 'meeting.created', subjectType: 'meeting', subjectId: meeting.id, facts: { title: { en: meeting.titleEn, ko: meeting.titleKo }, startsAt: meeting.startsAt.toISOString() } });
      return meeting;
    });
  }

  async addToAgenda(admin: AuthUser, input: AgendaItemInput): Promise<AgendaItem> {
    return this.dataSource.transaction(async (em) => {
      const meeting = await this.meeting(admin, input.meetingId, em);
      const { application } = await this.applications.lock(em, admin, input.applicationId);
      if (application.fundId !== meeting.fundId) throw BadInputError.field('applicationId', { en: 'is an application to another fund.', ko: '다른 기금에 낸 신청서입니다.' });
      if (!AGENDA_STATUSES.includes(application.status)) {
        throw new ConflictError(
          {
            en: `This application is ${application.status}: the board takes applications under review, or decided ones to reconsider.`,
            ko: `이 신청서는 ${statusKo(application.status)}입니다. 심사위원회는 심사 중인 신청서나, 다시 검토할 결정된 신청서만 안건으로 다룹니다.`,
          },
          { reason: 'ILLEGAL_TRANSITION', status: application.status },
        );
      }
      const existing = await em.findOneBy(AgendaItem, { meetingId: meeting.id, applicationId: application.id });
      if (existing) return existing;
      const [{ next }] = await em.query(`SELECT coalesce(max(position), 0) + 1 AS next FROM agenda_item WHERE meeting_id = $1`, [meeting.id]);
      const item = await em.save(em.create(AgendaItem, { meetingId: meeting.id, applicationId: application.id, position: next, decisionId: null }));
      await this.audit.record(em, { fundId: meeting.fundId, actorUserId: admin.id, action: 'meeting.agenda-added', subjectType: 'application', subjectId: application.id, facts: { title: { en: meeting.titleEn, ko: meeting.titleKo } }, detail: { meetingId: meeting.id } });
      return item;
    });
  }

  async removeFromAgenda(admin: AuthUser, input: AgendaItemInput): Promise<boolean> {
    return this.dataSource.transaction(async (em) => {
      // Decisions lock the application first: so does this, so the two never interleave.
      const { item } = await this.lockItem(em, admin, input);
      if (item.decisionId) throw new ConflictError({ en: 'The board has decided on it at this meeting: it stays on the agenda.', ko: '이번 회의에서 심사위원회가 이미 결정한 안건이라 안건에서 뺄 수 없습니다.' }, { reason: 'DECIDED' });
      await em.delete(Vote, { meetingId: item.meetingId, applicationId: item.applicationId });
      await em.delete(AgendaItem, { meetingId: item.meetingId, applicationId: item.applicationId, decisionId: IsNull() });
      const meeting = await em.findOneByOrFail(BoardMeeting, { id: item.meetingId });
      await this.audit.record(em, { fundId: meeting.fundId, actorUserId: admin.id, action: 'meeting.agenda-removed', subjectType: 'application', subjectId: item.applicationId, facts: { title: { en: meeting.titleEn, ko: meeting.titleKo } }, detail: { meetingId: meeting.id } });
      return true;
    });
  }

  /** A meeting's agenda in order; those of every meeting of the request in one statement. */
  agenda(ctx: RequestContext, meetingId: string): Promise<AgendaItem[]> {
    return requestLoader<string, AgendaItem[]>(ctx, 'funding.agenda', async (meetingIds) => {
      const items = await this.dataSource.getRepository(AgendaItem).find({ where: { meetingId: In([...meetingIds]) }, order: { position: 'ASC' } });
      return meetingIds.map((id) => items.filter((i) => i.meetingId === id));
    }).load(meetingId);
  }

  // ---------- votes ----------

  async castVote(user: AuthUser, input: CastVoteInput): Promise<QuorumStatus> {
    return this.dataSource.transaction(async (em) => {
      const { item, application } = await this.lockItem(em, user, input);
      const { seat, board } = await this.board.requireUnconflictedSeat(em, user, application, { en: 'vote on it', ko: '이 신청서에 투표할' });
      if (!AGENDA_STATUSES.includes(application.status)) {
        throw new ConflictError(
          { en: `This application is ${application.status}: there is nothing to vote on.`, ko: `이 신청서는 ${statusKo(application.status)}라 투표할 것이 없습니다.` },
          { reason: 'ILLEGAL_TRANSITION', status: application.status },
        );
      }
      if (item.decisionId) throw new ConflictError({ en: 'The decision on this item has been recorded: votes are closed.', ko: '이 안건의 결정이 이미 기록되어 투표가 끝났습니다.' }, { reason: 'DECIDED' });
      await em
        .createQueryBuilder()
        .insert()
        .into(Vote)
        .values({ meetingId: item.meetingId, applicationId: item.applicationId, memberId: seat.id, choice: input.choice, castAt: this.clock.now() })
        .orUpdate(['choice', 'cast_at'], ['meeting_id', 'application_id', 'member_id'])
        .execute();
      await this.audit.record(em, {
        fundId: application.fundId,
        actorUserId: user.id,
        action: 'vote.cast',
        subjectType: 'application',
        subjectId: application.id,
        facts: { name: user.displayName, choice: input.choice },
        detail: { meetingId: item.meetingId, memberId: seat.id },
      });
      return (await this.tallyOf(em, application, item.meetingId, undefined, board)).status;
    });
  }

  /**
   * The votes that count on an agenda item and the quorum they make (see
   * `tally`): in three statements, or two when the caller has the application's
   * board already.
   */
  private async tallyOf(em: EntityManager, application: FundApplication, meetingId: string, since?: Date, board?: ApplicationBoard) {
    // In sequence: `em` is the caller's transaction, whose one connection runs one query at a time.
    board ??= (await this.board.applicationBoards([application.id], em))[0];
    const votes = await this.board.votes(em, meetingId, application.id);
    const [rule] = await this.board.quorumRules([application.fundId], em);
    if (rule instanceof Error) throw rule;
    return tally(board, votes, rule, since);
  }

  // ---------- decisions ----------

  async decide(user: AuthUser, input: RecordDecisionInput): Promise<FundingDecision> {
    if (!input.rationale.en || !input.rationale.ko) throw BadInputError.field('rationale', { en: 'is published with the decision: give it in English and in Korean.', ko: '결정 사유는 결정과 함께 공개됩니다. 영어와 한국어로 모두 써 주세요.' });
    const conditional = input.outcome === DecisionOutcome.APPROVED_WITH_CONDITIONS;
    if (conditional && (!input.conditions?.en || !input.conditions?.ko)) throw BadInputError.field('conditions', { en: 'are required, in English and in Korean, for APPROVED_WITH_CONDITIONS.', ko: '조건부 승인에는 조건을 영어와 한국어로 모두 써야 합니다.' });
    if (!conditional && input.conditions) throw BadInputError.field('conditions', { en: `only go with APPROVED_WITH_CONDITIONS, not ${input.outcome}.`, ko: `조건은 조건부 승인에만 붙일 수 있습니다(이 결정은 ${OUTCOME_KO[input.outcome]}).` });
    const approving = APPROVING.includes(input.outcome);
    if (!approving && input.amounts?.length) throw BadInputError.field('amounts', { en: `only go with an approval, not ${input.outcome}.`, ko: `금액은 승인 결정에만 넣을 수 있습니다(이 결정은 ${OUTCOME_KO[input.outcome]}).` });

    return this.dataSource.transaction(async (em) => {
      const { item, application } = await this.lockItem(em, user, input);
      const board = hasRole(user, Role.ADMIN) ? undefined : (await this.board.requireUnconflictedSeat(em, user, application, { en: 'record its decision', ko: '이 신청서에 대한 결정을 기록할' })).board;
      if (item.decisionId) throw new ConflictError(
          {
            en: 'A decision on this item was recorded at this meeting already. A new decision goes on a later meeting’s agenda.',
            ko: '이번 회의에서 이 안건의 결정이 이미 기록되었습니다. 새 결정은 이후 회의의 안건으로 올려 주세요.',
          },
          { reason: 'DECIDED', decisionId: item.decisionId },
        );
      const previous = application.currentDecisionId ? await em.findOneByOrFail(FundingDecision, { id: application.currentDecisionId }) : null;
      const action = previous ? 'redecide' : 'decide';
      const call = await em.findOneByOrFail(FundCall, { id: application.callId });
      const { status, counted, eligible } = await this.tallyOf(em, application, item.meetingId, previous?.recordedAt, board);
      if (!previous) {
        // Reviews count while their reviewer still sits on the board and is not conflicted.
        const submitted = await this.reviews.countingCount(em, application.id, eligible.map((m) => m.memberId));
        if (submitted < call.reviewersPerApplication) {
          throw new ConflictError(
            {
              en: `The call needs ${call.reviewersPerApplication} submitted review${call.reviewersPerApplication === 1 ? '' : 's'} before a decision; this application has ${submitted}.`,
              ko: `이 공모는 결정 전에 제출된 심사 ${call.reviewersPerApplication}건이 필요한데, 이 신청서는 ${submitted}건입니다.`,
            },
            { reason: 'REVIEWS_INCOMPLETE', submitted, needed: call.reviewersPerApplication },
          );
        }
      }
      if (!status.met) {
        const codes = countriesNamedIn(status);
        const said = quorumWords(status, countryNames(codes, await this.cities.getCountries(codes, em)));
        const stale = previous ? { en: ' Only votes cast since the current decision count towards a new one.', ko: ' 새 결정에는 현재 결정 이후에 던진 표만 셉니다.' } : { en: '', ko: '' };
        const { eligibleMembers, votesCast, votesNeeded, countriesMissing, met } = status;
        throw new ConflictError(
          { en: said.en + stale.en, ko: said.ko + stale.ko },
          { reason: 'QUORUM_NOT_MET', quorum: { eligibleMembers, votesCast, votesNeeded, countriesMissing, met, explanation: said.en + stale.en } },
        );
      }
      const tally = (choice: VoteChoice) => counted.filter((v) => v.choice === choice).length;
      const [votesFor, votesAgainst, abstentions] = [tally(VoteChoice.FOR), tally(VoteChoice.AGAINST), tally(VoteChoice.ABSTAIN)];
      if (approving && votesFor <= votesAgainst) throw new ConflictError(
          { en: `The vote (${votesFor} for, ${votesAgainst} against) does not carry an approval.`, ko: `표결 결과(찬성 ${votesFor}, 반대 ${votesAgainst})로는 승인할 수 없습니다.` },
          { reason: 'VOTE_MISMATCH', votesFor, votesAgainst },
        );
      if (input.outcome === DecisionOutcome.REJECTED && votesFor > votesAgainst) throw new ConflictError(
          { en: `The vote (${votesFor} for, ${votesAgainst} against) carries the application: it cannot be recorded as rejected.`, ko: `표결 결과(찬성 ${votesFor}, 반대 ${votesAgainst})가 신청서를 지지하므로 불승인으로 기록할 수 없습니다.` },
          { reason: 'VOTE_MISMATCH', votesFor, votesAgainst },
        );
      // Deferring puts a decision off: it cannot undo an award that stands (record REJECTED, or a smaller approval, for that).
      if (input.outcome === DecisionOutcome.DEFERRED && previous && APPROVING.includes(previous.outcome)) {
        throw new ConflictError(
          {
            en: 'An award stands on this application: deferring cannot withdraw it. Record REJECTED, or an approval of a smaller amount.',
            ko: '이 신청서에는 유효한 지원 결정이 있어 보류로는 되돌릴 수 없습니다. 불승인으로 기록하거나 더 적은 금액으로 승인해 주세요.',
          },
          { reason: 'VOTE_MISMATCH', current: previous.outcome },
        );
      }

      const award = approving ? await this.award(em, application, call, input) : new Map<string, bigint>();
      const decision = await em.save(
        em.create(FundingDecision, {
          id: randomUUID(),
          fundId: application.fundId,
          applicationId: application.id,
          meetingId: item.meetingId,
          outcome: input.outcome,
          conditionsEn: input.conditions?.en ?? null,
          conditionsKo: input.conditions?.ko ?? null,
          rationaleEn: input.rationale.en,
          rationaleKo: input.rationale.ko,
          amounts: toRecord(award),
          votesFor,
          votesAgainst,
          abstentions,
          eligibleMembers: status.eligibleMembers,
          votes: counted.map((v) => ({ memberId: v.memberId, userId: v.userId, countryCode: v.countryCode, choice: v.choice })),
          supersedesDecisionId: previous?.id ?? null,
          recordedByUserId: user.id,
          recordedAt: this.clock.now(),
        }),
      );
      // Money: the fund's commitment to the application becomes exactly this award (nothing unless approved),
      // committing what is new and releasing what is no longer; INSUFFICIENT_FUNDS rolls back the whole decision.
      await this.lifecycle.setAward(em, user.id, application, award, decision.id, !previous);
      await em.update(AgendaItem, { meetingId: item.meetingId, applicationId: application.id }, { decisionId: decision.id });
      Object.assign(application, { outcome: input.outcome, currentDecisionId: decision.id, decidedAt: decision.recordedAt });
      await this.lifecycle.transition(em, user.id, application, action, null, { decisionId: decision.id }, { outcome: input.outcome });
      await this.audit.record(em, {
        fundId: application.fundId,
        actorUserId: user.id,
        action: 'decision.recorded',
        subjectType: 'decision',
        subjectId: decision.id,
        facts: { outcome: input.outcome, amounts: decision.amounts, votes: { for: votesFor, against: votesAgainst, abstaining: abstentions }, supersedes: !!previous },
        detail: { applicationId: application.id, meetingId: item.meetingId, supersedes: previous?.id ?? null },
      });
      await this.notify(em, application, decision);
      return decision;
    });
  }

  /** Decisions newest first: everyone may read these summaries (never the reviews). */
  listDecisions(filter: { fundId?: string; applicationId?: string }, page: PageArgs): Promise<Connection<FundingDecision>> {
    const query = this.dataSource.getRepository(FundingDecision).createQueryBuilder('d');
    if (filter.fundId) query.andWhere('d.fund_id = :fundId', { fundId: filter.fundId });
    if (filter.applicationId) query.andWhere('d.application_id = :applicationId', { applicationId: filter.applicationId });
    return paginate(query, page, { expression: 'd.recorded_at', direction: 'DESC', valueOf: (d) => d.recordedAt.toISOString(), cast: 'timestamptz', notNull: true });
  }

  async decision(id: string): Promise<FundingDecision> {
    const decision = isUuid(id) ? await this.dataSource.getRepository(FundingDecision).findOneBy({ id }) : null;
    if (!decision) throw new NotFoundError('decision', id);
    return decision;
  }

  // ---------- helpers ----------

  private async mayAttend(user: AuthUser | null, fundId: string, em: EntityManager = this.dataSource.manager): Promise<boolean> {
    if (!user) return false;
    if (hasRole(user, Role.ADMIN)) return true;
    return !!(await em.findOneBy(BoardMember, { fundId, userId: user.id, endedAt: IsNull() }));
  }

  private async lockItem(em: EntityManager, user: AuthUser, input: AgendaItemInput): Promise<{ item: AgendaItem; application: FundApplication }> {
    const meeting = await this.meeting(user, input.meetingId, em);
    const { application } = await this.applications.lock(em, user, input.applicationId);
    const item = await em.findOneBy(AgendaItem, { meetingId: meeting.id, applicationId: application.id });
    if (!item) throw new NotFoundError('agendaItem');
    return { item, application };
  }

  /** The award of an approval: as given, or what was requested; never more than requested or the call's maximum. */
  private async award(em: EntityManager, application: FundApplication, call: FundCall, input: RecordDecisionInput): Promise<Amounts> {
    const requested = await this.applications.requested(application.id, em);
    const award = input.amounts?.length ? sumByCurrency(input.amounts) : requested;
    for (const [currency, amount] of award) {
      if (!requested.has(currency)) throw BadInputError.field('amounts', { en: `the application requests nothing in ${currency}.`, ko: `이 신청서는 ${withParticle(currency, '으로/로')} 신청한 금액이 없습니다.` });
      const [given, asked] = [amount, requested.get(currency)!].map((v) => ({ en: formatMoney(v.toString(), currency, 'en'), ko: formatMoney(v.toString(), currency, 'ko') }));
      if (amount > requested.get(currency)!) throw BadInputError.field('amounts', { en: `${given.en} is more than the ${asked.en} requested.`, ko: `${withParticle(given.ko, '은/는')} 신청한 ${asked.ko}보다 많습니다.` });
      if (amount > BigInt(call.maxAwardMinor[currency] ?? '0')) throw BadInputError.field('amounts', { en: `${given.en} is above the call’s maximum award.`, ko: `${withParticle(given.ko, '은/는')} 공모의 최대 지원액보다 많습니다.` });
    }
    if ([...award.values()].every((v) => v === 0n)) throw BadInputError.field('amounts', { en: 'an approval awards something: give an amount above zero.', ko: '승인에는 지원 금액이 있어야 합니다. 0보다 큰 금액을 넣어 주세요.' });
    return award;
  }

  private async notify(em: EntityManager, application: FundApplication, decision: FundingDecision): Promise<void> {
    for (const to of await workspaceRecipients(em, application.workspaceId, false)) {
      await this.outbox.enqueueEmail(em, {
        template: BoardEmail.DECISION_MADE,
        idempotencyKey: `governance.decision:${decision.id}:${to.userId}`,
        to,
        data: {
          title: { en: application.titleEn, ko: application.titleKo } as Bilingual,
          outcome: decision.outcome,
          amounts: decision.amounts,
          rationale: { en: decision.rationaleEn, ko: decision.rationaleKo } as Bilingual,
          conditions: decision.conditionsEn || decision.conditionsKo ? ({ en: decision.conditionsEn, ko: decision.conditionsKo } as Bilingual) : null,
          supersedes: !!decision.supersedesDecisionId,
          url: `${this.config.PUBLIC_URL}/applications/${application.id}`,
        },
      });
    }
  }
}
