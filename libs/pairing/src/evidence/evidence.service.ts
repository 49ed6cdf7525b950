import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, EntityManager, In, IsNull } from 'typeorm';
import { Connection, PageArgs, paginate } from '@app/core';
import { allCityIds } from '@app/cities';
import type { LinkEvidence, ReadinessEvidence, SectorEvidence } from '../engine/types';
import { CityLink } from './entities/city-link.entity';
import { PairingEvidenceAudit } from './entities/pairing-evidence-audit.entity';
import { ReadinessAssessment } from './entities/readiness-assessment.entity';
import { SectorActivity } from './entities/sector-activity.entity';

/** One city's pairing evidence, in the engine's shapes (see engine/types.ts CityEvidence). */
export interface CityPairingEvidence {
  /** The current assessment; null when none was recorded. */
  readiness: ReadinessEvidence | null;
  /** Activity per sector, in sector key order. */
  sectors: SectorEvidence[];
  /**
   * Links to other cities of ours, seen from this city (otherCityId = the
   * other end), most formal first. Links to places that are not our cities
   * (Seoul, Rolls-Royce) join no pair, so they are not here. History (a
   * declined, withdrawn or closed twinning, a closed joint project) is here
   * with `live: false`: the engine shows it and does not score it.
   */
  links: LinkEvidence[];
}

/** Reads evidence for the pairing engine and the audit for admins. */
@Injectable()
export class EvidenceService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Each city's current readiness, sector activity and links, keyed by city
   * id: the given cities, or every city when `cityIds` is omitted. Every
   * city asked for has an entry, empty when there is no evidence. Three
   * queries (four without `cityIds`) whatever the number of cities. Pass
   * `em` to read inside a transaction.
   */
  async loadCityEvidence(cityIds?: readonly string[], em: EntityManager = this.dataSource.manager): Promise<Map<string, CityPairingEvidence>> {
    const ids = cityIds
      ? [...new Set(cityIds)]
      : await allCityIds(em);
    const result = new Map<string, CityPairingEvidence>();
    if (ids.length === 0) return result;
    for (const id of ids) result.set(id, { readiness: null, sectors: [], links: [] });

    // One after another: inside a transaction they share one connection.
    const assessments = await em.find(ReadinessAssessment, { where: { cityId: In(ids), supersededAt: IsNull() } });
    const activity = await em.find(SectorActivity, { where: { cityId: In(ids) }, order: { cityId: 'ASC', sectorKey: 'ASC' } });
    const links = await em
      .createQueryBuilder(CityLink, 'l')
      .where('l.city_b_id IS NOT NULL')
      .andWhere(new Brackets((qb) => qb.where('l.city_a_id IN (:...ids)', { ids }).orWhere('l.city_b_id IN (:...ids)', { ids })))
      .orderBy('l.formality', 'DESC')
      .addOrderBy('l.id', 'ASC')
      .getMany();

    for (const a of assessments) {
      result.get(a.cityId)!.readiness = {
        strategy: a.strategy,
        visibleHome: a.visibleHome,
        networks: a.networks,
        collaboration: a.collaboration,
        source: a.source,
        asOf: a.asOf,
        enteredByUserId: a.enteredByUserId,
      };
    }
    for (const s of activity) {
      result.get(s.cityId)?.sectors.push({
        sector: s.sectorKey,
        level: s.level,
        projects: s.projects.map((p) => (p.summary ? { title: p.title, summary: p.summary } : { title: p.title })),
        source: s.source,
        asOf: s.asOf,
        enteredByUserId: s.enteredByUserId,
      });
    }
    for (const link of links) {
      for (const [self, other] of [
        [link.cityAId, link.cityBId!],
        [link.cityBId!, link.cityAId],
      ]) {
        result.get(self)?.links.push({
          id: link.id,
          otherCityId: other,
          kind: link.kind,
          partners: [...link.partners],
          formality: link.formality,
          summary: { en: link.summaryEn, ko: link.summaryKo },
          since: link.since,
          live: link.live,
          source: link.source,
          sourceKo: link.sourceKo,
          asOf: link.asOf,
          enteredByUserId: link.enteredByUserId,
        });
      }
    }
    return result;
  }

  /** The audit of evidence changes, newest first; only one city's when `cityId` is given. */
  audit(cityId: string | null | undefined, page: PageArgs): Promise<Connection<PairingEvidenceAudit>> {
    const query = this.dataSource.getRepository(PairingEvidenceAudit).createQueryBuilder('a');
    if (cityId) query.where(':cityId = ANY(a.city_ids)', { cityId });
    return paginate(query, page, { expression: 'a.id', direction: 'DESC', cast: 'bigint', valueOf: (row) => row.id });
  }
}
