import type { Fixture, ListCase } from './lists';

/** Case studies: the published ones, an author's own with their revisions, and a search. */

const CASE_STUDY = 'id slug versions { language status title } lessons { en } successFactors { en } partners { name { en } organisationId }';

export async function setup(f: Fixture): Promise<void> {
  // The report's case studies name no partner organisation: each gets two (as an author's edit would give it).
  await f.app.dataSource.query(
    `UPDATE case_study SET partners = jsonb_build_array(
       jsonb_build_object('name', jsonb_build_object('en', 'Liverpool City Council', 'ko', '리버풀 시의회'), 'organisationId', NULL),
       jsonb_build_object('name', jsonb_build_object('en', 'Busan Metropolitan City', 'ko', '부산광역시'), 'organisationId', NULL))`,
  );
}

export const cases: ListCase[] = [
  {
    name: 'the published case studies, for anyone',
    query: `query($n: Int!) { caseStudies(first: $n) { totalCount nodes { ${CASE_STUDY} } } }`,
    sizes: () => [{ n: 1 }, { n: 3 }],
  },
  {
    name: 'the case studies an admin wrote, with their revisions',
    as: 'admin',
    query: `query($n: Int!) { myCaseStudies(first: $n) { totalCount nodes { ${CASE_STUDY} revisions(language: "en") { id revision status } } } }`,
    sizes: () => [{ n: 1 }, { n: 3 }],
  },
  {
    name: 'a search of the case studies, for anyone',
    query: `query($n: Int!) { searchCaseStudies(query: "city", first: $n) { totalCount hits { title language caseStudy { ${CASE_STUDY} } } } }`,
    sizes: () => [{ n: 1 }, { n: 3 }],
  },
];
