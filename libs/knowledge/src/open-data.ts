import { Controller, Get, Header, HttpException, HttpStatus, Inject, Injectable, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Feed } from 'feed';
import { DataSource } from 'typeorm';
import { Allow, AppConfig, Clock, toCsv } from '@app/core';
import { escapeHtml } from '@app/notifications';
import { renderMarkdown } from './markdown';

export const OPEN_DATA_LICENCE = {
  id: 'CC-BY-4.0',
  name: 'Creative Commons Attribution 4.0 International',
  url: 'https://creativecommons.org/licenses/by/4.0/',
  attribution: 'Innovation Twins programme (UK–Korea)',
};

type Row = Record<string, unknown>;

interface Dataset {
  description: string;
  /** The rows, each flat enough for CSV; arrays and objects are written as JSON in CSV cells. */
  rows(publicUrl: string): Promise<Row[]>;
}

/**
 * What the programme publishes as open data: published case studies, events,
 * public board decision summaries, cities with their indicators, and pairing
 * scores. Only what is public in the API: never drafts, reviews or people.
 */
@Injectable()
export class OpenDataService {
  readonly datasets: Record<string, Dataset>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {
    const q = (sql: string, params: unknown[] = []) => this.dataSource.query(sql, params) as Promise<Row[]>;
    this.datasets = {
      'case-studies': {
        description: 'Published case studies, one row per language version (body in Markdown).',
        rows: (url) =>
          q(
            `SELECT c.id, c.slug, v.language, v.title, v.summary, v.body, v.revision, v.needs_translation_check, v.published_at,
                    c.city_ids, c.country_codes, c.sectors, c.sdgs, $1 || '/case-studies/' || c.slug || '?lang=' || v.language AS url
               FROM case_study_version v JOIN case_study c ON c.id = v.case_study_id
              WHERE v.status = 'PUBLISHED' ORDER BY v.published_at DESC, c.id, v.language`,
            [url],
          ),
      },
      events: {
        description: 'Published events (seminars, workshops, forums, the annual showcase), with start and end as instants and the event’s own zone. Joining links are for registered people only and are left out.',
        rows: (url) =>
          q(
            `SELECT e.id, e.kind, e.format, e.status, e.title_en, e.title_ko, e.starts_at, e.ends_at, e.time_zone, e.venue, e.sectors, e.capacity,
                    e.workspace_id, $1 || '/events/' || e.id AS url
               FROM programme_event e WHERE e.status IN ('PUBLISHED', 'CANCELLED') AND e.published_at IS NOT NULL ORDER BY e.starts_at, e.id`,
            [url],
          ),
      },
      decisions: {
        description: 'Public summaries of the governance board’s decisions: outcome, award per currency (integer minor units) and rationale. Never the reviews.',
        rows: () =>
          q(
            `SELECT d.id, d.fund_id, d.application_id, a.title_en, a.title_ko, a.city_ids, d.outcome, d.amounts, d.rationale_en, d.rationale_ko,
                    d.recorded_at AS decided_at, d.supersedes_decision_id
               FROM funding_decision d JOIN fund_application a ON a.id = d.application_id ORDER BY d.recorded_at DESC, d.id`,
          ),
      },
      cities: {
        description: 'The report’s cities and their indicators, one row per city and indicator, with each value’s source and date.',
        rows: () =>
          q(
            `SELECT c.id AS city_id, c.name_en, c.name_ko, c.country_code, c.peer_group, v.indicator_key,
                    coalesce(v.number_value::text, v.boolean_value::text, v.text_value) AS value, v.source, v.as_of
               FROM city c LEFT JOIN city_indicator_value v ON v.city_id = c.id ORDER BY c.country_code, c.id, v.indicator_key`,
          ),
      },
      'pair-scores': {
        description: 'Pairing scores of every UK–Korea city pair under the default weights: four pillars in [0, 1], stars, overall, coverage and confidence.',
        rows: () =>
          q(
            `SELECT pair_key, city_a_id, city_b_id, overall, overall_stars, similarity, internationalisation, synergy, relationship, min_pillar_stars,
                    indicators_used, sectors_compared, assessments, links, confidence, shared_sectors, computed_at
               FROM pair_score ORDER BY overall DESC, pair_key`,
          ),
      },
    };
  }

  async json(name: string, publicUrl: string): Promise<Record<string, unknown>> {
    const dataset = this.require(name);
    const data = await dataset.rows(publicUrl);
    return { dataset: name, description: dataset.description, licence: OPEN_DATA_LICENCE, generatedAt: this.clock.now().toISOString(), count: data.length, data };
  }

