import type { OpenDataset } from '@app/core';

/** Knowledge's open data: every published language version of a case study. */
export const CASE_STUDIES_OPEN_DATASET: OpenDataset = {
  name: 'case-studies',
  description: 'Published case studies, one row per language version (body in Markdown).',
  rows: (query, url) =>
    query(
      `SELECT c.id, c.slug, v.language, v.title, v.summary, v.body, v.revision, v.needs_translation_check, v.published_at,
              c.city_ids, c.country_codes, c.sectors, c.sdgs, $1 || '/case-studies/' || c.slug || '?lang=' || v.language AS url
         FROM case_study_version v JOIN case_study c ON c.id = v.case_study_id
        WHERE v.status = 'PUBLISHED' ORDER BY v.published_at DESC, c.id, v.language`,
      [url],
    ),
};
