import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig, AuthUser, BadInputError, Bilingual, Clock, ConflictError, ForbiddenError, formatMoney, Role } from '@app/core';
import { roleRecipients } from '@app/identity';
import { OutboxService } from '@app/notifications';
import { workspaceRecipients } from '@app/twinning';
import { ApplicationAction, requireTransition } from './application-states';
import { ApplicationsService, callClosedError, requireLead } from './applications.service';
import { FundAuditService } from '../audit/audit.service';
import type { ApplicationStepInput, CloseAwardInput } from '../dto/funding.inputs';
import { FundingEmail } from '../emails/funding.emails';
import { ApplicationTransition } from './application-transition.entity';
import type { TransitionFacts } from './transition-words';
import { FundApplication } from './fund-application.entity';
import { FundCall } from '../funds/fund-call.entity';
import { LedgerEntryKind, LedgerReason } from '../ledger/ledger-entry.entity';
import { LedgerService } from '../ledger/ledger.service';
import { Amounts, difference, sumByCurrency, toRecord, withParticle } from '@app/rules';
import { whenKo } from '../funding-words';

/**
 * An application's steps from submission to a closed award:
 * - the applying workspace's leads submit, withdraw, and accept or decline an award;
 * - fund admins return a submission, confirm its eligibility, start delivery and close;
 * - the board decides (`DecisionsService` calls `transition` and `setAward` in its transaction).
 * Every change of status goes through `transition`, which refuses what the
 * state machine does not allow and records who, when and why; money moves
 * through the ledger in the same transaction.
 */
