import { markdownToText } from '@app/knowledge/markdown';
import { BareContext, loader, rows } from './bare-context';

/** Searching published case studies, as the platform does it (libs/knowledge: CaseStudySearch, CaseStudiesService.versionsIn). */
const SEARCH_DOCUMENT = `(coalesce(v.title, '') || ' ' || coalesce(v.summary, '') || ' ' || coalesce(v.body, ''))`;
const SNIPPET_RADIUS = 80;

const CASE_STUDY_FIELDS = [
  'id', 'slug', 'workspace_id', 'project_ids', 'city_ids', 'country_codes', 'sectors', 'sdgs', 'partners', 'success_factors', 'lessons', 'author_user_ids', 'created_by_user_id',
  'created_at', 'updated_at', 'version',
];
const VERSION_FIELDS = ['case_study_id', 'language', 'status', 'needs_translation_check', 'title', 'summary', 'body', 'revision', 'review_note', 'published_at', 'updated_at'];
const camel = (field: string) => field.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
const columns = (alias: string, fields: string[]) => fields.map((f) => `"${alias}"."${f}" AS "${alias}_${f}"`).join(', ');
const entity = <T>(r: Record<string, unknown>, alias: string, fields: string[]) => Object.fromEntries(fields.map((f) => [camel(f), r[`${alias}_${f}`]])) as T;
const placeholders = (n: number) => Array.from({ length: n }, (_, i) => `$${i + 1}`).join(', ');
const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

interface CaseStudyRow {
  id: string;
  workspaceId: string | null;
  authorUserIds: string[];
}

/** `searchCaseStudies(query, first)` without a filter or cursor. */
export async function searchCaseStudies(ctx: BareContext, text: string, first: number) {
  const q = text.trim();
  if (!q) throw new Error('BAD_USER_INPUT: query');
  const terms = [...new Set(q.split(/\s+/).filter(Boolean))].slice(0, 8);
  const params: unknown[] = [q];
  const term = (t: string) => {
    params.push(`%${escapeLike(t)}%`);
    return `$${params.length}`;
  };
  const allTerms = terms.map((t) => `${SEARCH_DOCUMENT} ILIKE ${term(t)}`).join(' AND ');
  const where = [`v.status = 'PUBLISHED'`, `((${allTerms}) OR (v.language = 'en' AND to_tsvector('english', ${SEARCH_DOCUMENT}) @@ plainto_tsquery('english', $1)))`];
  const phrase = `$${params.length + 1}`;
  const rank = `(CASE WHEN v.title ILIKE ${phrase} THEN 2 ELSE 0 END + CASE WHEN v.summary ILIKE ${phrase} THEN 1 ELSE 0 END + CASE WHEN v.body ILIKE ${phrase} THEN 0.5 ELSE 0 END
      + CASE WHEN v.language = 'en' THEN ts_rank(to_tsvector('english', ${SEARCH_DOCUMENT}), plainto_tsquery('english', $1)) ELSE 0 END
      + word_similarity($1, ${SEARCH_DOCUMENT}))`;
  const from = `FROM case_study_version v JOIN case_study c ON c.id = v.case_study_id WHERE ${where.join(' AND ')}`;
  const [found, [{ count }]] = await Promise.all([
    rows<{ case_study_id: string; language: string; title: string; summary: string; body: string; rank: number }>(
      ctx,
      `SELECT v.case_study_id, v.language, v.title, v.summary, v.body, ${rank}::float AS rank ${from}
          ORDER BY rank DESC, v.published_at DESC, v.case_study_id, v.language LIMIT ${Math.min(first, 100) + 1} OFFSET 0`,
      [...params, `%${escapeLike(q)}%`],
    ),
    rows<{ count: number }>(ctx, `SELECT count(*)::int AS count ${from}`, params),
  ]);
  const page = found.slice(0, first);
  const ids = page.map((r) => r.case_study_id);
  const caseStudies = page.length
    ? (await rows(ctx, `SELECT ${columns('CaseStudy', CASE_STUDY_FIELDS)} FROM "case_study" "CaseStudy" WHERE (("CaseStudy"."id" IN (${placeholders(ids.length)})))`, ids)).map((r) =>
        entity<CaseStudyRow>(r, 'CaseStudy', CASE_STUDY_FIELDS),
      )
    : [];
  const hits = page.map((r) => ({
    caseStudy: caseStudies.find((c) => c.id === r.case_study_id)!,
    language: r.language,
    title: r.title,
    snippet: snippet(terms.some((t) => r.summary.toLowerCase().includes(t.toLowerCase())) ? r.summary : markdownToText(r.body), terms),
    rank: Math.round(r.rank * 1000) / 1000,
  }));
  return { hits, totalCount: count, endCursor: found.length > first ? Buffer.from(JSON.stringify({ offset: first })).toString('base64url') : null };
}

/** A passage of `text` around the first term found, HTML-escaped, every term found in it wrapped in <mark>. */
function snippet(text: string, terms: readonly string[]): string {
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

export const knowledgeResolvers = {
  CaseStudy: {
    /** The published versions (anyone who is not an author or reviewer: the measured request is anonymous). */
    versions: async (caseStudy: CaseStudyRow, _: unknown, ctx: BareContext) => {
      if (ctx.user) throw new Error('The baseline serves case studies to anonymous readers only.');
      const all = await loader<string, Array<Record<string, unknown>>>(ctx, 'knowledge.versionsByCaseStudy', async (ids) => {
        const found = (
          await rows(ctx, `SELECT ${columns('CaseStudyVersion', VERSION_FIELDS)} FROM "case_study_version" "CaseStudyVersion" WHERE (("CaseStudyVersion"."case_study_id" IN (${placeholders(ids.length)}))) ORDER BY "CaseStudyVersion"."language" ASC`, [...ids])
        ).map((r) => entity<Record<string, unknown>>(r, 'CaseStudyVersion', VERSION_FIELDS));
        return ids.map((id) => found.filter((v) => v.caseStudyId === id));
      }).load(caseStudy.id);
      return all.filter((v) => v.status === 'PUBLISHED');
    },
  },
};
