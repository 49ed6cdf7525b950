import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CaseStudyPrompt } from './entities/case-study-prompt.entity';
import { Project } from './entities/project.entity';
import { projectsById } from './project-reads';

/**
 * What other contexts ask of projects without running them (case studies
 * written from a project): the projects themselves, and the answer to a
 * project's request for a case study. No access rule is applied here: the
 * caller decides what it may show.
 */
@Injectable()
export class ProjectDirectoryService {
  constructor(private readonly dataSource: DataSource) {}

  /** The projects in the order of `ids`, undefined where there is none: one statement. */
  getMany(ids: readonly string[], em: EntityManager = this.dataSource.manager): Promise<Array<Project | undefined>> {
    return projectsById(em, ids);
  }

  /** Notes that the case study `caseStudyId` answers the project's request for one (a project never asked is left as it is). */
  async answerCaseStudyPrompt(projectId: string, caseStudyId: string, em: EntityManager = this.dataSource.manager): Promise<void> {
    await em.update(CaseStudyPrompt, { projectId }, { caseStudyId });
  }
}
