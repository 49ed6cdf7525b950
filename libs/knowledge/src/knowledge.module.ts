import { Module } from '@nestjs/common';
import { TwinningModule } from '@app/twinning';
import { CaseStudiesResolver } from './case-studies.resolver';
import { CaseStudiesService } from './case-studies.service';
import { CaseStudySearch } from './case-study-search';
import { CaseStudyVersionResolver } from './case-study-version.resolver';
import { CaseStudyFeedController, OpenDataController, OpenDataService } from './open-data';

/** Case studies in English and Korean, their search, open data and feeds. */
@Module({
  imports: [TwinningModule],
  controllers: [OpenDataController, CaseStudyFeedController],
  providers: [CaseStudiesService, CaseStudySearch, OpenDataService, CaseStudiesResolver, CaseStudyVersionResolver],
  exports: [CaseStudiesService],
})
export class KnowledgeModule {}
