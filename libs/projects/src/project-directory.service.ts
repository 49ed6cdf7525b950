import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { isUuid } from '@app/core';
import { CaseStudyPrompt } from './entities/case-study-prompt.entity';
import { Project } from './entities/project.entity';

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
  async getMany(ids: readonly string[], em: EntityManager = this.dataSource.manager): Promise<Array<Project | undefined>> {
    const known = [...new Set(ids.filter(isUuid))];
    const found = known.length ? await em.findBy(Project, { id: In(known) }) : [];
    return ids.map((id) => found.find((p) => p.id === id));
  }

  /** Notes that the case study `caseStudyId` answers the project's request for one (a project never asked is left as it is). */
  async answerCaseStudyPrompt(projectId: string, caseStudyId: string, em: EntityManager = this.dataSource.manager): Promise<void> {
    await em.update(CaseStudyPrompt, { projectId }, { caseStudyId });
  }
}
