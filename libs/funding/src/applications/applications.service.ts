import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, EntityManager } from 'typeorm';
import { AuthUser, BadInputError, Bilingual, Clock, ConflictError, Connection, escapeLike, ForbiddenError, hasRole, isUuid, NotFoundError, PageArgs, paginate, Role, type Words } from '@app/core';
import { projectById, ProjectStage, projectStageSql } from '@app/projects';
import { isWorkspaceMemberSql, TwinningAccessService, TwinningStatus, WorkspaceRole, WorkspaceSides, workspaceTwinningSql } from '@app/twinning';
import { FundAuditService } from '../audit/audit.service';
import type { ApplicationFilter, BudgetLineInput, CreateApplicationInput, UpdateApplicationInput } from '../dto/funding.inputs';
import { checkEligibility, EligibilityCheck, EligibilityFacts } from './eligibility';
import { ApplicationBudgetLine } from './application-budget-line.entity';
import { ApplicationStatus } from './application.enums';
import { ApplicationTransition } from './application-transition.entity';
import { FundApplication } from './fund-application.entity';
import { FundCall } from '../funds/fund-call.entity';
import { BoardService } from '../board/board.service';
import { orKo, statusKo, whenKo } from '../funding-words';
import { Amounts, sumByCurrency } from '@app/rules';

/** How the reader relates to an application: decides what they see and may do. */
export interface ApplicationAccess {
  /** A member of the applying workspace, with their role there. */
  workspaceRole: WorkspaceRole | null;
  admin: boolean;
}

/** Refuses anyone but a lead of the applying workspace (FORBIDDEN). */
export function requireLead(access: ApplicationAccess, what: Words): void {
  if (access.workspaceRole !== WorkspaceRole.LEAD) throw new ForbiddenError({ en: `Only a lead of the applying workspace may ${what.en}.`, ko: `신청한 워크스페이스의 리더만 ${what.ko} 수 있습니다.` });
}

const ALREADY_APPLIED: Words = { en: 'This project already has an application to this call: edit that one, or withdraw it first.', ko: '이 프로젝트는 이미 이 공모에 신청서를 냈습니다. 그 신청서를 고치거나, 먼저 철회해 주세요.' };

export function callClosedError(call: FundCall): ConflictError {
  return new ConflictError(
    { en: `The call closed at ${call.closesAt.toISOString()}: it takes no more applications.`, ko: `이 공모는 ${whenKo(call.closesAt)}에 마감되어 더 이상 신청을 받지 않습니다.` },
    { reason: 'CALL_CLOSED', closesAt: call.closesAt.toISOString() },
  );
}

/**
 * Seed-fund applications: who may see them, their drafting, and what the
 * call's rules make of them (their steps from submission to a closed award
 * are ApplicationLifecycleService's).
 * - the applying workspace's leads write the draft; its members read;
 * - fund admins (programme administrators) read everything;
 * - the fund's board reads submitted applications (reviews and votes are the board's: board/, reviews/, decisions/);
 * - anyone else gets NOT_FOUND.
 */
