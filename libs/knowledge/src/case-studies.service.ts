import { Inject, Injectable } from '@nestjs/common';
import { Brackets, DataSource, EntityManager, In } from 'typeorm';
import { AppConfig, AuthUser, BadInputError, Bilingual, Clock, ConflictError, Connection, ForbiddenError, hasRole, isUuid, NotFoundError, PageArgs, paginate, RequestContext, requestLoader, Role } from '@app/core';
import { CitiesService } from '@app/cities';
import { recipientsOf, roleRecipients, UsersService } from '@app/identity';
import { OutboxService } from '@app/notifications';
import { SectorsService } from '@app/pairing';
import { ProjectDirectoryService } from '@app/projects';
import { isWorkspaceLeadSql, TwinningAccessService, WorkspaceDirectoryService, workspaceRecipients, WorkspaceRole } from '@app/twinning';
import type { CaseStudyFilter, CaseStudySharedInput, CaseStudyStepInput, CaseStudyTextInput, CreateCaseStudyInput, ReviewCaseStudyInput, UpdateCaseStudyInput, WriteCaseStudyTextInput } from './dto/knowledge.inputs';
import { KnowledgeEmail } from './emails/knowledge.emails';
import { CaseStudyRevision } from './entities/case-study-revision.entity';
import { CaseStudyStatus, CaseStudyVersion } from './entities/case-study-version.entity';
import { CaseStudy } from './entities/case-study.entity';
import { markdownToText } from './markdown';

/** How the reader relates to a case study. */
export interface CaseStudyAccess {
  author: boolean;
  /** A lead of its workspace, or an admin: publishes it. */
  reviewer: boolean;
}

/** Each step of a language version: from where, to where. */
const STEPS = {
  submit: { from: [CaseStudyStatus.DRAFT], to: CaseStudyStatus.IN_REVIEW, words: 'sent for review', ko: '검토 요청' },
  approve: { from: [CaseStudyStatus.IN_REVIEW], to: CaseStudyStatus.PUBLISHED, words: 'published', ko: '게시' },
  sendBack: { from: [CaseStudyStatus.IN_REVIEW], to: CaseStudyStatus.DRAFT, words: 'sent back', ko: '반려' },
  archive: { from: [CaseStudyStatus.PUBLISHED], to: CaseStudyStatus.ARCHIVED, words: 'archived', ko: '보관' },
  republish: { from: [CaseStudyStatus.ARCHIVED], to: CaseStudyStatus.PUBLISHED, words: 'published again', ko: '다시 게시' },
} as const;

/** A version's status as the web app names it in Korean. */
const STATUS_KO: Record<CaseStudyStatus, string> = { DRAFT: '작성 중', IN_REVIEW: '검토 중', PUBLISHED: '게시됨', ARCHIVED: '보관됨' };
type Step = keyof typeof STEPS;

/**
 * Case studies: written by participants (its authors), reviewed by a lead of
 * the workspace they come from, or by an admin; each language version has its
 * own status. Published versions are public; the rest is for authors and
 * reviewers, and NOT_FOUND for anyone else.
 */
