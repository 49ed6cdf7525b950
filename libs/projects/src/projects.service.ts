import { Inject, Injectable } from '@nestjs/common';
import { Brackets, DataSource, EntityManager } from 'typeorm';
import { AppConfig, AuthUser, BadInputError, Bilingual, Clock, ConflictError, Connection, escapeLike, ForbiddenError, isUuid, NotFoundError, PageArgs, pageOfOwner, paginate, RequestContext, toBilingual } from '@app/core';
import { lang, usersById } from '@app/identity';
import { PlatformLinksService } from '@app/pairing';
import { OutboxService } from '@app/notifications';
import {
  ActivityObjectType,
  ActivityService,
  ActivityVerb,
  citiesOfTwinning,
  PUBLIC_TWINNING_STATUSES,
  publicWorkspaceIdsSql,
  Twinning,
  TwinningAccessService,
  twinningById,
  twinningsOfWorkspaces,
  twinningStatusKo,
  WorkspaceRole,
} from '@app/twinning';
import type {
  BudgetInput,
  ChangeProjectStageInput,
  CreateProjectInput,
  ProjectFilter,
  ProjectReasonInput,
  PublishedProjectFilter,
  PublishProjectInput,
  UpdateProjectInput,
} from './dto/project.inputs';
import { ProjectsEmail } from './emails/projects.emails';
import { CaseStudyPrompt, CaseStudyPromptTrigger } from './entities/case-study-prompt.entity';
import { ProjectBudget } from './entities/project-budget.entity';
import { Project, ProjectStage } from './entities/project.entity';
import { ProjectStageChange } from './entities/project-stage-change.entity';
import { projectLink } from './project-link';
import { lockProject, requireEditor, requireProjectVersion, requireSteward } from './project-rules';
import { ProjectWrite, validateProjectInput } from './project-validation';

/** Stages as a Korean refusal names them (the glossary's words). */
const STAGE_KO: Record<ProjectStage, string> = {
  DISCOVERY: '탐색',
  GOAL_SETTING: '목표 설정',
  FEASIBILITY: '타당성 검토',
  DEMONSTRATOR: '실증',
  SCALING: '확산',
  BUSINESS_AS_USUAL: '상시 운영',
};

/** Fields an update may carry, as the activity feed names them. */
const EDITABLE: Array<keyof ProjectWrite> = [
  'title',
  'summary',
  'sectors',
  'objectives',
  'type',
  'cityALeadUserId',
  'cityBLeadUserId',
  'partnerOrganisationIds',
  'startDate',
  'endDate',
  'budgets',
  'outputs',
  'risks',
];

/**
 * Joint projects of twin workspaces. Who may do what:
 * - read: the workspace's members (any role) and admins; NOT_FOUND for anyone else;
 * - create and edit projects and milestones (MilestonesService): leads and members (not observers);
 * - change the stage, close and reopen: the workspace's leads and the project's own leads;
 * - publish the summary: the workspace's leads.
 * Admins who are not members read but do not write. Every write locks the
 * project row and checks the version the client read (optimistic locking).
 */
