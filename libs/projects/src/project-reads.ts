import { EntityManager, In } from 'typeorm';
import { inOrderOf, uuidsAmong } from '@app/core';
import { Project } from './entities/project.entity';

/** The projects in the order of `ids`, undefined where there is none: one statement (the caller checks who may see them). */
export async function projectsById(em: EntityManager, ids: readonly string[]): Promise<Array<Project | undefined>> {
  const wanted = uuidsAmong(ids);
  return inOrderOf(ids, wanted.length ? await em.findBy(Project, { id: In(wanted) }) : [], (p) => p.id);
}

/** The project, or null when there is none (the caller checks who may see it). */
export async function projectById(em: EntityManager, id: string): Promise<Project | null> {
  return (await projectsById(em, [id]))[0] ?? null;
}
