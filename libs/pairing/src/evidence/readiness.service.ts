import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AuthUser, Clock, Connection, PageArgs, paginate } from '@app/core';
import { CityOfficerService } from '@app/identity';
import { requestPairingRecompute } from '../recompute/request-recompute';
import { ReadinessAssessment } from './entities/readiness-assessment.entity';
import { checkEvidenceDate, checkEvidenceSource, checkText, isoDay, lockCity, requireCity, writeEvidenceAudit } from './evidence-common';
import { checkReadinessScores, readinessComposite, ReadinessScores } from './rubric';

export interface ReadinessAssessmentInput extends ReadinessScores {
  cityId: string;
  strategyEvidence: string;
  visibleHomeEvidence: string;
  networksEvidence: string;
  collaborationEvidence: string;
  source: string;
  asOf?: string | null;
}

const EVIDENCE_FIELDS = ['strategyEvidence', 'visibleHomeEvidence', 'networksEvidence', 'collaborationEvidence'] as const;
const COMPARED = ['strategy', 'visibleHome', 'networks', 'collaboration', ...EVIDENCE_FIELDS, 'source', 'asOf'] as const;

/**
 * Internationalisation readiness assessments: append-only. Recording one
 * supersedes the city's current assessment in the same transaction; the old
 * one stays in the history.
 */
@Injectable()
export class ReadinessService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly officers: CityOfficerService,
  ) {}

  /** The city's current assessment, or null when none was ever recorded. Unknown city: NOT_FOUND. */
  async current(cityId: string, em: EntityManager = this.dataSource.manager): Promise<ReadinessAssessment | null> {
    await requireCity(em, cityId);
    return em.findOne(ReadinessAssessment, { where: { cityId, supersededAt: IsNull() } });
  }

  /** Every assessment of the city, the current one first, then older ones newest first. */
  async history(cityId: string, page: PageArgs): Promise<Connection<ReadinessAssessment>> {
    await requireCity(this.dataSource.manager, cityId);
    const query = this.dataSource.getRepository(ReadinessAssessment).createQueryBuilder('r').where('r.city_id = :cityId', { cityId });
    return paginate(query, page, {
      expression: 'r.created_at',
      direction: 'DESC',
      cast: 'timestamptz',
      valueOf: (row) => row.createdAt.toISOString(),
    });
  }

  /**
   * Records a new assessment for a city and makes it the current one. Admins
   * may assess any city, officers their own (FORBIDDEN otherwise; NOT_FOUND
   * for an unknown city). A sub-score outside its range is BAD_USER_INPUT
   * naming the field and its rubric. Sending exactly the current assessment
   * again (a double submit) writes nothing.
   */
  async record(user: AuthUser, input: ReadinessAssessmentInput): Promise<ReadinessAssessment> {
    const scores = checkReadinessScores({
      strategy: input.strategy,
      visibleHome: input.visibleHome,
      networks: input.networks,
      collaboration: input.collaboration,
    });
    const evidence = Object.fromEntries(
      EVIDENCE_FIELDS.map((field) => [field, checkText(input[field], field, 2, 2000, { en: 'say what the score rests on, in a sentence or a link', ko: '점수의 근거를 한 문장이나 링크로 써 주세요' })]),
    ) as Record<(typeof EVIDENCE_FIELDS)[number], string>;
    const source = checkEvidenceSource(input.source);
    const now = this.clock.now();
    const asOf = checkEvidenceDate(input.asOf, isoDay(now));
    await this.officers.assertCanEditCity(user, input.cityId);

    return this.dataSource.transaction(async (em) => {
      // The city lock serialises assessments of one city: exactly one is current.
      await lockCity(em, input.cityId);
      const current = await em.findOne(ReadinessAssessment, { where: { cityId: input.cityId, supersededAt: IsNull() } });
      const next: ReadinessAssessment = em.create(ReadinessAssessment, {
        id: randomUUID(),
        cityId: input.cityId,
        ...scores,
        ...evidence,
        composite: readinessComposite(scores),
        source,
        asOf,
        enteredByUserId: user.id,
        createdAt: now,
        supersededAt: null,
        supersededById: null,
      });
      if (current && COMPARED.every((field) => current[field] === next[field])) return current;

      if (current) {
        // The foreign key to the new row is checked at commit (deferred), so the old row can name it first.
        await em.update(ReadinessAssessment, { id: current.id }, { supersededAt: now, supersededById: next.id });
      }
      await em.insert(ReadinessAssessment, next);
      await writeEvidenceAudit(em, {
        actorUserId: user.id,
        action: 'readiness.record',
        entity: 'ReadinessAssessment',
        entityId: next.id,
        cityIds: [input.cityId],
        before: current,
        after: next,
        at: now,
      });
      await requestPairingRecompute(em, [input.cityId]);
      return next;
    });
  }
}