@Injectable()
export class ProjectsService {
  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly access: TwinningAccessService,
    private readonly activity: ActivityService,
    private readonly outbox: OutboxService,
    private readonly links: PlatformLinksService,
  ) {}

  // ---------- reads ----------

  /** A project for someone who may see its workspace; NOT_FOUND otherwise. */
  async get(user: AuthUser | null, id: string): Promise<Project> {
    const project = isUuid(id) ? await this.dataSource.getRepository(Project).findOneBy({ id }) : null;
    const access = project ? (await this.access.workspaceAccess(user, [project.workspaceId]))[0] : null;
    if (!project || !access) throw new NotFoundError('project', id);
    return project;
  }

  /** The caller has checked the reader may see the workspace. Most recently changed first; every workspace of the request at once. */
  list(ctx: RequestContext, workspaceId: string, filter: ProjectFilter, page: PageArgs): Promise<Connection<Project>> {
    return pageOfOwner(ctx, {
      key: 'projects.ofWorkspace',
      filter: { stage: filter.stage, sector: filter.sector, open: filter.open, search: filter.search },
      rows: (workspaceIds) => {
        const query = this.dataSource.getRepository(Project).createQueryBuilder('p').where('p.workspace_id IN (:...workspaceIds)', { workspaceIds });
        if (filter.stage) query.andWhere('p.stage = :stage', { stage: filter.stage });
        if (filter.sector) query.andWhere(':sector = ANY(p.sectors)', { sector: filter.sector });
        if (filter.open !== undefined) query.andWhere(filter.open ? 'p.closed_at IS NULL' : 'p.closed_at IS NOT NULL');
        if (filter.search) {
          const like = `%${escapeLike(filter.search)}%`;
          query.andWhere(
            new Brackets((q) =>
              q.where('p.title_en ILIKE :like', { like }).orWhere('p.title_ko ILIKE :like').orWhere('p.summary_en ILIKE :like').orWhere('p.summary_ko ILIKE :like'),
            ),
          );
        }
        return query;
      },
      owner: { expression: 'p.workspace_id', of: (p) => p.workspaceId },
      sort: { expression: 'p.updated_at', direction: 'DESC', valueOf: (p) => p.updatedAt.toISOString(), cast: 'timestamptz', notNull: true },
    }, workspaceId, page);
  }

  /** Published summaries of public twinnings, newest published first. */
  published(filter: PublishedProjectFilter, page: PageArgs): Promise<Connection<Project>> {
    // The twinning conditions go in a subquery: paginate orders by an expression, which TypeORM cannot combine with joins.
    const query = this.dataSource
      .getRepository(Project)
      .createQueryBuilder('p')
      .where('p.published_at IS NOT NULL')
      .andWhere(`p.workspace_id IN (${publicWorkspaceIdsSql({ byCity: !!filter.cityId, byTwinning: !!filter.twinningId })})`, {
        publicStatuses: PUBLIC_TWINNING_STATUSES,
        cityId: filter.cityId,
        twinningId: filter.twinningId,
      });
    if (filter.sector) query.andWhere(':sector = ANY(p.sectors)', { sector: filter.sector });
    if (filter.stage) query.andWhere('p.stage = :stage', { stage: filter.stage });
    return paginate(query, page, { expression: 'p.published_at', direction: 'DESC', valueOf: (p) => p.publishedAt!.toISOString(), cast: 'timestamptz', notNull: true });
  }

  /** The twinning of each workspace, in order. */
  async twinningsOf(workspaceIds: readonly string[]): Promise<Twinning[]> {
    return (await twinningsOfWorkspaces(this.dataSource.manager, workspaceIds)) as Twinning[];
  }

  // ---------- projects ----------

  async create(user: AuthUser, input: CreateProjectInput): Promise<Project> {
    return this.dataSource.transaction(async (em) => {
      const access = await this.access.requireWorkspace(user, input.workspaceId, em);
      requireEditor(access, { en: 'create projects', ko: '프로젝트를 만들' });
      const twinning = await twinningById(em, access.twinningId);
      if (!PUBLIC_TWINNING_STATUSES.includes(twinning.status)) {
        throw new ConflictError(
          { en: `This workspace's twinning is ${twinning.status}: it takes no new projects.`, ko: `이 워크스페이스의 자매결연은 ${twinningStatusKo(twinning.status)}라서 새 프로젝트를 만들 수 없습니다.` },
          { status: twinning.status },
        );
      }
      await validateProjectInput(em, input, { workspaceId: input.workspaceId, twinning, startDate: input.startDate, endDate: input.endDate ?? null });
      const project = em.create(Project, {
        workspaceId: input.workspaceId,
        createdByUserId: user.id,
        stage: input.stage,
        version: 1,
        publishedAt: null,
        closedAt: null,
        closeReason: null,
        ...this.columns(input),
      } as Partial<Project>);
      const saved = await em.save(project);
      if (input.budgets?.length) await this.replaceBudgets(em, saved.id, input.budgets);
      await this.recordLink(em, user, saved, twinning);
      await em.insert(ProjectStageChange, {
        projectId: saved.id,
        fromStage: null,
        toStage: saved.stage,
        actorUserId: user.id,
        reason: 'Project created.',
        at: this.clock.now(),
        timeZone: user.timeZone,
      });
      await this.record(em, user, saved, ActivityVerb.PROJECT_CREATED);
      if (saved.stage === ProjectStage.BUSINESS_AS_USUAL) await this.promptCaseStudy(em, saved, CaseStudyPromptTrigger.BUSINESS_AS_USUAL);
      return saved;
    });
  }

  async update(user: AuthUser, input: UpdateProjectInput): Promise<Project> {
    return this.dataSource.transaction(async (em) => {
      const { project, access } = await lockProject(em, this.access, user, input.id);
      requireEditor(access, { en: 'edit projects', ko: '프로젝트를 고칠' });
      // Who leads the project decides who steers it: changing that is for those who steer it now.
      if (input.cityALeadUserId !== undefined || input.cityBLeadUserId !== undefined) requireSteward(user, access, project, { en: "change the project's leads", ko: '프로젝트 리더를 바꿀' });
      requireProjectVersion(project, input.version);
      // Leaving a field out keeps it; null clears the end date and nothing else.
      for (const key of EDITABLE) {
        if (input[key] === null && key !== 'endDate') {
          throw BadInputError.field(key, { en: 'cannot be emptied: leave it out to keep it, or give a new value.', ko: '비울 수 없습니다. 그대로 두려면 빼고 보내고, 바꾸려면 새 값을 주세요.' });
        }
      }
      const twinning = await twinningById(em, access.twinningId);
      const startDate = input.startDate ?? project.startDate;
      const endDate = input.endDate === undefined ? project.endDate : input.endDate;
      await validateProjectInput(em, input, { workspaceId: project.workspaceId, twinning, startDate, endDate, projectId: project.id });
      const changed = EDITABLE.filter((key) => input[key] !== undefined).map((key) => (key === 'cityALeadUserId' || key === 'cityBLeadUserId' ? 'leads' : key));
      if (changed.length === 0) return project;
      // updatedAt is set explicitly so the row always differs: a budget-only change still moves the version.
      Object.assign(project, this.columns(input));
      const saved = await this.saveEdit(em, project);
      if (input.budgets) await this.replaceBudgets(em, project.id, input.budgets);
      await this.record(em, user, saved, ActivityVerb.PROJECT_UPDATED, { fields: [...new Set(changed)] });
      return saved;
    });
  }

  async changeStage(user: AuthUser, input: ChangeProjectStageInput): Promise<Project> {
    return this.dataSource.transaction(async (em) => {
      const { project, access } = await lockProject(em, this.access, user, input.id);
      requireSteward(user, access, project, { en: 'change its stage', ko: '프로젝트 단계를 바꿀' });
      requireProjectVersion(project, input.version);
      if (project.closedAt) throw new ConflictError({ en: 'This project is closed: reopen it before changing its stage.', ko: '종료된 프로젝트입니다. 단계를 바꾸려면 먼저 다시 여세요.' });
      if (project.stage === input.stage) {
        throw new ConflictError({ en: `The project is already at ${input.stage}.`, ko: `프로젝트는 이미 ‘${STAGE_KO[input.stage]}’ 단계입니다.` }, { stage: project.stage });
      }
      const from = project.stage;
      project.stage = input.stage;
      const saved = await this.saveEdit(em, project);
      await em.insert(ProjectStageChange, {
        projectId: project.id,
        fromStage: from,
        toStage: input.stage,
        actorUserId: user.id,
        reason: input.reason,
        at: this.clock.now(),
        timeZone: user.timeZone,
      });
      await this.record(em, user, saved, ActivityVerb.PROJECT_STAGE_CHANGED, { from, to: input.stage, reason: input.reason });
      if (input.stage === ProjectStage.BUSINESS_AS_USUAL) await this.promptCaseStudy(em, saved, CaseStudyPromptTrigger.BUSINESS_AS_USUAL);
      return saved;
    });
  }

  async close(user: AuthUser, input: ProjectReasonInput): Promise<Project> {
    return this.dataSource.transaction(async (em) => {
      const { project, access } = await lockProject(em, this.access, user, input.id);
      requireSteward(user, access, project, { en: 'close it', ko: '프로젝트를 종료할' });
      requireProjectVersion(project, input.version);
      if (project.closedAt) throw new ConflictError({ en: 'This project is already closed.', ko: '이미 종료된 프로젝트입니다.' });
      Object.assign(project, { closedAt: this.clock.now(), closeReason: input.reason });
      const saved = await this.saveEdit(em, project);
      await this.recordLink(em, user, saved, await twinningById(em, access.twinningId));
      await this.record(em, user, saved, ActivityVerb.PROJECT_CLOSED, { reason: input.reason });
      await this.promptCaseStudy(em, saved, CaseStudyPromptTrigger.CLOSED);
      return saved;
    });
  }

  /** Undo a close made by mistake. */
  async reopen(user: AuthUser, input: ProjectReasonInput): Promise<Project> {
    return this.dataSource.transaction(async (em) => {
      const { project, access } = await lockProject(em, this.access, user, input.id);
      requireSteward(user, access, project, { en: 'reopen it', ko: '프로젝트를 다시 열' });
      requireProjectVersion(project, input.version);
      if (!project.closedAt) throw new ConflictError({ en: 'This project is open.', ko: '종료되지 않은 프로젝트입니다.' });
      Object.assign(project, { closedAt: null, closeReason: null });
      const saved = await this.saveEdit(em, project);
      await this.recordLink(em, user, saved, await twinningById(em, access.twinningId), true);
      await this.record(em, user, saved, ActivityVerb.PROJECT_REOPENED, { reason: input.reason });
      return saved;
    });
  }

  async publish(user: AuthUser, input: PublishProjectInput): Promise<Project> {
    return this.dataSource.transaction(async (em) => {
      const { project, access } = await lockProject(em, this.access, user, input.id);
      if (access.role !== WorkspaceRole.LEAD) {
        throw new ForbiddenError({ en: "Only the workspace's leads may publish or unpublish a project summary.", ko: '프로젝트 요약은 워크스페이스 리더만 공개하거나 공개를 중단할 수 있습니다.' });
      }
      if (!!project.publishedAt === input.published) return project;
      project.publishedAt = input.published ? this.clock.now() : null;
      // Not an edit of the project's content: its version stays, so nobody's open edit collides with it.
      await em.update(Project, { id: project.id }, { publishedAt: project.publishedAt });
      await this.record(em, user, project, input.published ? ActivityVerb.PROJECT_PUBLISHED : ActivityVerb.PROJECT_UNPUBLISHED);
      return project;
    });
  }

  // ---------- helpers ----------

  private columns(input: ProjectWrite): Partial<Project> {
    const columns: Partial<Project> = {};
    if (input.title) Object.assign(columns, { titleEn: input.title.en ?? null, titleKo: input.title.ko ?? null });
    if (input.summary) Object.assign(columns, { summaryEn: input.summary.en ?? null, summaryKo: input.summary.ko ?? null });
    if (input.sectors) columns.sectors = input.sectors;
    if (input.objectives) columns.objectives = input.objectives.map(toBilingual);
    if (input.type) columns.type = input.type;
    if (input.cityALeadUserId) columns.leadAUserId = input.cityALeadUserId;
    if (input.cityBLeadUserId) columns.leadBUserId = input.cityBLeadUserId;
    if (input.partnerOrganisationIds) columns.partnerOrganisationIds = input.partnerOrganisationIds;
    if (input.startDate) columns.startDate = input.startDate;
    if (input.endDate !== undefined) columns.endDate = input.endDate;
    if (input.outputs) columns.outputs = input.outputs.map((o) => ({ title: toBilingual(o.title), url: o.url ?? null, deliveredOn: o.deliveredOn ?? null }));
    if (input.risks) {
      columns.risks = input.risks.map((r) => ({
        description: toBilingual(r.description),
        likelihood: r.likelihood,
        impact: r.impact,
        mitigation: r.mitigation ? toBilingual(r.mitigation) : null,
      }));
    }
    return columns;
  }

  private async replaceBudgets(em: EntityManager, projectId: string, budgets: BudgetInput[]): Promise<void> {
    await em.delete(ProjectBudget, { projectId });
    if (budgets.length) await em.insert(ProjectBudget, budgets.map((b) => ({ projectId, countryCode: b.countryCode, amountMinor: b.amountMinor, currency: b.currency })));
  }

  /** Every edit of a project's content goes through here: it moves the version the next edit must send. */
  private saveEdit(em: EntityManager, project: Project): Promise<Project> {
    project.version += 1;
    return em.save(project);
  }

  /** The project's link between its two cities, as pairing evidence: live while open, history once closed (project-link.ts). */
  private async recordLink(em: EntityManager, user: AuthUser, project: Project, twinning: Twinning, reopened = false): Promise<void> {
    const cities = await citiesOfTwinning(em, twinning);
    await this.links.record(em, projectLink(project, twinning, cities, this.clock.now(), user.id, reopened));
  }

  private record(em: EntityManager, user: AuthUser, project: Project, verb: ActivityVerb, details: Record<string, unknown> = {}): Promise<void> {
    return this.activity.record(em, {
      workspaceId: project.workspaceId,
      actor: user,
      verb,
      objectType: ActivityObjectType.PROJECT,
      objectId: project.id,
      objectLabel: { en: project.titleEn, ko: project.titleKo },
      details,
    });
  }

  /** Once per project: ask its two leads for a case study of what it learnt. */
  private async promptCaseStudy(em: EntityManager, project: Project, trigger: CaseStudyPromptTrigger): Promise<void> {
    const inserted = await em.createQueryBuilder().insert().into(CaseStudyPrompt).values({ projectId: project.id, trigger }).orIgnore().returning('id').execute();
    if (!inserted.raw?.length) return;
    const leads = (await usersById(em, [...new Set([project.leadAUserId, project.leadBUserId])])).filter((l) => !!l);
    for (const lead of leads.filter((l) => !l.disabledAt)) {
      await this.outbox.enqueueEmail(em, {
        template: ProjectsEmail.CASE_STUDY_PROMPT,
        idempotencyKey: `case-study-prompt:${project.id}:${lead.id}`,
        to: { email: lead.email, userId: lead.id, language: lang(lead.preferredLanguage), timeZone: lead.timeZone },
        data: {
          title: { en: project.titleEn, ko: project.titleKo } satisfies Bilingual,
          trigger,
          // The page starts a case study prefilled from the project (startCaseStudyFromProject).
          url: `${this.config.PUBLIC_URL}/case-studies/new?projectId=${project.id}`,
        },
      });
    }
  }
}
