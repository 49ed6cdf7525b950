import { Module } from '@nestjs/common';
import { CitiesModule } from '@app/cities';
import { PairingModule } from '@app/pairing';
import { TwinningModule } from '@app/twinning';
import { ProjectsLoaders } from './projects.loaders';
import { MilestonesResolver } from './milestones.resolver';
import { MilestonesService } from './milestones.service';
import { ProjectBudgetResolver } from './project-budget.resolver';
import { ProjectStageChangeResolver } from './project-stage-change.resolver';
import { ProjectsResolver } from './projects.resolver';
import { ProjectsService } from './projects.service';
import { ProjectDirectoryService } from './project-directory.service';
import { PublishedProjectsResolver } from './published-projects.resolver';
import { WorkspaceHealthProjectsResolver } from './workspace-health-projects.resolver';
import { WorkspaceProjectsResolver } from './workspace-projects.resolver';

/** Joint projects of twin workspaces: milestones, stages, budgets, published summaries. */
@Module({
  imports: [CitiesModule, PairingModule, TwinningModule],
  providers: [
    ProjectsService,
    MilestonesService,
    ProjectsLoaders,
    ProjectsResolver,
    ProjectBudgetResolver,
    MilestonesResolver,
    ProjectStageChangeResolver,
    WorkspaceProjectsResolver,
    WorkspaceHealthProjectsResolver,
    PublishedProjectsResolver,
    ProjectDirectoryService,
  ],
  exports: [ProjectsService, ProjectDirectoryService],
})
export class ProjectsModule {}
