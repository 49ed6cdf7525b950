/** The licence every open dataset is published under, named in each file and in its headers. */
export const OPEN_DATA_LICENCE = {
  id: 'CC-BY-4.0',
  name: 'Creative Commons Attribution 4.0 International',
  url: 'https://creativecommons.org/licenses/by/4.0/',
  attribution: 'Innovation Twins programme (UK–Korea)',
};

/** One row of a dataset, flat enough for CSV; arrays and objects are written as JSON in CSV cells. */
export type OpenDataRow = Record<string, unknown>;

/** Runs one read-only statement and gives its rows. */
export type OpenDataQuery = (sql: string, params?: unknown[]) => Promise<OpenDataRow[]>;

/**
 * A dataset the programme publishes as open data. Each context defines its
 * own, over its own tables: only what is public in the API, never drafts,
 * reviews or people. The composition root lists them all.
 */
export interface OpenDataset {
  /** Its name in the URL: /open-data/{name}.json and .csv. */
  name: string;
  description: string;
  rows(query: OpenDataQuery, publicUrl: string): Promise<OpenDataRow[]>;
}

/** The provider holding the published datasets, in the order the index lists them. */
export const OPEN_DATASETS = Symbol('OPEN_DATASETS');
