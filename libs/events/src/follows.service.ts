import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { AppConfig, AuthUser, BadInputError, Bilingual, Clock, isUuid, NotFoundError } from '@app/core';
import { recipientsOf } from '@app/identity';
import { OutboxService } from '@app/notifications';
import { Sector } from '@app/pairing';
import { citiesOfTwinning, cityNames, Twinning, Workspace } from '@app/twinning';
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
      if (input.scope !== EventFollowScope.WORKSPACE || !(await this.followsDigest(em, user.id, key.workspaceId!))) return false;
      await em.createQueryBuilder().insert().into(EventFollow).values({ userId: user.id, scope: input.scope, ...key, unsubscribedAt: now }).orIgnore().execute();
      return true;
    });
  }

  /** What reaches the person: their follows, and the workspaces whose digest they follow (unless they stopped those events). */
  async mine(user: AuthUser): Promise<EventFollowing[]> {
    const explicit = await this.dataSource.getRepository(EventFollow).find({ where: { userId: user.id, unsubscribedAt: IsNull() } });
    const digests: Array<{ workspace_id: string; created_at: Date }> = await this.dataSource.query(
      `SELECT wf.workspace_id, wf.created_at FROM workspace_follow wf
         JOIN workspace_member m ON m.workspace_id = wf.workspace_id AND m.user_id = wf.user_id
        WHERE wf.user_id = $1
          AND NOT EXISTS (SELECT 1 FROM event_follow f WHERE f.user_id = wf.user_id AND f.scope = 'WORKSPACE' AND f.workspace_id = wf.workspace_id)`,
      [user.id],
    );
    const order = [EventFollowScope.PROGRAMME, EventFollowScope.SECTOR, EventFollowScope.WORKSPACE];
    return [
      ...explicit.map((f) => ({ scope: f.scope, sector: f.sectorKey, workspaceId: f.workspaceId, viaWorkspaceDigest: false, since: f.updatedAt })),
      ...digests.map((d) => ({ scope: EventFollowScope.WORKSPACE, sector: null, workspaceId: d.workspace_id, viaWorkspaceDigest: true, since: d.created_at })),
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
    const sectorNames = new Map((event.sectors.length ? await em.findBy(Sector, { key: In(event.sectors) }) : []).map((s) => [s.key, { en: s.nameEn, ko: s.nameKo } as Bilingual]));
    const pair = event.workspaceId ? await this.pairName(em, event.workspaceId) : null;
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
        },
      });
      written++;
    }
    return written;
  }

  /** Each follower of the event and why, deduplicated by person. */
  private async followersOf(em: EntityManager, event: ProgrammeEvent): Promise<Map<string, Reasons>> {
    const explicit: Array<{ user_id: string; scope: EventFollowScope; sector_key: string | null }> = await em.query(
      `SELECT user_id, scope, sector_key FROM event_follow
        WHERE unsubscribed_at IS NULL
          AND (scope = 'PROGRAMME' OR (scope = 'SECTOR' AND sector_key = ANY($1::text[])) OR (scope = 'WORKSPACE' AND workspace_id = $2))`,
      [event.sectors, event.workspaceId],
    );
    const viaDigest: Array<{ user_id: string }> = event.workspaceId
      ? await em.query(
          `SELECT wf.user_id FROM workspace_follow wf
             JOIN workspace_member m ON m.workspace_id = wf.workspace_id AND m.user_id = wf.user_id
            WHERE wf.workspace_id = $1
              AND NOT EXISTS (SELECT 1 FROM event_follow f WHERE f.user_id = wf.user_id AND f.scope = 'WORKSPACE' AND f.workspace_id = $1 AND f.unsubscribed_at IS NOT NULL)`,
          [event.workspaceId],
        )
      : [];
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
    for (const row of viaDigest) of(row.user_id).workspace = true;
    return reasons;
  }

  // ---------- unsubscribe links ----------

  unsubscribeToken(userId: string, eventId: string): string {
    return signToken(this.config.JWT_SECRET, UNSUBSCRIBE, `${userId}:${eventId}`);
  }

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
      if (event.workspaceId && (await this.followsDigest(em, userId, event.workspaceId))) {
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
        if (input.sector || input.workspaceId) throw BadInputError.field(input.sector ? 'sector' : 'workspaceId', 'must be left out when following the whole programme.');
        return { sectorKey: null, workspaceId: null };
      case EventFollowScope.SECTOR:
        if (input.workspaceId) throw BadInputError.field('workspaceId', 'must be left out when following a sector.');
        if (!input.sector) throw BadInputError.field('sector', 'is needed to follow a sector, e.g. hydrogen.');
        if (!(await em.findOneBy(Sector, { key: input.sector }))) throw BadInputError.field('sector', `has no sector "${input.sector}": use a key from the sectors query, e.g. hydrogen.`);
        return { sectorKey: input.sector, workspaceId: null };
      case EventFollowScope.WORKSPACE:
        if (input.sector) throw BadInputError.field('sector', 'must be left out when following a workspace.');
        if (!input.workspaceId) throw BadInputError.field('workspaceId', 'is needed to follow a workspace’s events.');
        if (!(await em.findOneBy(Workspace, { id: input.workspaceId }))) throw new NotFoundError('workspace', input.workspaceId);
        return { sectorKey: null, workspaceId: input.workspaceId };
    }
  }

  private async followsDigest(em: EntityManager, userId: string, workspaceId: string): Promise<boolean> {
    const [{ follows }] = await em.query(
      `SELECT EXISTS (SELECT 1 FROM workspace_follow WHERE user_id = $1 AND workspace_id = $2) AS follows`,
      [userId, workspaceId],
    );
    return follows as boolean;
  }

  /** "Liverpool–Busan" in both languages. */
  private async pairName(em: EntityManager, workspaceId: string): Promise<Bilingual | null> {
    const workspace = await em.findOneBy(Workspace, { id: workspaceId });
    const twinning = workspace ? await em.findOneBy(Twinning, { id: workspace.twinningId }) : null;
    if (!twinning) return null;
    const [a, b] = (await citiesOfTwinning(em, twinning)).map(cityNames);
    return { en: `${a.en}–${b.en}`, ko: `${a.ko}–${b.ko}` };
  }
}