@Injectable()
export class CaseStudiesService {
  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly twinningAccess: TwinningAccessService,
    private readonly outbox: OutboxService,
    private readonly cities: CitiesService,
    private readonly sectors: SectorsService,
    private readonly projects: ProjectDirectoryService,
    private readonly workspaces: WorkspaceDirectoryService,
    private readonly users: UsersService,
  ) {}

  // ---------- reads ----------

  async accessTo(user: AuthUser | null, caseStudy: CaseStudy, em: EntityManager = this.dataSource.manager): Promise<CaseStudyAccess> {
    if (!user) return { author: false, reviewer: false };
    const author = caseStudy.authorUserIds.includes(user.id);
    if (hasRole(user, Role.ADMIN)) return { author, reviewer: true };
    const role = caseStudy.workspaceId ? (await this.twinningAccess.workspaceAccess(user, [caseStudy.workspaceId], em))[0]?.role : null;
    return { author, reviewer: role === WorkspaceRole.LEAD };
  }

  /** By id or slug; NOT_FOUND unless a version is published or the reader writes or reviews it. */
  async get(user: AuthUser | null, idOrSlug: string): Promise<CaseStudy> {
    const repo = this.dataSource.getRepository(CaseStudy);
    const caseStudy = isUuid(idOrSlug) ? await repo.findOneBy({ id: idOrSlug }) : await repo.findOneBy({ slug: idOrSlug });
    if (!caseStudy) throw new NotFoundError('caseStudy', idOrSlug);
    const access = await this.accessTo(user, caseStudy);
    if (access.author || access.reviewer) return caseStudy;
    const published = await this.dataSource.getRepository(CaseStudyVersion).countBy({ caseStudyId: caseStudy.id, status: CaseStudyStatus.PUBLISHED });
    if (!published) throw new NotFoundError('caseStudy', idOrSlug);
    return caseStudy;
  }

  /**
   * The reader's access as `accessTo` says it, through the request's batched
   * workspace check: a list of case studies asks once for all their workspaces.
   */
  async accessIn(ctx: RequestContext, caseStudy: CaseStudy): Promise<CaseStudyAccess> {
    const user = ctx.user;
    if (!user) return { author: false, reviewer: false };
    const author = caseStudy.authorUserIds.includes(user.id);
    if (hasRole(user, Role.ADMIN)) return { author, reviewer: true };
    const role = caseStudy.workspaceId ? (await this.twinningAccess.loader(ctx).load(caseStudy.workspaceId))?.role : null;
    return { author, reviewer: role === WorkspaceRole.LEAD };
  }

  /** `versions` for a field of a list: every case study of the request read in one statement. */
  async versionsIn(ctx: RequestContext, caseStudy: CaseStudy): Promise<CaseStudyVersion[]> {
    const loader = requestLoader<string, CaseStudyVersion[]>(ctx, 'knowledge.versionsByCaseStudy', async (ids) => {
      const rows = await this.dataSource.getRepository(CaseStudyVersion).find({ where: { caseStudyId: In([...ids]) }, order: { language: 'ASC' } });
      return ids.map((id) => rows.filter((v) => v.caseStudyId === id));
    });
    const [all, access] = await Promise.all([loader.load(caseStudy.id), this.accessIn(ctx, caseStudy)]);
    return access.author || access.reviewer ? all : all.filter((v) => v.status === CaseStudyStatus.PUBLISHED);
  }

  /** A language version's revisions, newest first, for its authors and reviewers: those of every case study of the request in one statement. */
  async revisions(ctx: RequestContext, caseStudy: CaseStudy, language: string): Promise<CaseStudyRevision[]> {
    if (language !== 'en' && language !== 'ko') throw BadInputError.field('language', { en: 'must be en or ko', ko: 'en이나 ko여야 합니다.' });
    const access = await this.accessIn(ctx, caseStudy);
    if (!access.author && !access.reviewer) throw new NotFoundError('caseStudyRevisions');
    return requestLoader<string, CaseStudyRevision[]>(ctx, `knowledge.revisions:${language}`, async (ids) => {
      const rows = await this.dataSource.getRepository(CaseStudyRevision).find({ where: { caseStudyId: In([...ids]), language }, order: { revision: 'DESC' } });
      return ids.map((id) => rows.filter((r) => r.caseStudyId === id));
    }).load(caseStudy.id);
  }

  /** Case studies with a published version, newest publication first. */
  published(filter: CaseStudyFilter, page: PageArgs): Promise<Connection<CaseStudy>> {
    const versions = ['v.status = :published'];
    if (filter.language) versions.push('v.language = :language');
    if (filter.year) versions.push('extract(year from v.published_at) = :year');
    const query = this.dataSource
      .getRepository(CaseStudy)
      .createQueryBuilder('c')
      .where(`EXISTS (SELECT 1 FROM case_study_version v WHERE v.case_study_id = c.id AND ${versions.join(' AND ')})`, {
        published: CaseStudyStatus.PUBLISHED,
        language: filter.language,
        year: filter.year,
      });
    applySharedFilters(query, filter);
    return paginate(query, page, { expression: 'c.created_at', direction: 'DESC', valueOf: (c) => c.createdAt.toISOString(), cast: 'timestamptz', notNull: true });
  }

  /** What the user writes or reviews, most recently changed first. */
  mine(user: AuthUser, page: PageArgs): Promise<Connection<CaseStudy>> {
    const query = this.dataSource.getRepository(CaseStudy).createQueryBuilder('c');
    if (!hasRole(user, Role.ADMIN)) {
      query.where(
        new Brackets((q) =>
          q
            .where(':userId = ANY(c.author_user_ids)', { userId: user.id })
            .orWhere(isWorkspaceLeadSql({ workspaceId: 'c.workspace_id', userId: ':userId' })),
        ),
      );
    }
    return paginate(query, page, { expression: 'c.updated_at', direction: 'DESC', valueOf: (c) => c.updatedAt.toISOString(), cast: 'timestamptz', notNull: true });
  }

  // ---------- writing ----------

  async create(user: AuthUser, input: CreateCaseStudyInput): Promise<CaseStudy> {
    if (input.slug && isUuid(input.slug)) throw BadInputError.field('slug', { en: 'must not look like an id: use words, e.g. liverpool-busan-hydrogen.', ko: 'ID처럼 보이면 안 됩니다. liverpool-busan-hydrogen처럼 단어로 써 주세요.' });
    try {
      return await this.createInTransaction(user, input);
    } catch (error) {
      // Two case studies taking the same free slug at once: the unique index lets one through.
      if ((error as { constraint?: string; code?: string }).code === '23505' && /slug/.test(String((error as { detail?: string }).detail))) {
        throw new ConflictError({ en: 'Another case study took this address a moment ago: try again.', ko: '방금 다른 우수 사례가 이 주소를 가져갔습니다. 다시 시도해 주세요.' }, { reason: 'SLUG_TAKEN' });
      }
      throw error;
    }
  }

  private async createInTransaction(user: AuthUser, input: CreateCaseStudyInput): Promise<CaseStudy> {
    const languages = input.versions.map((v) => v.language);
    if (new Set(languages).size !== languages.length) throw BadInputError.field('versions', { en: 'has a language twice: one version per language.', ko: '같은 언어가 두 번 들어 있습니다. 언어마다 버전은 하나입니다.' });
    return this.dataSource.transaction(async (em) => {
      if (input.workspaceId) {
        const [access] = await this.twinningAccess.workspaceAccess(user, [input.workspaceId], em);
        if (!access) throw new NotFoundError('workspace', input.workspaceId);
        if (!access.role || access.role === WorkspaceRole.OBSERVER) {
          throw new ForbiddenError({
            en: 'Only the workspace’s leads and members write for it: ask a lead to make you a member.',
            ko: '이 워크스페이스의 우수 사례는 리더와 멤버만 쓸 수 있습니다. 리더에게 멤버로 바꿔 달라고 요청하세요.',
          });
        }
      }
      const shared = await this.sharedColumns(em, input, input.workspaceId ?? null);
      const slug = await this.freeSlug(em, input.slug ?? slugify(input.versions.find((v) => v.language === 'en')?.title ?? input.versions[0].title));
      const authors = await this.requireUsers(em, [user.id, ...(input.authorUserIds ?? [])]);
      const caseStudy = await em.save(
        em.create(CaseStudy, {
          slug,
          workspaceId: input.workspaceId ?? null,
          createdByUserId: user.id,
          version: 1,
          ...shared,
          authorUserIds: authors,
        }),
      );
      for (const text of input.versions) await this.writeVersion(em, user, caseStudy, text, null);
      return caseStudy;
    });
  }

  async update(user: AuthUser, input: UpdateCaseStudyInput): Promise<CaseStudy> {
    return this.dataSource.transaction(async (em) => {
      const { caseStudy } = await this.lockForWriting(em, user, input.id);
      if (caseStudy.version !== input.version) {
        throw new ConflictError(
          { en: 'Someone changed this case study since you read it: reload it and apply your change again.', ko: '불러온 뒤에 다른 사람이 이 우수 사례를 바꿨습니다. 다시 불러온 뒤 바꾼 내용을 다시 적용해 주세요.' },
          { reason: 'STALE_VERSION', currentVersion: caseStudy.version },
        );
      }
      Object.assign(caseStudy, await this.sharedColumns(em, input, caseStudy.workspaceId), { version: caseStudy.version + 1, updatedAt: this.clock.now() });
      if (input.authorUserIds) {
        if (!input.authorUserIds.length) throw BadInputError.field('authorUserIds', { en: 'needs at least one author.', ko: '저자가 한 명 이상 있어야 합니다.' });
        caseStudy.authorUserIds = await this.requireUsers(em, input.authorUserIds);
      }
      return em.save(caseStudy);
    });
  }

  /** Writes (or adds) a language version. A published version stays published, as a new revision; the old one is kept. */
  async writeText(user: AuthUser, input: WriteCaseStudyTextInput): Promise<CaseStudyVersion> {
    return this.dataSource.transaction(async (em) => {
      const { caseStudy } = await this.lockForWriting(em, user, input.caseStudyId);
      const current = await em.findOneBy(CaseStudyVersion, { caseStudyId: caseStudy.id, language: input.language });
      if (current && input.revision !== undefined && input.revision !== current.revision) {
        throw new ConflictError({
          en: `This version is at revision ${current.revision}; you edited revision ${input.revision}. Reload it and apply your change again.`,
          ko: `이 버전은 이제 ${current.revision}차 수정본인데, 고치신 것은 ${input.revision}차 수정본입니다. 다시 불러온 뒤 바꾼 내용을 다시 적용해 주세요.`,
        }, {
          reason: 'STALE_VERSION',
          currentRevision: current.revision,
        });
      }
      if (current?.status === CaseStudyStatus.IN_REVIEW) {
        throw new ConflictError(
          { en: 'This version is being reviewed: wait for the review, or ask the reviewer to send it back.', ko: '이 버전은 검토 중입니다. 검토가 끝나기를 기다리거나, 검토자에게 되돌려 보내 달라고 요청하세요.' },
          { reason: 'IN_REVIEW' },
        );
      }
      const saved = await this.writeVersion(em, user, caseStudy, input, current);
      await em.update(CaseStudy, { id: caseStudy.id }, { updatedAt: this.clock.now() });
      return saved;
    });
  }

  async step(user: AuthUser, input: CaseStudyStepInput | ReviewCaseStudyInput, kind: 'submit' | 'review' | 'archive' | 'republish'): Promise<CaseStudyVersion> {
    return this.dataSource.transaction(async (em) => {
      const caseStudy = await this.lockCaseStudy(em, input.caseStudyId);
      const access = await this.accessTo(user, caseStudy, em);
      if (!access.author && !access.reviewer && !(await this.isPublished(em, caseStudy.id))) throw new NotFoundError('caseStudy', input.caseStudyId);
      const version = await em.findOneBy(CaseStudyVersion, { caseStudyId: caseStudy.id, language: input.language });
      if (!version) throw new NotFoundError('caseStudyVersion');
      const approve = 'approve' in input ? input.approve : true;
      const step: Step = kind === 'review' ? (approve ? 'approve' : 'sendBack') : kind;
      if (step === 'submit' && !access.author) throw new ForbiddenError({ en: 'Only its authors send a case study for review.', ko: '우수 사례의 검토는 저자만 요청할 수 있습니다.' });
      if (step !== 'submit' && !access.reviewer && !(access.author && (step === 'archive' || step === 'republish'))) {
        throw new ForbiddenError(
          caseStudy.workspaceId
            ? { en: 'Only a lead of its workspace, or an admin, reviews this case study.', ko: '이 우수 사례는 워크스페이스 리더나 관리자만 검토할 수 있습니다.' }
            : { en: 'Only an admin reviews this case study.', ko: '이 우수 사례는 관리자만 검토할 수 있습니다.' },
        );
      }
      if (step === 'republish' && !access.reviewer) {
        throw new ForbiddenError({
          en: 'Publishing again is a reviewer’s decision: a lead of its workspace, or an admin.',
          ko: '다시 게시할지는 검토자, 곧 워크스페이스 리더나 관리자가 정합니다.',
        });
      }
      // Someone else reviews: a lead or an admin who wrote it leaves the publishing to another lead or an admin.
      if ((step === 'approve' || step === 'republish') && access.author) {
        throw new ForbiddenError({
          en: 'You are one of its authors: another reviewer (a lead of its workspace, or an admin) publishes it.',
          ko: '이 우수 사례의 저자이므로 게시는 다른 검토자(워크스페이스 리더나 관리자)가 해야 합니다.',
        });
      }
      if (step === 'sendBack' && !input.note) throw BadInputError.field('note', { en: 'tell the authors what to change.', ko: '무엇을 고쳐야 하는지 저자에게 알려 주세요.' });
      const rule = STEPS[step];
      if (!(rule.from as readonly CaseStudyStatus[]).includes(version.status)) {
        const allowed = (Object.keys(STEPS) as Step[]).filter((s) => (STEPS[s].from as readonly CaseStudyStatus[]).includes(version.status));
        throw new ConflictError({
          en: `This version is ${version.status}, so it cannot be ${rule.words}.${allowed.length ? ` From ${version.status} it can be ${allowed.map((s) => STEPS[s].words).join(' or ')}.` : ''}`,
          ko: `이 버전은 ‘${STATUS_KO[version.status]}’ 상태라서 ${rule.ko}할 수 없습니다.${allowed.length ? ` 지금 할 수 있는 것은 ${allowed.map((s) => STEPS[s].ko).join(' 또는 ')}입니다.` : ''}`,
        }, {
          reason: 'ILLEGAL_TRANSITION',
          status: version.status,
          allowed,
        });
      }
      version.status = rule.to;
      if (step === 'approve' || step === 'republish') version.publishedAt = this.clock.now();
      version.reviewNote = step === 'sendBack' ? input.note! : step === 'approve' ? null : version.reviewNote;
      const saved = await em.save(version);
      await this.notifyStep(em, caseStudy, saved, step, input.note ?? null);
      return saved;
    });
  }

  /** A person confirms a translated version reads right. */
  async confirmTranslation(user: AuthUser, input: CaseStudyStepInput): Promise<CaseStudyVersion> {
    return this.dataSource.transaction(async (em) => {
      const { caseStudy } = await this.lockForWriting(em, user, input.caseStudyId);
      const version = await em.findOneBy(CaseStudyVersion, { caseStudyId: caseStudy.id, language: input.language });
      if (!version) throw new NotFoundError('caseStudyVersion');
      version.needsTranslationCheck = false;
      return em.save(version);
    });
  }

  /**
   * From project to case study: a draft prefilled from a joint project
   * (title, summary, cities, sectors, objectives, outputs), written by the
   * caller, for the project's workspace; the project's prompt points at it.
   */
  async startFromProject(user: AuthUser, projectId: string): Promise<CaseStudy> {
    const [project] = await this.projects.getMany([projectId]);
    const [access] = project ? await this.twinningAccess.workspaceAccess(user, [project.workspaceId]) : [null];
    if (!project || !access) throw new NotFoundError('project', projectId);
    // Asked twice (the email, then the page again), the caller gets the draft they started, not a second one.
    const started = await this.dataSource
      .getRepository(CaseStudy)
      .createQueryBuilder('c')
      .where(':projectId = ANY(c.project_ids) AND :userId = ANY(c.author_user_ids)', { projectId: project.id, userId: user.id })
      .getOne();
    if (started) {
      // The request for a case study is answered by the draft, also when an earlier answer did not get through.
      await this.projects.answerCaseStudyPrompt(project.id, started.id);
      return started;
    }
    const [pair] = await this.workspaces.pairsOf([project.workspaceId]);
    if (!pair) throw new NotFoundError('workspace', project.workspaceId);
    const body = (language: 'en' | 'ko') => {
      const pickText = (b: Partial<Bilingual>) => (language === 'en' ? b.en : b.ko) ?? b.en ?? b.ko ?? '';
      const objectives = project.objectives.map((o) => `- ${pickText(o)}`);
      const outputs = project.outputs.map((o) => `- ${pickText(o.title)}${o.url ? ` (${o.url})` : ''}`);
      return language === 'en'
        ? ['## What we set out to do', ...(objectives.length ? objectives : ['- …']), '', '## What we made', ...(outputs.length ? outputs : ['- …']), '', '## What worked, and what we learnt', '', '…'].join('\n')
        : ['## 목표', ...(objectives.length ? objectives : ['- …']), '', '## 성과', ...(outputs.length ? outputs : ['- …']), '', '## 효과가 있었던 것과 배운 점', '', '…'].join('\n');
    };
    const versions: CaseStudyTextInput[] = [];
    if (project.titleEn) versions.push({ language: 'en', title: project.titleEn, summary: project.summaryEn ?? project.titleEn, body: body('en'), needsTranslationCheck: false });
    if (project.titleKo) versions.push({ language: 'ko', title: project.titleKo, summary: project.summaryKo ?? project.titleKo, body: body('ko'), needsTranslationCheck: false });
    const created = await this.create(user, {
      workspaceId: project.workspaceId,
      projectIds: [project.id],
      cityIds: [pair.cityAId, pair.cityBId],
      sectors: project.sectors,
      versions,
    } as CreateCaseStudyInput);
    await this.projects.answerCaseStudyPrompt(project.id, created.id);
    return created;
  }

  // ---------- helpers ----------

  private async writeVersion(em: EntityManager, user: AuthUser, caseStudy: CaseStudy, text: CaseStudyTextInput, current: CaseStudyVersion | null): Promise<CaseStudyVersion> {
    const version =
      current ??
      em.create(CaseStudyVersion, { caseStudyId: caseStudy.id, language: text.language, status: CaseStudyStatus.DRAFT, revision: 0, reviewNote: null, publishedAt: null });
    Object.assign(version, { title: text.title, summary: text.summary, body: text.body, needsTranslationCheck: text.needsTranslationCheck, revision: version.revision + 1 });
    const saved = await em.save(version);
    await em.insert(CaseStudyRevision, {
      caseStudyId: caseStudy.id,
      language: text.language,
      revision: saved.revision,
      title: saved.title,
      summary: saved.summary,
      body: saved.body,
      status: saved.status,
      editedByUserId: user.id,
      editedAt: this.clock.now(),
    });
    return saved;
  }

  private async lockCaseStudy(em: EntityManager, id: string): Promise<CaseStudy> {
    const caseStudy = isUuid(id) ? await em.createQueryBuilder(CaseStudy, 'c').setLock('for_no_key_update').where('c.id = :id', { id }).getOne() : null;
    if (!caseStudy) throw new NotFoundError('caseStudy', id);
    return caseStudy;
  }

  /** Authors and reviewers write; readers of a published one get FORBIDDEN, anyone else NOT_FOUND. */
  private async lockForWriting(em: EntityManager, user: AuthUser, id: string): Promise<{ caseStudy: CaseStudy; access: CaseStudyAccess }> {
    const caseStudy = await this.lockCaseStudy(em, id);
    const access = await this.accessTo(user, caseStudy, em);
    if (access.author || access.reviewer) return { caseStudy, access };
    if (await this.isPublished(em, caseStudy.id)) throw new ForbiddenError({ en: 'Only its authors, and its reviewers, edit a case study.', ko: '우수 사례는 저자와 검토자만 고칠 수 있습니다.' });
    throw new NotFoundError('caseStudy', id);
  }

  private async isPublished(em: EntityManager, caseStudyId: string): Promise<boolean> {
    return (await em.countBy(CaseStudyVersion, { caseStudyId, status: CaseStudyStatus.PUBLISHED })) > 0;
  }

  private async sharedColumns(em: EntityManager, input: CaseStudySharedInput, workspaceId: string | null): Promise<Partial<CaseStudy>> {
    const out: Partial<CaseStudy> = {};
    if (input.cityIds) {
      const cities = (await this.cities.getMany(input.cityIds, em)).filter((c) => !!c);
      const unknown = input.cityIds.filter((id) => !cities.some((c) => c.id === id));
      if (unknown.length) throw BadInputError.field('cityIds', { en: `no city ${unknown.join(', ')} on the platform.`, ko: `플랫폼에 없는 도시입니다: ${unknown.join(', ')}.` });
      out.cityIds = input.cityIds;
      out.countryCodes = [...new Set(cities.map((c) => c.countryCode.trim()))].sort();
    }
    if (input.sectors) {
      const known = await this.sectors.getMany(input.sectors, em);
      const unknown = input.sectors.filter((_, i) => !known[i]);
      if (unknown.length) {
        throw BadInputError.field('sectors', {
          en: `no sector ${unknown.join(', ')} in the taxonomy (see the sectors query).`,
          ko: `분류에 없는 분야입니다: ${unknown.join(', ')}(sectors 조회를 보세요).`,
        });
      }
      out.sectors = input.sectors;
    }
    if (input.sdgs) out.sdgs = [...input.sdgs].sort((a, b) => a - b);
    if (input.partners) out.partners = input.partners.map((p) => ({ name: { en: p.name.en ?? null, ko: p.name.ko ?? null } as Bilingual, organisationId: p.organisationId ?? null }));
    if (input.successFactors) out.successFactors = input.successFactors.map((f) => ({ en: f.en ?? null, ko: f.ko ?? null }) as Bilingual);
    if (input.lessons) out.lessons = input.lessons.map((f) => ({ en: f.en ?? null, ko: f.ko ?? null }) as Bilingual);
    if (input.projectIds) {
      const projects = await this.projects.getMany(input.projectIds, em);
      if (projects.some((p) => !p || p.workspaceId !== workspaceId)) {
        throw BadInputError.field('projectIds', { en: 'must be joint projects of the case study’s workspace.', ko: '이 우수 사례가 속한 워크스페이스의 공동 프로젝트여야 합니다.' });
      }
      // Each once, as the database writes them: an id given twice (in two cases) counts once.
      out.projectIds = [...new Set(projects.map((p) => p!.id))];
    }
    return out;
  }

  /** The authors' ids as stored (each once, as the database writes them), or BAD_USER_INPUT when one has no account. */
  private async requireUsers(em: EntityManager, ids: string[]): Promise<string[]> {
    const users = await this.users.getMany(ids, em);
    if (users.some((u) => !u)) throw BadInputError.field('authorUserIds', { en: 'names someone who has no account.', ko: '계정이 없는 사람이 들어 있습니다.' });
    return [...new Set(users.map((u) => u!.id))];
  }

  private async freeSlug(em: EntityManager, base: string): Promise<string> {
    const stem = base || 'case-study';
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? stem : `${stem}-${n}`;
      if (!(await em.findOneBy(CaseStudy, { slug: candidate }))) return candidate;
    }
  }

  private async notifyStep(em: EntityManager, caseStudy: CaseStudy, version: CaseStudyVersion, step: Step, note: string | null): Promise<void> {
    const url = `${this.config.PUBLIC_URL}/case-studies/${caseStudy.slug}?lang=${version.language}`;
    if (step === 'submit') {
      const reviewers = caseStudy.workspaceId ? await workspaceRecipients(em, caseStudy.workspaceId, true) : await roleRecipients(em, Role.ADMIN);
      for (const to of reviewers) {
        await this.outbox.enqueueEmail(em, {
          template: KnowledgeEmail.REVIEW_REQUESTED,
          idempotencyKey: `knowledge.review:${caseStudy.id}:${version.language}:${version.revision}:${version.updatedAt.getTime()}:${to.userId}`,
          to,
          data: { title: version.title, language: version.language, url },
        });
      }
    }
    if (step === 'approve' || step === 'sendBack') {
      const authors = (await recipientsOf(em, caseStudy.authorUserIds)).values();
      for (const to of authors) {
        await this.outbox.enqueueEmail(em, {
          template: KnowledgeEmail.REVIEWED,
          idempotencyKey: `knowledge.reviewed:${caseStudy.id}:${version.language}:${version.revision}:${step}:${version.updatedAt.getTime()}:${to.userId}`,
          to,
          data: { title: version.title, language: version.language, approved: step === 'approve', note, url },
        });
      }
    }
  }

  /** Plain text of a version's body, for snippets, feeds and exports. */
  plainText(version: Pick<CaseStudyVersion, 'body'>): string {
    return markdownToText(version.body);
  }
}

/** The filters shared by listing and search, on a query over case_study aliased `c`. */
export function applySharedFilters(query: { andWhere(where: string, params?: Record<string, unknown>): unknown }, filter: CaseStudyFilter): void {
  if (filter.sector) query.andWhere(':sector = ANY(c.sectors)', { sector: filter.sector });
  if (filter.sdg) query.andWhere(':sdg = ANY(c.sdgs)', { sdg: filter.sdg });
  if (filter.cityId) query.andWhere(':cityId = ANY(c.city_ids)', { cityId: filter.cityId });
  if (filter.countryCode) query.andWhere(':countryCode = ANY(c.country_codes)', { countryCode: filter.countryCode });
}

/** A slug from a title: lower-case ASCII words joined by dashes (titles in Korean only give none). */
export function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
}
