import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EntityManager, In } from 'typeorm';
import { countryCodesOfCities } from '@app/cities';
import { CaseStudyRevision } from '../entities/case-study-revision.entity';
import { CaseStudyStatus, CaseStudyVersion } from '../entities/case-study-version.entity';
import { CaseStudy } from '../entities/case-study.entity';

interface SeedCaseStudy {
  slug: string;
  title: { en: string; ko: string };
  cities: string[];
  sectors: string[];
  summary: { en: string; ko: string };
  successFactors: string[];
  lessons: string[];
  sdgs: number[];
}

/**
 * The report's example case studies (data/case-studies.json), published in
 * English and Korean under `authorUserId`. The bodies are made from the
 * summaries, success factors and lessons (in English; the Korean body says so).
 * Existing slugs are left as they are.
 */
export async function seedCaseStudies(em: EntityManager, dataDir: string, authorUserId: string | null, now: Date): Promise<number> {
  const { caseStudies } = JSON.parse(readFileSync(join(dataDir, 'case-studies.json'), 'utf8')) as { caseStudies: SeedCaseStudy[] };
  const existing = new Set((await em.findBy(CaseStudy, { slug: In(caseStudies.map((c) => c.slug)) })).map((c) => c.slug));
  let added = 0;
  for (const seed of caseStudies.filter((c) => !existing.has(c.slug))) {
    const countryCodes = (await countryCodesOfCities(em, seed.cities)).filter((code): code is string => !!code);
    const caseStudy = await em.save(
      em.create(CaseStudy, {
        slug: seed.slug,
        workspaceId: null,
        projectIds: [],
        cityIds: seed.cities,
        countryCodes: [...new Set(countryCodes)].sort(),
        sectors: seed.sectors,
        sdgs: seed.sdgs,
        partners: [],
        successFactors: seed.successFactors.map((en) => ({ en, ko: null })),
        lessons: seed.lessons.map((en) => ({ en, ko: null })),
        authorUserIds: authorUserId ? [authorUserId] : [],
        createdByUserId: authorUserId,
        version: 1,
      }),
    );
    const list = (items: string[]) => items.map((i) => `- ${i}`).join('\n');
    const bodies = {
      en: `${seed.summary.en}\n\n## What made it work\n\n${list(seed.successFactors)}\n\n## Lessons\n\n${list(seed.lessons)}\n`,
      ko: `${seed.summary.ko}\n\n## 성공 요인 (영어 원문)\n\n${list(seed.successFactors)}\n\n## 교훈 (영어 원문)\n\n${list(seed.lessons)}\n`,
    };
    for (const language of ['en', 'ko'] as const) {
      const version = { caseStudyId: caseStudy.id, language, title: seed.title[language], summary: seed.summary[language], body: bodies[language], revision: 1 };
      await em.insert(CaseStudyVersion, { ...version, status: CaseStudyStatus.PUBLISHED, needsTranslationCheck: false, reviewNote: null, publishedAt: now });
      await em.insert(CaseStudyRevision, { ...version, status: CaseStudyStatus.PUBLISHED, editedByUserId: authorUserId, editedAt: now });
    }
    added++;
  }
  return added;
}
