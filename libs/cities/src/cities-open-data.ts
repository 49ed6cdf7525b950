import type { OpenDataset } from '@app/core';

/** The cities context's open data: the report's cities and their indicators. */
export const CITIES_OPEN_DATASET: OpenDataset = {
  name: 'cities',
  description: 'The report’s cities and their indicators, one row per city and indicator, with each value’s source and date.',
  rows: (query) =>
    query(
      `SELECT c.id AS city_id, c.name_en, c.name_ko, c.country_code, c.peer_group, v.indicator_key,
              coalesce(v.number_value::text, v.boolean_value::text, v.text_value) AS value, v.source, v.as_of
         FROM city c LEFT JOIN city_indicator_value v ON v.city_id = c.id ORDER BY c.country_code, c.id, v.indicator_key`,
    ),
};
