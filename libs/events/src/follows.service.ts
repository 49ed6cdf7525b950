import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AppConfig, AuthUser, BadInputError, Bilingual, Clock, isUuid, NotFoundError, words } from '@app/core';
import { linkPageUrl, recipientsOf } from '@app/identity';
import { OutboxService } from '@app/notifications';
import { SectorsService } from '@app/pairing';
import { WorkspaceDirectoryService } from '@app/twinning';
import type { EventFollowInput } from './dto/events.inputs';
import { EventFollowing } from './dto/events.outputs';
import { EventsEmail } from './emails/events.emails';
import { EventFollow, EventFollowScope } from './entities/event-follow.entity';
import { ProgrammeEvent } from './entities/programme-event.entity';
import { eventEmailData } from './event-access';
import { registrationWindow } from './event-rules';
import { signToken, verifyToken } from './signed-token';

const UNSUBSCRIBE = 'event-unsubscribe';

type FollowKey = { sectorKey: string | null; workspaceId: string | null };

const whereKey = (userId: string, scope: EventFollowScope, key: FollowKey) => ({
  userId,
  scope,
  sectorKey: key.sectorKey ?? IsNull(),
  workspaceId: key.workspaceId ?? IsNull(),
});

/** Why one person receives an event's announcement. */
interface Reasons {
  programme: boolean;
  sectors: Set<string>;
  workspace: boolean;
}

/**
 * Who hears about new events. A person follows the PROGRAMME, a SECTOR or a
 * twin WORKSPACE (followers of a workspace's digest follow its events too,
 * until they stop them). Publishing an event emails each follower once, in
 * their language and zone, with a link that stops such announcements without
 * signing in.
 */
