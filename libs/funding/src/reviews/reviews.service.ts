import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { AppConfig, AuthUser, BadInputError, Bilingual, Clock, ConflictError, Connection, ForbiddenError, hasRole, isUuid, NotFoundError, PageArgs, paginate, RequestContext, Role } from '@app/core';
import { recipientsOf } from '@app/identity';
import { OutboxService } from '@app/notifications';
import { BoardService, describeConflict } from '../board/board.service';
import type { AssignReviewersInput, ReviewAssignmentFilter, SetReviewDueDateInput, SubmitReviewInput, UnassignReviewerInput } from '../dto/board.inputs';
import { BoardEmail } from '../emails/board.emails';
import { BoardLoaders } from '../board/board.loaders';
import { BoardMember } from '../board/board-member.entity';
import { Review } from './review.entity';
import { countingReviews, ReviewsHidden, ReviewSummary, summarise } from './review-aggregate';
import { roundScore, weightedScore } from '@app/rules';
import { reviewDueAt } from './review-due';
import { ApplicationLifecycleService } from '../applications/application-lifecycle.service';
import { ApplicationStatus, REVIEWABLE_STATUSES } from '../applications/application.enums';
import { ApplicationsService } from '../applications/applications.service';
import { FundApplication } from '../applications/fund-application.entity';
import { FundAuditService } from '../audit/audit.service';
import { FundingLoaders } from '../funding.loaders';
import { FundCall } from '../funds/fund-call.entity';
import { statusKo } from '../funding-words';


/**
 * The order of a reviewer's list as one sortable number: reviews still to
 * write first, soonest due first (the due instant in milliseconds), then the
 * submitted ones, newest first (a constant far beyond any due date, minus the
 * submission instant). One key keeps the list keyset-paginated like the others.
 */
const SUBMITTED_AFTER = 100_000_000_000_000;
const ASSIGNMENT_ORDER = `(CASE WHEN r.submitted_at IS NULL THEN floor(extract(epoch FROM r.due_at) * 1000) ELSE ${SUBMITTED_AFTER} - floor(extract(epoch FROM r.submitted_at) * 1000) END)::bigint`;
const assignmentOrder = (r: Review): number => (r.submittedAt ? SUBMITTED_AFTER - r.submittedAt.getTime() : r.dueAt.getTime());

/**
 * Reviews: fund admins assign board members (never conflicted ones); each
 * reviewer scores every criterion of the call and recommends. Who reads them:
 * admins; board members not conflicted on the application, except that an
 * assigned reviewer sees others' reviews only after submitting their own.
 */