  async csv(name: string, publicUrl: string): Promise<string> {
    const rows = await this.require(name).rows(publicUrl);
    const columns = rows.length ? Object.keys(rows[0]) : [];
    return toCsv(columns, rows.map((r) => columns.map((c) => r[c])));
  }

  generatedAt(): Date {
    return this.clock.now();
  }

  private require(name: string): Dataset {
    const dataset = this.datasets[name];
    if (!dataset) throw new HttpException(`No dataset "${name}". See /open-data for the list.`, HttpStatus.NOT_FOUND);
    return dataset;
  }
}

/** GET /open-data (the index), /open-data/{dataset}.json and .csv: public, licensed CC BY 4.0. */
@Controller('open-data')
@Allow('PUBLIC')
export class OpenDataController {
  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly openData: OpenDataService,
  ) {}

  @Get()
  index(): Record<string, unknown> {
    const base = `${this.config.PUBLIC_URL}/open-data`;
    return {
      licence: OPEN_DATA_LICENCE,
      generatedAt: this.openData.generatedAt().toISOString(),
      datasets: Object.entries(this.openData.datasets).map(([name, d]) => ({ name, description: d.description, json: `${base}/${name}.json`, csv: `${base}/${name}.csv` })),
      feeds: { caseStudies: `${this.config.PUBLIC_URL}/feeds/case-studies.atom` },
    };
  }

  @Get(':file')
  async file(@Param('file') file: string, @Res() res: Response): Promise<void> {
    const match = /^([a-z-]+)\.(json|csv)$/.exec(file);
    if (!match) throw new HttpException('Ask for {dataset}.json or {dataset}.csv; see /open-data for the list.', HttpStatus.NOT_FOUND);
    const [, name, format] = match;
    const generatedAt = this.openData.generatedAt();
    res.set({
      'cache-control': 'public, max-age=300',
      link: `<${OPEN_DATA_LICENCE.url}>; rel="license"`,
      'x-licence': OPEN_DATA_LICENCE.id,
      'x-generated-at': generatedAt.toISOString(),
    });
    if (format === 'json') {
      res.json(await this.openData.json(name, this.config.PUBLIC_URL));
      return;
    }
    const body = await this.openData.csv(name, this.config.PUBLIC_URL);
    res
      .set({ 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}-${generatedAt.toISOString().slice(0, 10)}.csv"` })
      .send(body);
  }
}

/** GET /feeds/case-studies.atom: newly published case study versions, newest first. */
@Controller('feeds')
@Allow('PUBLIC')
export class CaseStudyFeedController {
  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  @Get('case-studies.atom')
  @Header('content-type', 'application/atom+xml; charset=utf-8')
  async atom(): Promise<string> {
    const base = this.config.PUBLIC_URL;
    const rows: Array<{ slug: string; language: string; title: string; summary: string; body: string; published_at: Date; authors: string[] | null }> = await this.dataSource.query(
      `SELECT c.slug, v.language, v.title, v.summary, v.body, v.published_at,
              (SELECT array_agg(u.display_name ORDER BY u.display_name) FROM user_account u WHERE u.id = ANY(c.author_user_ids)) AS authors
         FROM case_study_version v JOIN case_study c ON c.id = v.case_study_id
        WHERE v.status = 'PUBLISHED' ORDER BY v.published_at DESC LIMIT 50`,
    );
    const feed = new Feed({
      title: 'Innovation Twins — case studies',
      description: 'Best practice from twinned UK and Korean cities, in English and Korean.',
      id: `${base}/case-studies`,
      link: `${base}/case-studies`,
      updated: rows[0]?.published_at ?? this.clock.now(),
      copyright: `${OPEN_DATA_LICENCE.name} (${OPEN_DATA_LICENCE.url})`,
      feedLinks: { atom: `${base}/feeds/case-studies.atom` },
    });
    for (const r of rows) {
      const link = `${base}/case-studies/${r.slug}?lang=${r.language}`;
      feed.addItem({
        // The feed writes titles and summaries as HTML: escape the author's text so it stays text (and valid XML).
        title: escapeHtml(r.title),
        id: link,
        link,
        description: escapeHtml(r.summary),
        content: renderMarkdown(r.body),
        date: r.published_at,
        author: (r.authors ?? []).map((name) => ({ name })),
      });
    }
    return feed.atom1();
  }
}
