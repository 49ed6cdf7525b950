import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Bilingual, Clock, Connection, PageArgs, pageOfOwner, RequestContext } from '@app/core';
import { Workspace } from '../entities/workspace.entity';
import { ActivityObjectType, ActivityVerb, WorkspaceActivity } from './workspace-activity.entity';

/** Entries about invitations and join requests: like those lists, only leads and admins see them. */
export const LEAD_ONLY_OBJECT_TYPES = [ActivityObjectType.INVITATION, ActivityObjectType.JOIN_REQUEST];

/** Who acted: a signed-in person (their name and zone are kept with the entry). */
export interface Actor {
  id: string;
  displayName: string;
  timeZone: string;
}

export interface RecordActivity {
  workspaceId: string;
  actor: Actor;
  verb: ActivityVerb;
  objectType: ActivityObjectType;
  objectId: string;
  objectLabel?: Partial<Bilingual> | null;
  details?: Record<string, unknown>;
}

/**
 * The workspace activity feed. Every change in a workspace calls `record`
 * inside its own transaction, so the feed holds exactly what committed; it
 * also moves the workspace's last-activity time.
 */
@Injectable()
export class ActivityService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async record(em: EntityManager, entry: RecordActivity): Promise<void> {
    const at = this.clock.now();
    await em.insert(WorkspaceActivity, {
      workspaceId: entry.workspaceId,
      actorUserId: entry.actor.id,
      actorName: entry.actor.displayName,
      verb: entry.verb,
      objectType: entry.objectType,
      objectId: entry.objectId,
      objectLabel: entry.objectLabel ? { en: entry.objectLabel.en ?? null, ko: entry.objectLabel.ko ?? null } : null,
      details: (entry.details ?? {}) as never,
      at,
      timeZone: entry.actor.timeZone,
    });
    await em.update(Workspace, { id: entry.workspaceId }, { lastActivityAt: at });
  }

  /** Newest first, for every workspace of the request at once. The caller has checked the reader may see the workspace. */
  list(
    ctx: RequestContext,
    workspaceId: string,
    page: PageArgs,
    filter: { objectType?: ActivityObjectType; objectId?: string } = {},
    leadView = false,
  ): Promise<Connection<WorkspaceActivity>> {
    return pageOfOwner(ctx, {
      key: 'twinning.activity',
      filter: { objectType: filter.objectType, objectId: filter.objectId, leadView },
      rows: (workspaceIds) => {
        const query = this.dataSource.getRepository(WorkspaceActivity).createQueryBuilder('a').where('a.workspace_id IN (:...workspaceIds)', { workspaceIds });
        if (!leadView) query.andWhere('a.object_type NOT IN (:...leadOnly)', { leadOnly: LEAD_ONLY_OBJECT_TYPES });
        if (filter.objectType) query.andWhere('a.object_type = :objectType', { objectType: filter.objectType });
        if (filter.objectId) query.andWhere('a.object_id = :objectId', { objectId: filter.objectId });
        return query;
      },
      owner: { expression: 'a.workspace_id', of: (a) => a.workspaceId },
      sort: { expression: 'a.at', direction: 'DESC', valueOf: (a) => a.at.toISOString(), cast: 'timestamptz', notNull: true },
    }, workspaceId, page);
  }

  /** Entries in (after, until], oldest first, for a digest. */
  between(em: EntityManager, workspaceId: string, after: Date, until: Date, limit: number, leadView: boolean): Promise<[WorkspaceActivity[], number]> {
    const query = em
      .getRepository(WorkspaceActivity)
      .createQueryBuilder('a')
      .where('a.workspace_id = :workspaceId AND a.at > :after AND a.at <= :until', { workspaceId, after, until });
    if (!leadView) query.andWhere('a.object_type NOT IN (:...leadOnly)', { leadOnly: LEAD_ONLY_OBJECT_TYPES });
    return query
      .orderBy('a.at', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .take(limit)
      .getManyAndCount();
  }
}
