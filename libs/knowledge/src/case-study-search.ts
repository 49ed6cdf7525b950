import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { Allow, BadInputError, escapeLike, itemsOfPage } from '@app/core';
import type { CaseStudyFilter } from './dto/knowledge.inputs';
import { CaseStudyStatus, SEARCH_DOCUMENT } from './entities/case-study-version.entity';
import { CaseStudy } from './entities/case-study.entity';
import { markdownToText } from './markdown';

@ObjectType({ description: 'A published language version matching a search, with where it matched.' })
@Allow('PUBLIC')
export class CaseStudySearchHit {
  @Field(() => CaseStudy) caseStudy: CaseStudy;
  @Field({ description: 'en or ko: the version that matched.' }) language: string;
  @Field() title: string;
  @Field({ description: 'A passage around the first match, HTML-escaped, the matched words in <mark>.' }) snippet: string;
  @Field(() => Float, { description: 'Higher is better: title matches count most, then the summary, then the body.' }) rank: number;
}

@ObjectType()
@Allow('PUBLIC')
export class CaseStudySearchResult {
  @Field(() => [CaseStudySearchHit], { complexity: itemsOfPage }) hits: CaseStudySearchHit[];
  @Field(() => Int) totalCount: number;
  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page; null on the last.' }) endCursor: string | null;
}

const SNIPPET_RADIUS = 80;

/**
 * Search over published case studies in English and Korean. Korean has no
 * stemmer in PostgreSQL and its words take particles, so matching is on parts
 * of words: every term must occur in the text (a trigram index serves the
 * ILIKE), or, for English versions, the stemmed full-text query must match
 * ("ports" finds "port"). Ranked by where the terms occur.
 */
@Injectable()
export class CaseStudySearch {
  constructor(private readonly dataSource: DataSource) {}

  async search(text: string, filter: CaseStudyFilter, first = 20, after?: string): Promise<CaseStudySearchResult> {
    const q = text.trim();
    if (!q) throw BadInputError.field('query', { en: 'type a word or two to search for.', ko: '찾을 단어를 한두 개 입력하세요.' });
    const terms = [...new Set(q.split(/\s+/).filter(Boolean))].slice(0, 8);
    const offset = after ? decodeOffset(after) : 0;
    const params: unknown[] = [q];
    const term = (t: string) => {
      params.push(`%${escapeLike(t)}%`);
      return `$${params.length}`;
    };
    const allTerms = terms.map((t) => `${SEARCH_DOCUMENT} ILIKE ${term(t)}`).join(' AND ');
    const where = [
      `v.status = '${CaseStudyStatus.PUBLISHED}'`,
      `((${allTerms}) OR (v.language = 'en' AND to_tsvector('english', ${SEARCH_DOCUMENT}) @@ plainto_tsquery('english', $1)))`,
    ];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.language) add('v.language = ?', filter.language);
    if (filter.sector) add('? = ANY(c.sectors)', filter.sector);
    if (filter.sdg) add('? = ANY(c.sdgs)', filter.sdg);
    if (filter.cityId) add('? = ANY(c.city_ids)', filter.cityId);
    if (filter.countryCode) add('? = ANY(c.country_codes)', filter.countryCode);
    if (filter.year) add('extract(year from v.published_at) = ?', filter.year);
    // The whole query as a phrase, for ranking only (the last parameter of the page query).
    const phrase = `$${params.length + 1}`;
    const rank = `(CASE WHEN v.title ILIKE ${phrase} THEN 2 ELSE 0 END + CASE WHEN v.summary ILIKE ${phrase} THEN 1 ELSE 0 END + CASE WHEN v.body ILIKE ${phrase} THEN 0.5 ELSE 0 END
      + CASE WHEN v.language = 'en' THEN ts_rank(to_tsvector('english', ${SEARCH_DOCUMENT}), plainto_tsquery('english', $1)) ELSE 0 END
      + word_similarity($1, ${SEARCH_DOCUMENT}))`;
    const from = `FROM case_study_version v JOIN case_study c ON c.id = v.case_study_id WHERE ${where.join(' AND ')}`;
    const [rows, [{ count }]] = await Promise.all([
      this.dataSource.query(
        `SELECT v.case_study_id, v.language, v.title, v.summary, v.body, ${rank}::float AS rank ${from}
          ORDER BY rank DESC, v.published_at DESC, v.case_study_id, v.language LIMIT ${Math.min(first, 100) + 1} OFFSET ${offset}`,
        [...params, `%${escapeLike(q)}%`],
      ) as Promise<Array<{ case_study_id: string; language: string; title: string; summary: string; body: string; rank: number }>>,
      this.dataSource.query(`SELECT count(*)::int AS count ${from}`, params) as Promise<Array<{ count: number }>>,
    ]);
    const page = rows.slice(0, first);
    const caseStudies = page.length ? await this.dataSource.getRepository(CaseStudy).findBy({ id: In(page.map((r) => r.case_study_id)) }) : [];
    const hits = page.map((r) =>
      Object.assign(new CaseStudySearchHit(), {
        caseStudy: caseStudies.find((c) => c.id === r.case_study_id)!,
        language: r.language,
        title: r.title,
        // From the summary when a term is there, else from the body: the passage where it matched.
        snippet: snippet(terms.some((t) => r.summary.toLowerCase().includes(t.toLowerCase())) ? r.summary : markdownToText(r.body), terms),
        rank: Math.round(r.rank * 1000) / 1000,
      }),
    );
    return Object.assign(new CaseStudySearchResult(), { hits, totalCount: count, endCursor: rows.length > first ? encodeOffset(offset + first) : null });
  }
}

/** A passage of `text` around the first term found, HTML-escaped, every term found in it wrapped in <mark>. */
export function snippet(text: string, terms: readonly string[]): string {
  const lower = text.toLowerCase();
  const at = Math.min(...terms.map((t) => lower.indexOf(t.toLowerCase())).filter((i) => i >= 0), Number.POSITIVE_INFINITY);
  const start = Number.isFinite(at) ? Math.max(0, at - SNIPPET_RADIUS) : 0;
  const end = Math.min(text.length, start + SNIPPET_RADIUS * 2);
  const passage = text.slice(start, end);
  const pattern = new RegExp(terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gi');
  let html = '';
  let last = 0;
  for (const match of passage.matchAll(pattern)) {
    html += escape(passage.slice(last, match.index)) + `<mark>${escape(match[0])}</mark>`;
    last = match.index! + match[0].length;
  }
  html += escape(passage.slice(last));
  return `${start > 0 ? '…' : ''}${html}${end < text.length ? '…' : ''}`;
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function encodeOffset(offset: number): string {
  return Buffer.from(JSON.stringify({ offset })).toString('base64url');
}

function decodeOffset(cursor: string): number {
  try {
    const { offset } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { offset: unknown };
    if (Number.isInteger(offset) && (offset as number) >= 0) return offset as number;
  } catch {
    // fall through
  }
  throw BadInputError.field('after', { en: 'is not a cursor from this search: pass endCursor from the previous page.', ko: '이 검색의 커서가 아닙니다. 이전 페이지의 endCursor를 넘겨 주세요.' });
}
