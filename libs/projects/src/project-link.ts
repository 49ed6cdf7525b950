import { City } from '@app/cities';
import { jointProjectLinkTerms, type PlatformEvent, type PlatformLinkInput, platformSource } from '@app/pairing';
import { fillKorean } from '@app/rules';
import { Twinning } from '@app/twinning';
import { Project } from './entities/project.entity';

/*
 * A joint project as pairing evidence: one link per project (project:<id>)
 * between the two cities of its workspace's twinning, written by
 * ProjectsService when a project is created, closed or reopened, in that
 * transaction. Every project belongs to a twin workspace, so the two cities
 * are always known. One link per project, rather than one per pair counting
 * the projects, because each project's row is locked while it changes: two
 * projects of one workspace changing at once never write the same link.
 *
 * Open (closedAt null) is live, whatever the stage: discovery to business as
 * usual all are formal work between the two cities' institutions, with a
 * lead in each city. Closed is history; closing is also how a project is
 * abandoned (projects have no cancelled state), and reopening makes the link
 * live again. The stage alone never changes the link, nor the twinning's
 * status: a project still open when its twinning is closed still links the
 * two cities' institutions until it is closed itself.
 *
 * Anyone can read a link while project titles are for the workspace's
 * members, so the link names neither the project nor its content. The
 * migration PlatformLinks writes the same words for projects made before
 * these links existed (migrations/1796624457908-PlatformLinks.ts): change
 * both together.
 */

/** The link a project makes after a change at `at` by `actorUserId`; `reopened` when the change reopened it. */
export function projectLink(
  project: Pick<Project, 'id' | 'closedAt' | 'createdAt'>,
  twinning: Pick<Twinning, 'cityAId' | 'cityBId'>,
  [cityA, cityB]: [City, City],
  at: Date,
  actorUserId: string,
  reopened = false,
): PlatformLinkInput {
  const open = !project.closedAt;
  const day = (open ? at : project.closedAt!).toISOString().slice(0, 10);
  const event: PlatformEvent = !open ? 'joint project closed' : reopened ? 'joint project reopened' : 'joint project started';
  const names = { a: cityA.nameKo, b: cityB.nameKo };
  return {
    ref: `project:${project.id}`,
    cityAId: twinning.cityAId,
    cityBId: twinning.cityBId,
    kind: 'joint-project',
    ...jointProjectLinkTerms(open),
    // The year the project was set up on the platform (its planned start may still be ahead).
    since: (project.createdAt ?? at).getUTCFullYear(),
    summary: open
      ? {
          en: `A joint project of ${cityA.nameEn} and ${cityB.nameEn} in their twin workspace on the Innovation Twins platform.`,
          ko: fillKorean('이노베이션 트윈스 플랫폼의 공동 워크스페이스에서 {a|와/과} {b|이/가} 함께하는 공동 프로젝트입니다.', names),
        }
      : {
          en: `A joint project of ${cityA.nameEn} and ${cityB.nameEn} in their twin workspace on the Innovation Twins platform; it is closed.`,
          ko: fillKorean('이노베이션 트윈스 플랫폼의 공동 워크스페이스에서 {a|와/과} {b|이/가} 함께한 공동 프로젝트로, 지금은 종료되었습니다.', names),
        },
    source: platformSource(event, day),
    asOf: day,
    actorUserId,
  };
}
