import { Module } from '@nestjs/common';
import { CitiesModule } from '@app/cities';
import { IdentityModule } from '@app/identity';
import { PairingEvidenceModule } from '@app/pairing';
import { ProjectsModule } from '@app/projects';
import { TwinningModule } from '@app/twinning';
import { CaseStudiesResolver } from './case-studies.resolver';
import { CaseStudiesService } from './case-studies.service';
import { CaseStudySearch } from './case-study-search';
import { CaseStudyVersionResolver } from './case-study-version.resolver';
import { CaseStudyFeedController } from './case-study-feed.controller';

/** Case studies in English and Korean, their search and feed (their open data is CASE_STUDIES_OPEN_DATASET). */
@Module({
  imports: [CitiesModule, IdentityModule, PairingEvidenceModule, ProjectsModule, TwinningModule],
  controllers: [CaseStudyFeedController],
  providers: [CaseStudiesService, CaseStudySearch, CaseStudiesResolver, CaseStudyVersionResolver],
  exports: [CaseStudiesService],
})
export class KnowledgeModule {}
