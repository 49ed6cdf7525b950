import { CaseStudyRevision } from './entities/case-study-revision.entity';
import { CaseStudyVersion } from './entities/case-study-version.entity';
import { CaseStudy } from './entities/case-study.entity';
import { KNOWLEDGE_EMAIL_TEMPLATES_LIST } from './emails/knowledge.emails';
export { CASE_STUDIES_OPEN_DATASET } from './case-studies-open-data';
export { KnowledgeModule } from './knowledge.module';
export { seedCaseStudies } from './seed/seed-case-studies';
export const KNOWLEDGE_ENTITIES = [CaseStudy, CaseStudyVersion, CaseStudyRevision];
export const KNOWLEDGE_EMAIL_TEMPLATES = KNOWLEDGE_EMAIL_TEMPLATES_LIST;
