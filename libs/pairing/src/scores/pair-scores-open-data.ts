import type { OpenDataset } from '@app/core';
import { JUDGED_CONFIDENCE, PILLARS, starsFor } from '../engine';
import { scaleOfStored } from './stored-scale';
import type { PairingStarScale } from './pairing-star-scale.entity';

/** Pairing's open data: the stored score of every city pair, with stars read on its comparison set's scale. */
export const PAIR_SCORES_OPEN_DATASET: OpenDataset = {
  name: 'pair-scores',
  description:
    'Pairing scores of every UK–Korea city pair under the default weights: four pillars in [0, 1] with stars, the observed overall, ' +
    'the ranking score (adjusted for missing evidence) and the most it could reach, coverage, confidence and whether the pair can be judged.',
  rows: async (query) => {
    const [rows, scales] = await Promise.all([
      query(
        `SELECT pair_key, countries, city_a_id, city_b_id, adjusted, potential, overall, similarity, internationalisation, synergy, relationship,
                indicators_used, numeric_used, sectors_compared, assessments, links, confidence, shared_sectors, computed_at
           FROM pair_score ORDER BY adjusted DESC, confidence DESC, pair_key DESC`,
      ),
      query(`SELECT countries, scale FROM pairing_star_scale`),
    ]);
    const scaleOf = new Map(scales.map((s) => [s.countries as string, scaleOfStored(s.scale as PairingStarScale['scale'])]));
    return rows.map(({ countries, ...row }) => {
      const scale = scaleOf.get(countries as string) ?? scaleOfStored(null);
      const stars = Object.fromEntries(PILLARS.map((p) => [`${p}_stars`, row[p] === null ? null : starsFor(row[p] as number, scale[p])]));
      return {
        pair_key: row.pair_key,
        city_a_id: row.city_a_id,
        city_b_id: row.city_b_id,
        judged: (row.confidence as number) >= JUDGED_CONFIDENCE,
        adjusted: row.adjusted,
        adjusted_stars: starsFor(row.adjusted as number, scale.overall),
        potential: row.potential,
        overall: row.overall,
        similarity: row.similarity,
        similarity_stars: stars.similarity_stars,
        internationalisation: row.internationalisation,
        internationalisation_stars: stars.internationalisation_stars,
        synergy: row.synergy,
        synergy_stars: stars.synergy_stars,
        relationship: row.relationship,
        relationship_stars: stars.relationship_stars,
        indicators_used: row.indicators_used,
        numeric_used: row.numeric_used,
        sectors_compared: row.sectors_compared,
        assessments: row.assessments,
        links: row.links,
        confidence: row.confidence,
        shared_sectors: row.shared_sectors,
        computed_at: row.computed_at,
      };
    });
  },
};