@Injectable()
export class ApplicationLifecycleService {
  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly applications: ApplicationsService,
    private readonly ledger: LedgerService,
    private readonly audit: FundAuditService,
    private readonly outbox: OutboxService,
  ) {}

  // ---------- the applicants' steps ----------

  async submit(user: AuthUser, input: ApplicationStepInput): Promise<FundApplication> {
    return this.dataSource.transaction(async (em) => {
      const { application, access } = await this.applications.lock(em, user, input.id);
      requireLead(access, { en: 'submit it', ko: '신청서를 제출할' });
      requireTransition(application.status, 'submit', application.outcome);
      const call = await em.findOneByOrFail(FundCall, { id: application.callId });
      const now = this.clock.now();
      if (now < call.opensAt) throw new ConflictError(
          { en: `The call opens at ${call.opensAt.toISOString()}: submit it then.`, ko: `공모가 ${whenKo(call.opensAt)}에 시작됩니다. 그때 제출해 주세요.` },
          { reason: 'CALL_NOT_OPEN', opensAt: call.opensAt.toISOString() },
        );
      if (now >= call.closesAt) throw callClosedError(call);
      const failed = (await this.applications.eligibility(application, em)).filter((c) => !c.passed);
      if (failed.length) {
        throw new BadInputError(
          { en: `The application does not meet the call’s rules yet: ${failed.map((c) => c.words.en).join(' ')}`, ko: `신청서가 아직 공모 요건을 충족하지 않습니다. ${failed.map((c) => c.words.ko).join(' ')}` },
          failed.map((c) => ({ field: c.rule, message: c.words })),
        );
      }
      application.submittedAt = now;
      const saved = await this.transition(em, user.id, application, 'submit', input.reason ?? null);
      await this.notifySubmission(em, saved, call);
      return saved;
    });
  }

  async withdraw(user: AuthUser, input: ApplicationStepInput): Promise<FundApplication> {
    return this.dataSource.transaction(async (em) => {
      const { application, access } = await this.applications.lock(em, user, input.id);
      requireLead(access, { en: 'withdraw it', ko: '신청을 철회할' });
      return this.transition(em, user.id, application, 'withdraw', this.requireReason(input));
    });
  }

  async acceptAward(user: AuthUser, input: ApplicationStepInput): Promise<FundApplication> {
    return this.dataSource.transaction(async (em) => {
      const { application, access } = await this.applications.lock(em, user, input.id);
      requireLead(access, { en: 'accept the award', ko: '지원금을 수락할' });
      requireTransition(application.status, 'acceptAward', application.outcome);
      return this.transition(em, user.id, application, 'acceptAward', input.reason ?? null);
    });
  }

  /** The applicants turn an award down: all of it goes back to the fund. */
  async declineAward(user: AuthUser, input: ApplicationStepInput): Promise<FundApplication> {
    return this.dataSource.transaction(async (em) => {
      const { application, access } = await this.applications.lock(em, user, input.id);
      requireLead(access, { en: 'decline the award', ko: '지원금을 사양할' });
      requireTransition(application.status, 'declineAward', application.outcome);
      const reason = this.requireReason(input);
      await this.releaseAll(em, user.id, application, LedgerReason.AWARD_DECLINED, reason);
      return this.transition(em, user.id, application, 'declineAward', reason);
    });
  }

  // ---------- the fund admins' steps ----------

  async returnToApplicant(user: AuthUser, input: ApplicationStepInput): Promise<FundApplication> {
    return this.adminStep(user, input, 'returnToApplicant', async (em, application) => {
      application.submittedAt = null;
      return this.requireReason(input);
    });
  }

  async confirmEligibility(user: AuthUser, input: ApplicationStepInput): Promise<FundApplication> {
    return this.adminStep(user, input, 'confirmEligibility', async (em, application) => {
      const failed = (await this.applications.eligibility(application, em)).filter((c) => !c.passed);
      if (failed.length) {
        const why = { en: failed.map((c) => c.words.en).join(' '), ko: failed.map((c) => c.words.ko).join(' ') };
        throw new ConflictError({ en: `It no longer meets the call’s rules: ${why.en} Return it to its applicants instead.`, ko: `더 이상 공모 요건을 충족하지 않습니다. ${why.ko} 대신 신청자에게 반려해 주세요.` }, {
          reason: 'NOT_ELIGIBLE',
          failed: failed.map((c) => c.rule),
        });
      }
      return input.reason ?? null;
    });
  }

  async startDelivery(user: AuthUser, input: ApplicationStepInput): Promise<FundApplication> {
    return this.adminStep(user, input, 'startDelivery', async () => input.reason ?? null);
  }

  /** Closes an award in delivery: what was not spent goes back to the fund. */
  async closeAward(user: AuthUser, input: CloseAwardInput): Promise<FundApplication> {
    return this.adminStep(user, input, 'closeAward', async (em, application) => {
      const outstanding = await this.ledger.outstanding(em, application.id);
      const spent = sumByCurrency(input.spent);
      for (const [currency, amount] of spent) {
        const committed = outstanding.get(currency) ?? 0n;
        if (amount > committed) {
          throw BadInputError.field('spent', {
            en: `${formatMoney(amount.toString(), currency, 'en')} spent in ${currency} is more than the ${formatMoney(committed.toString(), currency, 'en')} awarded.`,
            ko: `${currency} 지출액 ${withParticle(formatMoney(amount.toString(), currency, 'ko'), '이/가')} 지원한 ${formatMoney(committed.toString(), currency, 'ko')}보다 많습니다.`,
          });
        }
      }
      const underspend: Amounts = new Map([...outstanding].map(([currency, committed]) => [currency, committed - (spent.get(currency) ?? 0n)]));
      await this.ledger.move(em, { fundId: application.fundId, kind: LedgerEntryKind.RELEASE, reason: LedgerReason.UNDERSPENT, amounts: underspend, applicationId: application.id, actorUserId: user.id, note: input.reason });
      await this.auditMoney(em, user.id, application, 'ledger.released', underspend, true);
      return input.reason;
    });
  }

  // ---------- for the board's decisions ----------

  /**
   * Moves an application by an action of the state machine, in the caller's
   * transaction (the row must be locked): records the transition and audits it.
   * `reason` is the person's own words (null when they gave none); `facts`
   * what the platform counted, from which the history says what happened.
   */
  async transition(
    em: EntityManager,
    actorUserId: string | null,
    application: FundApplication,
    action: ApplicationAction,
    reason: string | null,
    detail: Record<string, unknown> = {},
    facts: TransitionFacts | null = null,
  ): Promise<FundApplication> {
    const from = application.status;
    application.status = requireTransition(from, action, application.outcome);
    application.updatedAt = this.clock.now();
    const saved = await em.save(application);
    await em.insert(ApplicationTransition, { applicationId: application.id, fromStatus: from, toStatus: application.status, actorUserId, reason, facts, at: this.clock.now() });
    await this.audit.record(em, {
      fundId: application.fundId,
      actorUserId,
      action: `application.${action}`,
      subjectType: 'application',
      subjectId: application.id,
      facts: { fromStatus: from, toStatus: application.status, ...facts },
      reason,
      detail,
    });
    return saved;
  }

  /**
   * Makes what is committed to an application equal `award`: commits what is
   * missing and releases what is over, in the caller's transaction. Refuses
   * (INSUFFICIENT_FUNDS) and changes nothing when the fund cannot afford it.
   */
  async setAward(em: EntityManager, actorUserId: string, application: FundApplication, award: Amounts, decisionId: string, firstDecision: boolean): Promise<void> {
    const outstanding = await this.ledger.outstanding(em, application.id);
    const delta = difference(outstanding, award);
    const more: Amounts = new Map([...delta].filter(([, v]) => v > 0n));
    const less: Amounts = new Map([...delta].filter(([, v]) => v < 0n).map(([c, v]) => [c, -v]));
    const revoking = award.size === 0 || [...award.values()].every((v) => v === 0n);
    await this.ledger.move(em, {
      fundId: application.fundId,
      kind: LedgerEntryKind.COMMITMENT,
      reason: firstDecision || outstanding.size === 0 ? LedgerReason.AWARD_APPROVED : LedgerReason.AWARD_INCREASED,
      amounts: more,
      applicationId: application.id,
      decisionId,
      actorUserId,
    });
    await this.ledger.move(em, {
      fundId: application.fundId,
      kind: LedgerEntryKind.RELEASE,
      reason: revoking ? LedgerReason.AWARD_REVOKED : LedgerReason.AWARD_REDUCED,
      amounts: less,
      applicationId: application.id,
      decisionId,
      actorUserId,
    });
    if (more.size) await this.auditMoney(em, actorUserId, application, 'ledger.committed', more);
    if (less.size) await this.auditMoney(em, actorUserId, application, 'ledger.released', less);
  }

  // ---------- helpers ----------

  private async adminStep(
    user: AuthUser,
    input: { id: string },
    action: ApplicationAction,
    work: (em: EntityManager, application: FundApplication) => Promise<string | null>,
  ): Promise<FundApplication> {
    return this.dataSource.transaction(async (em) => {
      const { application, access } = await this.applications.lock(em, user, input.id);
      if (!access.admin) throw new ForbiddenError({ en: 'Only fund administrators may do this.', ko: '기금 관리자만 할 수 있습니다.' });
      requireTransition(application.status, action, application.outcome);
      const reason = await work(em, application);
      return this.transition(em, user.id, application, action, reason);
    });
  }

  private async releaseAll(em: EntityManager, actorUserId: string, application: FundApplication, reason: LedgerReason, note: string): Promise<void> {
    const outstanding = await this.ledger.outstanding(em, application.id);
    await this.ledger.move(em, { fundId: application.fundId, kind: LedgerEntryKind.RELEASE, reason, amounts: outstanding, applicationId: application.id, actorUserId, note });
    if (outstanding.size) await this.auditMoney(em, actorUserId, application, 'ledger.released', outstanding);
  }

  /** Audits money moved for an application: the currencies that moved (an underspend of nothing in one currency is not named). */
  private async auditMoney(em: EntityManager, actorUserId: string, application: FundApplication, action: string, amounts: Amounts, underspend = false): Promise<void> {
    const moved: Amounts = new Map([...amounts].filter(([, v]) => v !== 0n));
    if (!moved.size) return;
    await this.audit.record(em, {
      fundId: application.fundId,
      actorUserId,
      action,
      subjectType: 'application',
      subjectId: application.id,
      facts: { title: { en: application.titleEn, ko: application.titleKo }, amounts: toRecord(moved), ...(underspend ? { underspend } : {}) },
    });
  }

  private requireReason(input: { reason?: string }): string {
    if (!input.reason) throw BadInputError.field('reason', { en: 'say why: it is kept with the application’s history.', ko: '이유를 써 주세요. 신청서의 이력에 남습니다.' });
    return input.reason;
  }

  private async notifySubmission(em: EntityManager, application: FundApplication, call: FundCall): Promise<void> {
    const data = {
      title: { en: application.titleEn, ko: application.titleKo } as Bilingual,
      callTitle: { en: call.titleEn, ko: call.titleKo } as Bilingual,
      submittedAt: application.submittedAt!.toISOString(),
      url: `${this.config.PUBLIC_URL}/applications/${application.id}`,
    };
    const applicants = await workspaceRecipients(em, application.workspaceId, true);
    const admins = await roleRecipients(em, Role.ADMIN);
    const stamp = application.submittedAt!.getTime();
    for (const [to, forAdmin] of [...applicants.map((r) => [r, false] as const), ...admins.map((r) => [r, true] as const)]) {
      await this.outbox.enqueueEmail(em, {
        template: FundingEmail.SUBMISSION_RECEIVED,
        idempotencyKey: `funding.submitted:${application.id}:${stamp}:${to.userId}`,
        to,
        data: { ...data, forAdmin },
      });
    }
  }
}
