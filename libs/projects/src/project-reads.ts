import { EntityManager } from 'typeorm';
import { isUuid } from '@app/core';
import { Project } from './entities/project.entity';

/** The project, or null when there is none (the caller checks who may see it). */
export function projectById(em: EntityManager, id: string): Promise<Project | null> {
  return isUuid(id) ? em.findOneBy(Project, { id }) : Promise.resolve(null);
}
