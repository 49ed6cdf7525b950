import type { OpenDataset } from '@app/core';

/** Pairing's open data: the stored score of every city pair. */
export const PAIR_SCORES_OPEN_DATASET: OpenDataset = {
  name: 'pair-scores',
  description: 'Pairing scores of every UK–Korea city pair under the default weights: four pillars in [0, 1], stars, overall, coverage and confidence.',
  rows: (query) =>
    query(
      `SELECT pair_key, city_a_id, city_b_id, overall, overall_stars, similarity, internationalisation, synergy, relationship, min_pillar_stars,
              indicators_used, sectors_compared, assessments, links, confidence, shared_sectors, computed_at
         FROM pair_score ORDER BY overall DESC, pair_key`,
    ),
};
