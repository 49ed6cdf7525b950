import { CaseStudyPrompt, Milestone, Project, ProjectBudget, ProjectStageChange } from './entities/project.entity';
export * from './entities/project.entity';
export * from './emails/projects.emails';
export * from './projects.service';
export * from './projects.module';
export const PROJECTS_ENTITIES = [Project, ProjectBudget, ProjectStageChange, Milestone, CaseStudyPrompt];
export * from './project-sql';
export * from './project-sql';