@Injectable()
export class ApplicationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly twinningAccess: TwinningAccessService,
    private readonly board: BoardService,
    private readonly audit: FundAuditService,
  ) {}

  // ---------- access ----------

  /**
   * Who may see each application: admins, the applying workspace's members,
   * and once it is submitted the board of its fund (conflicts are
   * the board's to judge); null for anyone else. Batched: one statement for
   * the workspaces, and one for the boards only when some application is not
   * already visible through the workspace or as an admin.
   */
  async accessTo(user: AuthUser | null, applications: readonly FundApplication[], em: EntityManager = this.dataSource.manager): Promise<Array<ApplicationAccess | null>> {
    if (!user) return applications.map(() => null);
    const admin = hasRole(user, Role.ADMIN);
    // One after the other: `em` may be a transaction's, and one connection runs one query at a time.
    const workspaces = await this.twinningAccess.workspaceAccess(user, applications.map((a) => a.workspaceId), em);
    const byBoard = applications.some((a, i) => !admin && !workspaces[i]?.role && a.submittedAt !== null);
    const boardFunds = byBoard ? await this.board.fundsWhereMember(user.id, em) : [];
    return applications.map((application, i) => {
      const workspaceRole = workspaces[i]?.role ?? null;
      const board = boardFunds.includes(application.fundId) && application.submittedAt !== null;
      return workspaceRole || admin || board ? { workspaceRole, admin } : null;
    });
  }

  /** The application if the user may see it; NOT_FOUND otherwise. */
  async get(user: AuthUser | null, id: string, em: EntityManager = this.dataSource.manager): Promise<{ application: FundApplication; access: ApplicationAccess }> {
    const application = isUuid(id) ? await em.findOneBy(FundApplication, { id }) : null;
    const [access] = application ? await this.accessTo(user, [application], em) : [null];
    if (!application || !access) throw new NotFoundError('application', id);
    return { application, access };
  }

  /** Locks the row, then checks the reader may see it. */
  async lock(em: EntityManager, user: AuthUser, id: string): Promise<{ application: FundApplication; access: ApplicationAccess }> {
    const application = isUuid(id) ? await em.createQueryBuilder(FundApplication, 'a').setLock('for_no_key_update').where('a.id = :id', { id }).getOne() : null;
    const [access] = application ? await this.accessTo(user, [application], em) : [null];
    if (!application || !access) throw new NotFoundError('application', id);
    return { application, access };
  }

  /**
   * What the reader may list: their workspaces' applications; all submitted
   * ones of funds whose board they sit on; everything for admins. Newest change first.
   */
  async list(user: AuthUser, filter: ApplicationFilter, page: PageArgs): Promise<Connection<FundApplication>> {
    const query = this.dataSource.getRepository(FundApplication).createQueryBuilder('a');
    if (!hasRole(user, Role.ADMIN)) {
      const boardFunds = await this.board.fundsWhereMember(user.id);
      query.andWhere(
        new Brackets((q) =>
          q
            .where(isWorkspaceMemberSql({ workspaceId: 'a.workspace_id', userId: ':userId' }), { userId: user.id })
            .orWhere('(a.fund_id = ANY(:boardFunds) AND a.submitted_at IS NOT NULL)', { boardFunds }),
        ),
      );
    }
    if (filter.fundId) query.andWhere('a.fund_id = :fundId', { fundId: filter.fundId });
    if (filter.callId) query.andWhere('a.call_id = :callId', { callId: filter.callId });
    if (filter.workspaceId) query.andWhere('a.workspace_id = :workspaceId', { workspaceId: filter.workspaceId });
    if (filter.projectId) query.andWhere('a.project_id = :projectId', { projectId: filter.projectId });
    if (filter.cityId) query.andWhere(':cityId = ANY(a.city_ids)', { cityId: filter.cityId });
    if (filter.statuses?.length) query.andWhere('a.status IN (:...statuses)', { statuses: filter.statuses });
    if (filter.search) {
      const like = `%${escapeLike(filter.search)}%`;
      query.andWhere(
        new Brackets((q) => q.where('a.title_en ILIKE :like', { like }).orWhere('a.title_ko ILIKE :like').orWhere('a.summary_en ILIKE :like').orWhere('a.summary_ko ILIKE :like')),
      );
    }
    return paginate(query, page, { expression: 'a.updated_at', direction: 'DESC', valueOf: (a) => a.updatedAt.toISOString(), cast: 'timestamptz', notNull: true });
  }

  // ---------- drafting ----------

  async create(user: AuthUser, input: CreateApplicationInput): Promise<FundApplication> {
    try {
      return await this.createInTransaction(user, input);
    } catch (error) {
      // Two leads starting the same application at once: the unique index lets one through.
      if ((error as { code?: string; constraint?: string }).constraint === 'fund_application_one_per_project') {
        throw new ConflictError(ALREADY_APPLIED, { reason: 'ALREADY_APPLIED' });
      }
      throw error;
    }
  }

  private createInTransaction(user: AuthUser, input: CreateApplicationInput): Promise<FundApplication> {
    return this.dataSource.transaction(async (em) => {
      const project = await projectById(em, input.projectId);
      const access = project ? (await this.twinningAccess.workspaceAccess(user, [project.workspaceId], em))[0] : null;
      if (!project || !access) throw new NotFoundError('project', input.projectId);
      if (access.role !== WorkspaceRole.LEAD) throw new ForbiddenError({ en: 'Only a lead of the workspace may apply for seed funding.', ko: '워크스페이스의 리더만 시드 기금을 신청할 수 있습니다.' });
      const call = await em.findOneBy(FundCall, { id: input.callId });
      if (!call) throw new NotFoundError('call', input.callId);
      if (this.clock.now() >= call.closesAt) throw callClosedError(call);
      const [workspace] = await this.twinningAccess.sidesOf([project.workspaceId], em);
      const { twinning } = workspace!;
      const existing = await em
        .createQueryBuilder(FundApplication, 'a')
        .where('a.call_id = :callId AND a.project_id = :projectId AND a.status <> :withdrawn', { callId: call.id, projectId: project.id, withdrawn: ApplicationStatus.WITHDRAWN })
        .getOne();
      if (existing) throw new ConflictError(ALREADY_APPLIED, { reason: 'ALREADY_APPLIED', applicationId: existing.id, status: existing.status });
      const currencies = validateLines(workspace!, input.budgetLines ?? []);
      const application = await em.save(
        em.create(FundApplication, {
          callId: call.id,
          fundId: call.fundId,
          workspaceId: project.workspaceId,
          projectId: project.id,
          cityIds: [twinning.cityAId, twinning.cityBId],
          status: ApplicationStatus.DRAFT,
          outcome: null,
          currentDecisionId: null,
          createdByUserId: user.id,
          submittedAt: null,
          decidedAt: null,
          version: 1,
          ...this.columns(input),
        } as Partial<FundApplication>),
      );
      await this.replaceLines(em, application.id, input.budgetLines ?? [], currencies);
      await em.insert(ApplicationTransition, { applicationId: application.id, fromStatus: null, toStatus: ApplicationStatus.DRAFT, actorUserId: user.id, reason: null, at: this.clock.now() });
      await this.audit.record(em, {
        fundId: call.fundId,
        actorUserId: user.id,
        action: 'application.created',
        subjectType: 'application',
        subjectId: application.id,
        facts: { title: { en: application.titleEn, ko: application.titleKo } },
        detail: { callId: call.id, workspaceId: project.workspaceId, projectId: project.id },
      });
      return application;
    });
  }

  async update(user: AuthUser, input: UpdateApplicationInput): Promise<FundApplication> {
    return this.dataSource.transaction(async (em) => {
      const { application, access } = await this.lock(em, user, input.id);
      requireLead(access, { en: 'edit it', ko: '신청서를 고칠' });
      if (application.status !== ApplicationStatus.DRAFT) {
        throw new ConflictError(
          { en: `This application is ${application.status}: its content was locked on submission.`, ko: `이 신청서는 ${statusKo(application.status)}입니다. 제출한 뒤에는 내용을 고칠 수 없습니다.` },
          { reason: 'LOCKED', status: application.status },
        );
      }
      if (application.version !== input.version) {
        throw new ConflictError(
          { en: 'Someone changed this application since you read it: reload it and apply your change again.', ko: '신청서를 연 뒤에 다른 사람이 고쳤습니다. 새로 불러온 다음 다시 고쳐 주세요.' },
          { reason: 'STALE_VERSION', currentVersion: application.version },
        );
      }
      const currencies = input.budgetLines ? validateLines((await this.twinningAccess.sidesOf([application.workspaceId], em))[0]!, input.budgetLines) : null;
      Object.assign(application, this.columns(input), { version: application.version + 1, updatedAt: this.clock.now() });
      const saved = await em.save(application);
      if (input.budgetLines) await this.replaceLines(em, application.id, input.budgetLines, currencies!);
      const fields = (['title', 'summary', 'objectives', 'routeToBusinessAsUsual', 'milestones', 'budgetLines'] as const).filter((k) => input[k] !== undefined);
      await this.audit.record(em, {
        fundId: application.fundId,
        actorUserId: user.id,
        action: 'application.updated',
        subjectType: 'application',
        subjectId: application.id,
        facts: { fields },
        detail: { version: saved.version },
      });
      return saved;
    });
  }

  // ---------- the call's rules and the budget ----------

  /** Every rule of the call, applied to the application as it stands now: two statements. */
  async eligibility(application: FundApplication, em: EntityManager = this.dataSource.manager): Promise<EligibilityCheck[]> {
    // In sequence: inside a transaction both share one connection.
    const [facts] = await this.eligibilityFacts([application.id], em);
    if (facts instanceof Error) throw facts;
    return checkEligibility({ ...facts, lines: await this.lines(em, application.id) });
  }

  /**
   * What the call's rules judge of each application but its budget lines:
   * the call, the project, the twinning's status and its two countries with
   * their currencies. One statement for any number of applications.
   */
  async eligibilityFacts(applicationIds: readonly string[], em: EntityManager = this.dataSource.manager): Promise<Array<Omit<EligibilityFacts, 'lines'> | NotFoundError>> {
    const rows: Array<{
      id: string;
      allowed_stages: ProjectStage[];
      max_award_minor: Record<string, string>;
      match_ratio_percent: number;
      reference_currency: string;
      exchange_rates: Record<string, number>;
      project: { stage: ProjectStage; closed: boolean };
      twinning: { status: TwinningStatus; sides: Array<[string, string]> | null };
    }> = await em.query(
      // One statement: the project's and the twinning's parts come from their own contexts' SQL.
      `SELECT a.id, c.allowed_stages::text[] AS allowed_stages, c.max_award_minor, c.match_ratio_percent, c.reference_currency, c.exchange_rates,
              ${projectStageSql('a.project_id')} AS project, ${workspaceTwinningSql('a.workspace_id')} AS twinning
         FROM fund_application a
         JOIN fund_call c ON c.id = a.call_id
        WHERE a.id = ANY($1::uuid[])`,
      [[...applicationIds]],
    );
    return applicationIds.map((id) => {
      const row = rows.find((r) => r.id === id);
      // One missing row fails its own key, not the whole batch.
      if (!row) return new NotFoundError('application', id);
      return {
        twinningStatus: row.twinning.status,
        projectStage: row.project.stage,
        projectClosed: row.project.closed,
        call: {
          allowedStages: row.allowed_stages,
          maxAwardMinor: row.max_award_minor,
          matchRatioPercent: row.match_ratio_percent,
          referenceCurrency: row.reference_currency.trim(),
          exchangeRates: row.exchange_rates,
        },
        sides: new Map((row.twinning.sides ?? []).map(([code, currency]) => [code.trim(), currency.trim()])),
      };
    });
  }

  /** What each side asks for, per currency. */
  async requested(applicationId: string, em: EntityManager = this.dataSource.manager): Promise<Amounts> {
    return sumByCurrency(await this.lines(em, applicationId));
  }

  private lines(em: EntityManager, applicationId: string): Promise<ApplicationBudgetLine[]> {
    return em.find(ApplicationBudgetLine, { where: { applicationId }, order: { position: 'ASC' } });
  }

  // ---------- helpers ----------

  private columns(input: Partial<CreateApplicationInput>): Partial<FundApplication> {
    const out: Partial<FundApplication> = {};
    if (input.title) Object.assign(out, { titleEn: input.title.en ?? null, titleKo: input.title.ko ?? null });
    if (input.summary) Object.assign(out, { summaryEn: input.summary.en ?? null, summaryKo: input.summary.ko ?? null });
    if (input.routeToBusinessAsUsual) Object.assign(out, { routeToBauEn: input.routeToBusinessAsUsual.en ?? null, routeToBauKo: input.routeToBusinessAsUsual.ko ?? null });
    if (input.objectives) out.objectives = input.objectives.map((o) => ({ en: o.en ?? null, ko: o.ko ?? null }) as Bilingual);
    if (input.milestones) out.milestones = input.milestones.map((m) => ({ title: { en: m.title.en ?? null, ko: m.title.ko ?? null } as Bilingual, dueDate: m.dueDate }));
    return out;
  }

  private async replaceLines(em: EntityManager, applicationId: string, lines: BudgetLineInput[], currencies: Map<string, string>): Promise<void> {
    await em.delete(ApplicationBudgetLine, { applicationId });
    if (!lines.length) return;
    await em.insert(
      ApplicationBudgetLine,
      lines.map((line, position) => ({ applicationId, position, countryCode: line.countryCode, currency: currencies.get(line.countryCode)!, category: line.category, description: line.description, amountMinor: BigInt(line.amountMinor).toString() })),
    );
  }


}

/** Each budget line is in one of the twinned countries: their currencies by country code, or BAD_USER_INPUT naming the line. */
function validateLines(workspace: WorkspaceSides, lines: BudgetLineInput[]): Map<string, string> {
  const currencies = new Map(workspace.sides.map((s) => [s.countryCode, s.currency]));
  lines.forEach((line, i) => {
    if (!currencies.has(line.countryCode)) throw BadInputError.field(`budgetLines.${i}.countryCode`, { en: `must be one of the twinned countries: ${[...currencies.keys()].join(' or ')}.`, ko: `자매 도시의 나라 중 하나(${orKo([...currencies.keys()])})여야 합니다.` });
  });
  return currencies;
}
