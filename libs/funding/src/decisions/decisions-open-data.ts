import type { OpenDataset } from '@app/core';

/** The seed fund's open data: the board's decisions as the public sees them, never the reviews. */
export const DECISIONS_OPEN_DATASET: OpenDataset = {
  name: 'decisions',
  description: 'Public summaries of the governance board’s decisions: outcome, award per currency (integer minor units), conditions and rationale. Never the reviews.',
  rows: (query) =>
    query(
      `SELECT d.id, d.fund_id, d.application_id, a.title_en, a.title_ko, a.city_ids, d.outcome, d.amounts, d.conditions_en, d.conditions_ko, d.rationale_en, d.rationale_ko,
              d.recorded_at AS decided_at, d.supersedes_decision_id
         FROM funding_decision d JOIN fund_application a ON a.id = d.application_id ORDER BY d.recorded_at DESC, d.id`,
    ),
};
