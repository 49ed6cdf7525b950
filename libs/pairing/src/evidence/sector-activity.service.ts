import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuthUser, BadInputError, Clock } from '@app/core';
import { CityOfficerService } from '@app/identity';
import { requestPairingRecompute } from '../recompute/request-recompute';
import { SectorActivity, SectorProject } from './entities/sector-activity.entity';
import { Sector } from './entities/sector.entity';
import { canonicalJson, checkEvidenceDate, checkEvidenceSource, checkText, isoDay, lockCity, requireCity, wordsOf, writeEvidenceAudit } from './evidence-common';
import { SECTOR_LEVEL_MESSAGE } from './rubric';

export const MAX_SECTOR_PROJECTS = 20;

export interface SectorActivityInput {
  cityId: string;
  sector: string;
  level: number;
  projects: Array<{ title: string; summary?: string | null }>;
  source: string;
  asOf?: string | null;
}

/** Checks a level and a project list; BAD_USER_INPUT naming the field. Returns the projects in stored form. */
export function checkSectorActivity(level: number, projects: SectorActivityInput['projects']): SectorProject[] {
  if (!Number.isInteger(level) || level < 1 || level > 3) throw BadInputError.field('level', wordsOf(SECTOR_LEVEL_MESSAGE));
  if (!Array.isArray(projects) || projects.length < 1) {
    throw BadInputError.field('projects', { en: 'must name at least one project that justifies the level.', ko: '이 수준의 근거가 되는 프로젝트를 하나 이상 써 주세요.' });
  }
  if (projects.length > MAX_SECTOR_PROJECTS) {
    throw BadInputError.field('projects', {
      en: `must list ${MAX_SECTOR_PROJECTS} projects or fewer; keep the ones that best justify the level.`,
      ko: `프로젝트는 ${MAX_SECTOR_PROJECTS}개까지 쓸 수 있습니다. 이 수준을 가장 잘 뒷받침하는 것만 남겨 주세요.`,
    });
  }
  return projects.map((project, index) => {
    const title = checkText(project?.title, `projects.${index}.title`, 1, 200, { en: 'give the project’s name', ko: '프로젝트 이름을 써 주세요' });
    const summary = project?.summary == null || project.summary.trim() === '' ? null : checkText(project.summary, `projects.${index}.summary`, 1, 1000, { en: 'say what the project does', ko: '프로젝트가 하는 일을 써 주세요' });
    return summary === null ? { title } : { title, summary };
  });
}

/** Sectors of the shared taxonomy and each city's activity in them. */
@Injectable()
export class SectorActivityService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly officers: CityOfficerService,
  ) {}

  /** Every sector, in display order (the report's 14 first). */
  sectors(em: EntityManager = this.dataSource.manager): Promise<Sector[]> {
    return em.find(Sector, { order: { position: 'ASC', key: 'ASC' } });
  }

  /** Batched for DataLoaders: the sectors in the order of `keys`. */
  async sectorsByKeys(keys: readonly string[]): Promise<Array<Sector | undefined>> {
    if (keys.length === 0) return [];
    const rows = await this.dataSource.manager.findBy(Sector, { key: In([...new Set(keys)]) });
    const byKey = new Map(rows.map((s) => [s.key, s]));
    return keys.map((key) => byKey.get(key));
  }

  /** The city's activity, sector by sector in taxonomy order. Unknown city: NOT_FOUND. */
  async forCity(cityId: string): Promise<SectorActivity[]> {
    await requireCity(this.dataSource.manager, cityId);
    return this.dataSource
      .getRepository(SectorActivity)
      .createQueryBuilder('a')
      .innerJoin(Sector, 's', 's.key = a.sector_key')
      .where('a.city_id = :cityId', { cityId })
      .orderBy('s.position', 'ASC')
      .addOrderBy('a.sector_key', 'ASC')
      .getMany();
  }

  /**
   * Records a city's activity in one sector, replacing what was there.
   * Level outside 1–3, no projects, more than 20, a project without a title
   * or an unknown sector: BAD_USER_INPUT. Unknown city: NOT_FOUND. Officers of
   * the city and admins only. Sending what is already recorded writes nothing.
   */
  async set(user: AuthUser, input: SectorActivityInput): Promise<SectorActivity> {
    const projects = checkSectorActivity(input.level, input.projects);
    const source = checkEvidenceSource(input.source);
    const now = this.clock.now();
    const asOf = checkEvidenceDate(input.asOf, isoDay(now));
    await this.officers.assertCanEditCity(user, input.cityId);

    return this.dataSource.transaction(async (em) => {
      await lockCity(em, input.cityId);
      await this.requireSector(em, input.sector);
      const current = await em.findOneBy(SectorActivity, { cityId: input.cityId, sectorKey: input.sector });
      const next = em.create(SectorActivity, {
        cityId: input.cityId,
        sectorKey: input.sector,
        level: input.level as 1 | 2 | 3,
        projects,
        source,
        asOf,
        enteredByUserId: user.id,
        updatedAt: now,
      });
      if (
        current &&
        current.level === next.level &&
        canonicalJson(current.projects) === canonicalJson(next.projects) &&
        current.source === next.source &&
        current.asOf === next.asOf
      ) {
        return current;
      }
      await em.upsert(SectorActivity, next, ['cityId', 'sectorKey']);
      await writeEvidenceAudit(em, {
        actorUserId: user.id,
        action: 'sector.set',
        entity: 'SectorActivity',
        entityId: `${input.cityId}/${input.sector}`,
        cityIds: [input.cityId],
        before: current,
        after: next,
        at: now,
      });
      await requestPairingRecompute(em, [input.cityId]);
      return next;
    });
  }

  /**
   * Removes a city's activity in one sector. Returns false, writing
   * nothing, when none was recorded.
   */
  async clear(user: AuthUser, cityId: string, sector: string): Promise<boolean> {
    await this.officers.assertCanEditCity(user, cityId);
    return this.dataSource.transaction(async (em) => {
      await lockCity(em, cityId);
      await this.requireSector(em, sector);
      const current = await em.findOneBy(SectorActivity, { cityId, sectorKey: sector });
      if (!current) return false;
      await em.delete(SectorActivity, { cityId, sectorKey: sector });
      await writeEvidenceAudit(em, {
        actorUserId: user.id,
        action: 'sector.clear',
        entity: 'SectorActivity',
        entityId: `${cityId}/${sector}`,
        cityIds: [cityId],
        before: current,
        after: null,
        at: this.clock.now(),
      });
      await requestPairingRecompute(em, [cityId]);
      return true;
    });
  }

  private async requireSector(em: EntityManager, key: string): Promise<Sector> {
    const sector = await em.findOneBy(Sector, { key });
    if (sector) return sector;
    const known = (await this.sectors(em)).map((s) => s.key);
    throw BadInputError.field('sector', { en: `there is no sector "${key}". Known sectors: ${known.join(', ')}.`, ko: `"${key}" 분야는 없습니다. 있는 분야: ${known.join(', ')}.` });
  }
}
