import { Controller, Get, Header, Inject } from '@nestjs/common';
import { Feed } from 'feed';
import { DataSource } from 'typeorm';
import { Allow, AppConfig, Clock, OPEN_DATA_LICENCE } from '@app/core';
import { displayNamesSql } from '@app/identity';
import { escapeHtml } from '@app/notifications';
import { renderMarkdown } from './markdown';

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
      `SELECT c.slug, v.language, v.title, v.summary, v.body, v.published_at, ${displayNamesSql('c.author_user_ids')} AS authors
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
