import type { OpenDataset } from '@app/core';

/** Events' open data: what the public sees of the programme's events. */
export const EVENTS_OPEN_DATASET: OpenDataset = {
  name: 'events',
  description: 'Published events (seminars, workshops, forums, the annual showcase), with start and end as instants and the event’s own zone. Joining links are for registered people only and are left out.',
  rows: (query, url) =>
    query(
      `SELECT e.id, e.kind, e.format, e.status, e.title_en, e.title_ko, e.starts_at, e.ends_at, e.time_zone, e.venue, e.sectors, e.capacity,
              e.workspace_id, $1 || '/events/' || e.id AS url
         FROM programme_event e WHERE e.status IN ('PUBLISHED', 'CANCELLED') AND e.published_at IS NOT NULL ORDER BY e.starts_at, e.id`,
      [url],
    ),
};
