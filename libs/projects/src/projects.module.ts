import { Module } from '@nestjs/common';
import { CitiesModule } from '@app/cities';
import { TwinningModule } from '@app/twinning';
import { ProjectsLoaders } from './projects.loaders';
import {
  MilestonesResolver,
  ProjectBudgetResolver,
  ProjectsResolver,
  ProjectStageChangeResolver,
  PublishedProjectsResolver,
  WorkspaceHealthProjectsResolver,
  WorkspaceProjectsResolver,
} from './projects.resolver';
import { ProjectsService } from './projects.service';

/** Joint projects of twin workspaces: milestones, stages, budgets, published summaries. */
@Module({
  imports: [CitiesModule, TwinningModule],
  providers: [
    ProjectsService,
    ProjectsLoaders,
    ProjectsResolver,
    ProjectBudgetResolver,
    MilestonesResolver,
    ProjectStageChangeResolver,
    WorkspaceProjectsResolver,
    WorkspaceHealthProjectsResolver,
    PublishedProjectsResolver,
  ],
  exports: [ProjectsService],
})
export class ProjectsModule {}