@Injectable()
export class FollowsService {
  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly outbox: OutboxService,
    private readonly sectors: SectorsService,
    private readonly workspaces: WorkspaceDirectoryService,
  ) {}

  async follow(user: AuthUser, input: EventFollowInput): Promise<EventFollowing> {
    return this.dataSource.transaction(async (em) => {
      const key = await this.checkKey(em, input);
      const existing = await em.findOne(EventFollow, { where: whereKey(user.id, input.scope, key), lock: { mode: 'pessimistic_write' } });
      if (existing) {
        if (existing.unsubscribedAt) await em.update(EventFollow, { id: existing.id }, { unsubscribedAt: null });
      } else {
        await em.createQueryBuilder().insert().into(EventFollow).values({ userId: user.id, scope: input.scope, ...key, unsubscribedAt: null }).orIgnore().execute();
      }
      const row = await em.findOneByOrFail(EventFollow, whereKey(user.id, input.scope, key));
      return { scope: row.scope, sector: row.sectorKey, workspaceId: row.workspaceId, viaWorkspaceDigest: false, since: row.updatedAt };
    });
  }

  /**
   * Stops one follow's announcements; true when something was followed. For a
   * workspace followed through its digest, the digest stays and only its event
   * announcements stop (a row remembers the "no").
   */
  async unfollow(user: AuthUser, input: EventFollowInput): Promise<boolean> {
    return this.dataSource.transaction(async (em) => {
      const key = await this.checkKey(em, input);
      const now = this.clock.now();
      const existing = await em.findOne(EventFollow, { where: whereKey(user.id, input.scope, key), lock: { mode: 'pessimistic_write' } });
      if (existing) {
        if (existing.unsubscribedAt) return false;
        await em.update(EventFollow, { id: existing.id }, { unsubscribedAt: now });
        return true;
      }
      if (input.scope !== EventFollowScope.WORKSPACE || !(await this.workspaces.followsDigest(user.id, key.workspaceId!, em))) return false;
      await em.createQueryBuilder().insert().into(EventFollow).values({ userId: user.id, scope: input.scope, ...key, unsubscribedAt: now }).orIgnore().execute();
      return true;
    });
  }

  /** What reaches the person: their follows, and the workspaces whose digest they follow (unless they stopped those events). */
  async mine(user: AuthUser): Promise<EventFollowing[]> {
    const own = await this.dataSource.getRepository(EventFollow).find({ where: { userId: user.id } });
    const explicit = own.filter((f) => !f.unsubscribedAt);
    // A workspace with a row of its own (followed, or its events stopped) is not followed through its digest.
    const decided = new Set(own.filter((f) => f.scope === EventFollowScope.WORKSPACE).map((f) => f.workspaceId));
    const digests = (await this.workspaces.digestFollowsOf(user.id)).filter((d) => !decided.has(d.workspaceId));
    const order = [EventFollowScope.PROGRAMME, EventFollowScope.SECTOR, EventFollowScope.WORKSPACE];
    return [
      ...explicit.map((f) => ({ scope: f.scope, sector: f.sectorKey, workspaceId: f.workspaceId, viaWorkspaceDigest: false, since: f.updatedAt })),
      ...digests.map((d) => ({ scope: EventFollowScope.WORKSPACE, sector: null, workspaceId: d.workspaceId, viaWorkspaceDigest: true, since: d.since })),
    ].sort((a, b) => order.indexOf(a.scope) - order.indexOf(b.scope) || (a.sector ?? a.workspaceId ?? '').localeCompare(b.sector ?? b.workspaceId ?? ''));
  }

  // ---------- announcements ----------

  /**
   * Emails everyone who follows the event's workspace, one of its sectors or
   * the programme, once each (idempotent per event and person), in the
   * caller's transaction. Returns how many were written.
   */
  async announce(em: EntityManager, event: ProgrammeEvent): Promise<number> {
    const reasons = await this.followersOf(em, event);
    if (!reasons.size) return 0;
    const recipients = await recipientsOf(em, [...reasons.keys()]);
    const sectorNames = new Map((await this.sectors.getMany(event.sectors, em)).flatMap((s) => (s ? [[s.key, { en: s.nameEn, ko: s.nameKo } as Bilingual] as const] : [])));
    const pair = event.workspaceId ? ((await this.workspaces.pairNamesOf([event.workspaceId], em))[0]?.name ?? null) : null;
    const { closesAt } = registrationWindow(event);
    let written = 0;
    for (const [userId, why] of reasons) {
      const to = recipients.get(userId);
      if (!to) continue;
      await this.outbox.enqueueEmail(em, {
        template: EventsEmail.ANNOUNCEMENT,
        idempotencyKey: `event-announcement:${event.id}:${userId}`,
        to,
        data: {
          ...eventEmailData(this.config, event, false),
          description: { en: event.descriptionEn, ko: event.descriptionKo },
          reasons: {
            programme: why.programme,
            sectors: [...why.sectors].map((key) => sectorNames.get(key) ?? { en: key, ko: key }),
            workspace: why.workspace ? pair : null,
          },
          capacity: event.capacity,
          registrationOpensAt: event.registrationOpensAt?.toISOString() ?? null,
          registrationClosesAt: closesAt.toISOString(),
          unsubscribeUrl: this.unsubscribeUrl(userId, event.id),
          unsubscribePageUrl: linkPageUrl(this.config, 'stopEventAnnouncements', this.unsubscribeToken(userId, event.id), to.language),
        },
      });
      written++;
    }
    return written;
  }

  /** Each follower of the event and why, deduplicated by person. */
  private async followersOf(em: EntityManager, event: ProgrammeEvent): Promise<Map<string, Reasons>> {
    // The live follows that reach this event, and who stopped its workspace's events (they get none through its digest).
    const rows: Array<{ user_id: string; scope: EventFollowScope; sector_key: string | null; stopped: boolean }> = await em.query(
      `SELECT user_id, scope, sector_key, unsubscribed_at IS NOT NULL AS stopped FROM event_follow
        WHERE (unsubscribed_at IS NULL
               AND (scope = 'PROGRAMME' OR (scope = 'SECTOR' AND sector_key = ANY($1::text[])) OR (scope = 'WORKSPACE' AND workspace_id = $2)))
           OR (unsubscribed_at IS NOT NULL AND scope = 'WORKSPACE' AND workspace_id = $2)`,
      [event.sectors, event.workspaceId],
    );
    const explicit = rows.filter((r) => !r.stopped);
    const stopped = new Set(rows.filter((r) => r.stopped).map((r) => r.user_id));
    const viaDigest = event.workspaceId ? (await this.workspaces.digestFollowersOf(event.workspaceId, em)).filter((f) => !stopped.has(f.userId)) : [];
    const reasons = new Map<string, Reasons>();
    const of = (userId: string) => {
      let r = reasons.get(userId);
      if (!r) reasons.set(userId, (r = { programme: false, sectors: new Set(), workspace: false }));
      return r;
    };
    for (const row of explicit) {
      if (row.scope === EventFollowScope.PROGRAMME) of(row.user_id).programme = true;
      else if (row.scope === EventFollowScope.SECTOR) of(row.user_id).sectors.add(row.sector_key!);
      else of(row.user_id).workspace = true;
    }
    for (const follower of viaDigest) of(follower.userId).workspace = true;
    return reasons;
  }

  // ---------- unsubscribe links ----------

  unsubscribeToken(userId: string, eventId: string): string {
    return signToken(this.config.JWT_SECRET, UNSUBSCRIBE, `${userId}:${eventId}`);
  }

  /** Where mail clients' one-click unsubscribe posts (List-Unsubscribe); the email's own link opens the web app's page. */
  unsubscribeUrl(userId: string, eventId: string): string {
    return `${this.config.PUBLIC_URL}/events/unsubscribe?token=${encodeURIComponent(this.unsubscribeToken(userId, eventId))}`;
  }

  /**
   * Stops every follow through which the announcement of the token's event
   * reached its person: the programme, the event's sectors, its workspace
   * (a digest follower keeps the digest). True for a valid link, also when
   * used before; false for a link that was never valid.
   */
  async unsubscribe(token: string): Promise<boolean> {
    const payload = verifyToken(this.config.JWT_SECRET, UNSUBSCRIBE, token);
    const [userId, eventId] = payload?.split(':') ?? [];
    if (!userId || !eventId || !isUuid(userId) || !isUuid(eventId)) return false;
    await this.dataSource.transaction(async (em) => {
      const event = await em.findOneBy(ProgrammeEvent, { id: eventId });
      if (!event) return;
      const now = this.clock.now();
      await em.query(
        `UPDATE event_follow SET unsubscribed_at = $2, updated_at = now()
          WHERE user_id = $1 AND unsubscribed_at IS NULL
            AND (scope = 'PROGRAMME' OR (scope = 'SECTOR' AND sector_key = ANY($3::text[])) OR (scope = 'WORKSPACE' AND workspace_id = $4))`,
        [userId, now, event.sectors, event.workspaceId],
      );
      if (event.workspaceId && (await this.workspaces.followsDigest(userId, event.workspaceId, em))) {
        await em.createQueryBuilder().insert().into(EventFollow).values({ userId, scope: EventFollowScope.WORKSPACE, workspaceId: event.workspaceId, sectorKey: null, unsubscribedAt: now }).orIgnore().execute();
      }
    });
    return true;
  }

  // ---------- helpers ----------

  /** The follow's key, checked: a known sector for SECTOR, an existing workspace for WORKSPACE, nothing for PROGRAMME. */
  private async checkKey(em: EntityManager, input: EventFollowInput): Promise<FollowKey> {
    switch (input.scope) {
      case EventFollowScope.PROGRAMME:
        if (input.sector || input.workspaceId) {
          throw BadInputError.field(
            input.sector ? 'sector' : 'workspaceId',
            words('must be left out when following the whole programme.', '프로그램 전체를 구독할 때는 비워 두어야 합니다.'),
          );
        }
        return { sectorKey: null, workspaceId: null };
      case EventFollowScope.SECTOR:
        if (input.workspaceId) throw BadInputError.field('workspaceId', words('must be left out when following a sector.', '분야를 구독할 때는 비워 두어야 합니다.'));
        if (!input.sector) throw BadInputError.field('sector', words('is needed to follow a sector, e.g. hydrogen.', '구독할 분야를 넣어 주세요(예: hydrogen).'));
        if (!(await this.sectors.getMany([input.sector], em))[0]) {
          throw BadInputError.field(
            'sector',
            words(`has no sector "${input.sector}": use a key from the sectors query, e.g. hydrogen.`, `"${input.sector}" 분야는 없습니다. sectors 쿼리에 있는 키를 써 주세요(예: hydrogen).`),
          );
        }
        return { sectorKey: input.sector, workspaceId: null };
      case EventFollowScope.WORKSPACE:
        if (input.sector) throw BadInputError.field('sector', words('must be left out when following a workspace.', '워크스페이스를 구독할 때는 비워 두어야 합니다.'));
        if (!input.workspaceId) throw BadInputError.field('workspaceId', words('is needed to follow a workspace’s events.', '행사 소식을 구독할 워크스페이스를 넣어 주세요.'));
        if (!(await this.workspaces.getMany([input.workspaceId], em))[0]) throw new NotFoundError('workspace', input.workspaceId);
        return { sectorKey: null, workspaceId: input.workspaceId };
    }
  }
}