@Injectable()
export class ReviewsService {
  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly applications: ApplicationsService,
    private readonly lifecycle: ApplicationLifecycleService,
    private readonly board: BoardService,
    private readonly audit: FundAuditService,
    private readonly outbox: OutboxService,
    private readonly loaders: BoardLoaders,
    private readonly fundingLoaders: FundingLoaders,
  ) {}

  async assign(admin: AuthUser, input: AssignReviewersInput): Promise<Review[]> {
    return this.dataSource.transaction(async (em) => {
      const { application } = await this.applications.lock(em, admin, input.applicationId);
      if (!REVIEWABLE_STATUSES.includes(application.status)) {
        throw new ConflictError(
          {
            en: `This application is ${application.status}: reviewers are assigned once its eligibility is confirmed and until it is decided.`,
            ko: `이 신청서는 ${statusKo(application.status)}입니다. 심사위원은 자격이 확인된 뒤부터 결정되기 전까지 배정할 수 있습니다.`,
          },
          { reason: 'ILLEGAL_TRANSITION', status: application.status },
        );
      }
      // Once it is on a meeting's agenda the board reads its reviews: a reviewer assigned then would review having read them.
      const [{ onAgenda }] = await em.query(`SELECT EXISTS (SELECT 1 FROM agenda_item WHERE application_id = $1) AS "onAgenda"`, [application.id]);
      if (onAgenda) {
        throw new ConflictError(
          {
            en: 'It is on a meeting’s agenda, where the board reads its reviews: take it off the agenda before assigning reviewers.',
            ko: '이 신청서는 회의 안건에 올라 있어 심사위원회가 그 심사를 읽습니다. 심사위원을 배정하려면 먼저 안건에서 빼 주세요.',
          },
          { reason: 'ON_AGENDA' },
        );
      }
      const members = await em.findBy(BoardMember, { id: In(input.memberIds), fundId: application.fundId, endedAt: IsNull() });
      const unknown = input.memberIds.filter((id) => !members.some((m) => m.id === id));
      if (unknown.length) throw BadInputError.field('memberIds', { en: `not current members of this fund’s board: ${unknown.join(', ')}.`, ko: `이 기금 심사위원회의 현재 위원이 아닙니다: ${unknown.join(', ')}.` });
      const conflicts = await this.board.conflicts(application, em);
      const conflicted = members.filter((m) => conflicts.has(m.id));
      if (conflicted.length) {
        const who = conflicted.map((m) => ({ id: m.id, why: describeConflict(conflicts.get(m.id)!) }));
        const en = who.map((w) => `${w.id} (${w.why.en})`).join('; ');
        const ko = who.map((w) => `${w.id}(${w.why.ko})`).join('; ');
        throw new ConflictError({ en: `A conflicted member cannot review this application: ${en}.`, ko: `이해충돌이 있는 위원은 이 신청서를 심사할 수 없습니다: ${ko}.` }, {
          reason: 'CONFLICT_OF_INTEREST',
          memberIds: conflicted.map((m) => m.id),
        });
      }
      const now = this.clock.now();
      const dueAt = reviewDueAt(now, input.dueAt);
      const already = new Set((await em.findBy(Review, { applicationId: application.id })).map((r) => r.memberId));
      const newMemberIds = members.map((m) => m.id).filter((id) => !already.has(id));
      if (newMemberIds.length) {
        await em.insert(
          Review,
          newMemberIds.map((memberId) => ({ applicationId: application.id, memberId, assignedAt: now, dueAt, assignedByUserId: admin.id, scores: [] as never })),
        );
      }
      const call = await em.findOneByOrFail(FundCall, { id: application.callId });
      for (const to of (await recipientsOf(em, members.filter((m) => newMemberIds.includes(m.id)).map((m) => m.userId))).values()) {
        await this.outbox.enqueueEmail(em, {
          template: BoardEmail.REVIEW_ASSIGNED,
          idempotencyKey: `governance.review-assigned:${application.id}:${to.userId}`,
          to,
          data: { title: { en: application.titleEn, ko: application.titleKo } as Bilingual, callTitle: { en: call.titleEn, ko: call.titleKo } as Bilingual, url: `${this.config.PUBLIC_URL}/board/applications/${application.id}` },
        });
      }
      if (newMemberIds.length) {
        await this.audit.record(em, {
          fundId: application.fundId,
          actorUserId: admin.id,
          action: 'review.assigned',
          subjectType: 'application',
          subjectId: application.id,
          facts: { reviewers: newMemberIds.length, dueAt: dueAt.toISOString() },
          detail: { memberIds: newMemberIds },
        });
      }
      const assigned = await em.countBy(Review, { applicationId: application.id, withdrawnAt: IsNull() });
      if (application.status === ApplicationStatus.ELIGIBILITY_CHECKED && assigned >= call.reviewersPerApplication) {
        await this.lifecycle.transition(em, admin.id, application, 'startReview', null, {}, { reviewers: assigned });
      }
      return em.find(Review, { where: { applicationId: application.id }, order: { assignedAt: 'ASC' } });
    });
  }

  /** Admins move a pending review's due date (NOT_FOUND for an unknown review, CONFLICT once it is submitted or withdrawn); audited. */
  async setDueDate(admin: AuthUser, input: SetReviewDueDateInput): Promise<Review> {
    return this.dataSource.transaction(async (em) => {
      const found = isUuid(input.reviewId) ? await em.findOneBy(Review, { id: input.reviewId }) : null;
      if (!found) throw new NotFoundError('review', input.reviewId);
      // The application first, then the review, as assign and submit lock them.
      const { application } = await this.applications.lock(em, admin, found.applicationId);
      const review = await em.createQueryBuilder(Review, 'r').setLock('pessimistic_write').where('r.id = :id', { id: found.id }).getOneOrFail();
      if (review.submittedAt) throw new ConflictError({ en: 'This review has been submitted: its due date no longer applies.', ko: '이미 제출된 심사라 마감일을 바꿀 필요가 없습니다.' }, { reason: 'REVIEW_SUBMITTED' });
      if (review.withdrawnAt) throw new ConflictError({ en: 'This review was withdrawn when its reviewer declared a conflict of interest.', ko: '심사위원이 이해충돌을 신고해 이 심사는 철회되었습니다.' }, { reason: 'REVIEW_WITHDRAWN' });
      if (!REVIEWABLE_STATUSES.includes(application.status)) {
        throw new ConflictError(
          { en: `This application is ${application.status}: it is no longer being reviewed.`, ko: `이 신청서는 ${statusKo(application.status)}라 더 이상 심사하지 않습니다.` },
          { reason: 'ILLEGAL_TRANSITION', status: application.status },
        );
      }
      const dueAt = reviewDueAt(this.clock.now(), input.dueAt);
      const previous = review.dueAt;
      review.dueAt = dueAt;
      const saved = await em.save(review);
      await this.audit.record(em, {
        fundId: application.fundId,
        actorUserId: admin.id,
        action: 'review.due-date-set',
        subjectType: 'application',
        subjectId: application.id,
        facts: { previousDueAt: previous.toISOString(), dueAt: dueAt.toISOString() },
        detail: { reviewId: review.id, memberId: review.memberId },
      });
      return saved;
    });
  }

  /**
   * The signed-in person's reviews on the boards they sit on now, across
   * funds: those still to write (not submitted, not withdrawn after a
   * conflict, on an application still in review) soonest due first, then the
   * submitted ones, newest first. Assignments withdrawn after a conflict, and
   * unwritten ones on applications that left review (withdrawn, decided), are
   * not listed. Nobody else has any: an empty list.
   */
  mine(user: AuthUser, filter: ReviewAssignmentFilter, page: PageArgs): Promise<Connection<Review>> {
    const query = this.dataSource
      .getRepository(Review)
      .createQueryBuilder('r')
      .where('r.member_id IN (SELECT m.id FROM board_member m WHERE m.user_id = :userId AND m.ended_at IS NULL)', { userId: user.id })
      .andWhere('r.withdrawn_at IS NULL');
    const pending = 'r.submitted_at IS NULL AND EXISTS (SELECT 1 FROM fund_application a WHERE a.id = r.application_id AND a.status IN (:...reviewable))';
    if (filter.pending === true) query.andWhere(pending, { reviewable: REVIEWABLE_STATUSES });
    else if (filter.pending === false) query.andWhere('r.submitted_at IS NOT NULL');
    else query.andWhere(`(r.submitted_at IS NOT NULL OR (${pending}))`, { reviewable: REVIEWABLE_STATUSES });
    return paginate(query, page, { expression: ASSIGNMENT_ORDER, direction: 'ASC', valueOf: assignmentOrder, cast: 'bigint', notNull: true });
  }

  async unassign(admin: AuthUser, input: UnassignReviewerInput): Promise<boolean> {
    return this.dataSource.transaction(async (em) => {
      const { application } = await this.applications.lock(em, admin, input.applicationId);
      const review = await em.findOneBy(Review, { applicationId: application.id, memberId: input.memberId });
      if (!review) throw new NotFoundError('reviewAssignment');
      if (review.submittedAt) throw new ConflictError({ en: 'This review has been submitted: it stays on the record.', ko: '이미 제출된 심사는 기록으로 남으므로 배정을 취소할 수 없습니다.' }, { reason: 'REVIEW_SUBMITTED' });
      await em.delete(Review, { id: review.id });
      await this.audit.record(em, { fundId: application.fundId, actorUserId: admin.id, action: 'review.unassigned', subjectType: 'application', subjectId: application.id, facts: {}, detail: { memberId: input.memberId } });
      return true;
    });
  }

  async submit(user: AuthUser, input: SubmitReviewInput): Promise<Review> {
    return this.dataSource.transaction(async (em) => {
      const { application } = await this.applications.lock(em, user, input.applicationId);
      const { seat } = await this.board.requireUnconflictedSeat(em, user, application, { en: 'review it', ko: '이 신청서를 심사할' });
      const review = await em.createQueryBuilder(Review, 'r').setLock('pessimistic_write').where('r.application_id = :a AND r.member_id = :m', { a: application.id, m: seat.id }).getOne();
      if (!review) throw new ForbiddenError({ en: 'You are not assigned to review this application.', ko: '이 신청서의 심사위원으로 배정되지 않았습니다.' });
      if (review.submittedAt) throw new ConflictError({ en: 'You have submitted your review of this application; it is final.', ko: '이 신청서에 대한 심사를 이미 제출했습니다. 제출한 심사는 바꿀 수 없습니다.' }, { reason: 'REVIEW_SUBMITTED' });
      if (application.status !== ApplicationStatus.UNDER_REVIEW) {
        throw new ConflictError(
          { en: `This application is ${application.status}: reviews are taken while it is UNDER_REVIEW.`, ko: `이 신청서는 ${statusKo(application.status)}입니다. 심사는 ${statusKo(ApplicationStatus.UNDER_REVIEW)}일 때만 받습니다.` },
          { reason: 'ILLEGAL_TRANSITION', status: application.status },
        );
      }
      const call = await em.findOneByOrFail(FundCall, { id: application.callId });
      const keys = call.criteria.map((c) => c.key);
      const given = input.scores.map((s) => s.criterionKey);
      const missing = keys.filter((k) => !given.includes(k));
      const extra = given.filter((k, i) => !keys.includes(k) || given.indexOf(k) !== i);
      if (missing.length || extra.length) {
        throw BadInputError.field('scores', {
          en: `needs exactly one score for each criterion (${keys.join(', ')})${missing.length ? `; missing ${missing.join(', ')}` : ''}${extra.length ? `; unknown or repeated ${extra.join(', ')}` : ''}.`,
          ko: `평가 기준(${keys.join(', ')})마다 점수를 하나씩 매겨 주세요.${missing.length ? ` 빠진 기준: ${missing.join(', ')}.` : ''}${extra.length ? ` 없거나 겹친 기준: ${extra.join(', ')}.` : ''}`,
        });
      }
      const outOfScale = input.scores.find((s) => s.score > call.scoreScaleMax);
      if (outOfScale) throw BadInputError.field('scores', { en: `${outOfScale.criterionKey}: scores run from 1 to ${call.scoreScaleMax}.`, ko: `${outOfScale.criterionKey}: 점수는 1점부터 ${call.scoreScaleMax}점까지입니다.` });
      Object.assign(review, {
        scores: input.scores.map((s) => ({ criterionKey: s.criterionKey, score: s.score, comment: s.comment ?? null })),
        recommendation: input.recommendation,
        comment: input.comment ?? null,
        submittedAt: this.clock.now(),
      });
      const saved = await em.save(review);
      await this.audit.record(em, {
        fundId: application.fundId,
        actorUserId: user.id,
        action: 'review.submitted',
        subjectType: 'application',
        subjectId: application.id,
        facts: { name: user.displayName, recommendation: input.recommendation },
        detail: { reviewId: review.id },
      });
      return saved;
    });
  }

  /**
   * The reviews that count (see `countingReviews`) and whether the reader may
   * read them: admins may; board members not conflicted on the application,
   * except a reviewer before submitting their own, and a member who does not
   * review it until it is on a meeting's agenda (from then on nobody more is
   * assigned). NOT_FOUND for a conflicted member and anyone else. Through the
   * request's loaders: a list of applications costs as many statements as one.
   */
  private async reviewsFor(ctx: RequestContext, application: FundApplication): Promise<{ counting: Review[]; own: Review | null; hidden: ReviewsHidden | null }> {
    const all = await this.loaders.reviews(ctx).load(application.id);
    const board = await this.loaders.applicationBoard(ctx).load(application.id);
    const counting = countingReviews(all, new Set(board.members.filter((m) => !board.conflicts.has(m.memberId)).map((m) => m.memberId)));
    if (hasRole(ctx.user, Role.ADMIN)) return { counting, own: null, hidden: null };
    const seat = await this.loaders.unconflictedSeat(ctx, application);
    if (!seat) throw new NotFoundError('applicationReviews');
    const own = all.find((r) => r.memberId === seat.id) ?? null;
    if (own && !own.submittedAt) return { counting, own, hidden: ReviewsHidden.YOUR_REVIEW_PENDING };
    if (!own && !(await this.loaders.onAgenda(ctx).load(application.id))) return { counting, own, hidden: ReviewsHidden.NOT_ON_AGENDA };
    return { counting, own, hidden: null };
  }

  /** The reviews the reader may read: those that count, or a reviewer's own while it is unsubmitted (nothing else then). */
  async visibleTo(ctx: RequestContext, application: FundApplication): Promise<Review[]> {
    const { counting, own, hidden } = await this.reviewsFor(ctx, application);
    if (hidden === ReviewsHidden.YOUR_REVIEW_PENDING) return [own!];
    return hidden ? [] : counting;
  }

  /** The same reviews taken together: how many count, always; what they say, to those who may read them. */
  async summary(ctx: RequestContext, application: FundApplication): Promise<ReviewSummary> {
    const { counting, hidden } = await this.reviewsFor(ctx, application);
    const call = await this.fundingLoaders.call(ctx).load(application.callId);
    return summarise(
      counting.map((r) => ({ scores: r.scores, recommendation: r.recommendation! })),
      new Map(call.criteria.map((c) => [c.key, c.weight])),
      call.scoreScaleMax,
      call.reviewersPerApplication,
      hidden,
    );
  }

  /** Each review's weighted score on its call's scale, rounded as the summary rounds; null until submitted. */
  async weightedScoreOf(ctx: RequestContext, review: Review): Promise<number | null> {
    if (!review.submittedAt) return null;
    const application = await this.fundingLoaders.application(ctx).load(review.applicationId);
    const call = await this.fundingLoaders.call(ctx).load(application.callId);
    return roundScore(weightedScore(review.scores, new Map(call.criteria.map((c) => [c.key, c.weight]))));
  }

  /** The reviews that count towards the decision (see `countingReviews`), given the members who still count: current, not conflicted. */
  async countingCount(em: EntityManager, applicationId: string, eligibleMemberIds: string[]): Promise<number> {
    const reviews = await em.findBy(Review, { applicationId, withdrawnAt: IsNull() });
    return countingReviews(reviews, new Set(eligibleMemberIds)).length;
  }
}
