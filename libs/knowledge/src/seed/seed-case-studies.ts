import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EntityManager, In } from 'typeorm';
import { countryCodesOfCities } from '@app/cities';
import { CaseStudyRevision } from '../entities/case-study-revision.entity';
import { CaseStudyStatus, CaseStudyVersion } from '../entities/case-study-version.entity';
import { CaseStudy } from '../entities/case-study.entity';

type InBoth = { en: string; ko: string };

interface SeedCaseStudy {
  slug: string;
  title: InBoth;
  cities: string[];
  sectors: string[];
  summary: InBoth;
  successFactors: InBoth[];
  lessons: InBoth[];
  sdgs: number[];
}

/**
 * The report's example case studies (data/case-studies.json), published in
 * English and Korean under `authorUserId`. Each language's body is made from
 * its summary, success factors and lessons. Existing slugs are left as they
 * are (migrations/1796658353910-SeededCaseStudiesInKorean.ts wrote the Korean
 * lists into the versions seeded before they existed).
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
        successFactors: seed.successFactors,
        lessons: seed.lessons,
        authorUserIds: authorUserId ? [authorUserId] : [],
        createdByUserId: authorUserId,
        version: 1,
      }),
    );
    const list = (items: InBoth[], language: keyof InBoth) => items.map((i) => `- ${i[language]}`).join('\n');
    const bodies = {
      en: `${seed.summary.en}\n\n## What made it work\n\n${list(seed.successFactors, 'en')}\n\n## Lessons\n\n${list(seed.lessons, 'en')}\n`,
      ko: `${seed.summary.ko}\n\n## 성공 요인\n\n${list(seed.successFactors, 'ko')}\n\n## 교훈\n\n${list(seed.lessons, 'ko')}\n`,
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
