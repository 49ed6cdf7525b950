import { createHmac, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { IANAZone } from 'luxon';
import { AppConfig, AuthUser, Clock, ForbiddenError, hasRole, RequestContext, requestLoader, Role } from '@app/core';
import { lang, linkPageUrl, userById } from '@app/identity';
import { OutboxService } from '@app/notifications';
import { TwinningEmail } from '../emails/twinning.emails';
import { Twinning } from '../entities/twinning.entity';
import { Workspace } from '../entities/workspace.entity';
import { TwinningAccessService } from '../twinning-access.service';
import { citiesOfTwinning, cityNames } from '../twinning-cities';
import { DigestFrequency, WorkspaceFollow } from './workspace-follow.entity';
import { describeActivity } from './activity-text';
import { ActivityService } from './activity.service';
import { latestDigestBoundary, nextDigestBoundary, type DigestTime } from './digest-schedule';

/** How long after its boundary a digest period is closed: changes stamped before it have committed by then. */
export const DIGEST_SETTLE_MS = 60_000;
/** How long a digest that failed waits before another try. */
export const DIGEST_RETRY_MS = 5 * 60_000;

/** Entries listed in one digest; the rest are counted and linked. */
export const DIGEST_MAX_ENTRIES = 50;

/**
 * Following a workspace and its email digests. A digest covers the activity
 * between the previous one and the latest boundary (the reader's local
 * morning: daily, or on Mondays), is written to the outbox in the same
 * transaction that moves the follow's `coveredUntil`, and has an idempotency
 * key of the follow and its period, so it is sent once whatever crashes.
 */
@Injectable()
export class DigestService {
  private readonly logger = new Logger(DigestService.name);

  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly outbox: OutboxService,
    private readonly access: TwinningAccessService,
    private readonly activity: ActivityService,
  ) {}

  async follow(user: AuthUser, workspaceId: string, frequency: DigestFrequency): Promise<WorkspaceFollow> {
    return this.dataSource.transaction(async (em) => {
      const access = await this.access.requireWorkspace(user, workspaceId, em);
      if (!access.role) {
        throw new ForbiddenError(
          hasRole(user, Role.ADMIN)
            ? { en: 'Only members follow a workspace; admins read it without following.', ko: '워크스페이스는 멤버만 팔로우할 수 있습니다. 관리자는 팔로우하지 않고도 읽을 수 있습니다.' }
            : { en: 'Only members follow a workspace.', ko: '워크스페이스는 멤버만 팔로우할 수 있습니다.' },
        );
      }
      const now = this.clock.now();
      const existing = await em.findOne(WorkspaceFollow, { where: { workspaceId, userId: user.id }, lock: { mode: 'pessimistic_write' } });
      const nextDigestAt = nextDigestBoundary(existing?.coveredUntil ?? now, user.timeZone, frequency, this.digestTime());
      if (existing) {
        await em.update(WorkspaceFollow, { id: existing.id }, { frequency, nextDigestAt });
        return Object.assign(existing, { frequency, nextDigestAt });
      }
      await em.createQueryBuilder().insert().into(WorkspaceFollow).values({ workspaceId, userId: user.id, frequency, coveredUntil: now, nextDigestAt }).orIgnore().execute();
      return em.findOneByOrFail(WorkspaceFollow, { workspaceId, userId: user.id });
    });
  }

  /** Stops the digests; true when there was a follow. Members only (NOT_FOUND otherwise). */
  async unfollow(user: AuthUser, workspaceId: string): Promise<boolean> {
    await this.access.requireWorkspace(user, workspaceId);
    const result = await this.dataSource.getRepository(WorkspaceFollow).delete({ workspaceId, userId: user.id });
    return (result.affected ?? 0) > 0;
  }

  /** The signed-in person's follows, by workspace id, one query per request. */
  mine(ctx: RequestContext) {
    return requestLoader<string, WorkspaceFollow | null>(ctx, 'twinning.myFollow', async (workspaceIds) => {
      const rows = await this.dataSource.getRepository(WorkspaceFollow).findBy({ userId: ctx.user!.id, workspaceId: In([...workspaceIds]) });
      return workspaceIds.map((id) => rows.find((f) => f.workspaceId === id) ?? null);
    });
  }

  private digestTime(): DigestTime {
    return { hour: this.config.DIGEST_HOUR, minute: this.config.DIGEST_MINUTE };
  }

  // ---------- unsubscribe links ----------

  unsubscribeToken(followId: string): string {
    return `${followId}.${this.mac(followId)}`;
  }

  /** Where mail clients' one-click unsubscribe posts (List-Unsubscribe); the digest's own link opens the web app's page. */
  unsubscribeUrl(followId: string): string {
    return `${this.config.PUBLIC_URL}/workspaces/unsubscribe?token=${encodeURIComponent(this.unsubscribeToken(followId))}`;
  }

  /**
   * Ends the follow a digest's unsubscribe link names. True for a valid link
   * (also when it was used before); false for a link that was never valid.
   */
  async unsubscribe(token: string): Promise<boolean> {
    const [followId, mac] = token.split('.');
    if (!followId || !mac) return false;
    const expected = Buffer.from(this.mac(followId));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return false;
    await this.dataSource.getRepository(WorkspaceFollow).delete({ id: followId });
    return true;
  }

  private mac(followId: string): string {
    return createHmac('sha256', this.config.JWT_SECRET).update(`digest-unsubscribe:${followId}`).digest('base64url');
  }

  // ---------- sending ----------

  /** Sends every digest due now; returns how many follows it handled. */
  async sendDue(limit = 200): Promise<number> {
    // A period closes DIGEST_SETTLE_MS after its boundary, so a change stamped just before it has committed.
    const now = new Date(this.clock.now().getTime() - DIGEST_SETTLE_MS);
    let handled = 0;
    for (;;) {
      const due: Array<{ id: string }> = await this.dataSource.query(
        `SELECT id FROM workspace_follow WHERE next_digest_at <= $1 ORDER BY next_digest_at LIMIT $2`,
        [now, limit],
      );
      for (const { id } of due) {
        try {
          if (await this.sendOne(id, now)) handled++;
        } catch (error) {
          // Out of the way of the others, and tried again later.
          this.logger.warn(`Digest for follow ${id} failed, will retry: ${(error as Error).message}`);
          await this.dataSource.query(`UPDATE workspace_follow SET next_digest_at = $2 WHERE id = $1`, [id, new Date(this.clock.now().getTime() + DIGEST_RETRY_MS)]);
        }
      }
      if (due.length < limit) return handled;
    }
  }

  private async sendOne(followId: string, now: Date): Promise<boolean> {
    return this.dataSource.transaction(async (em) => {
      const [follow] = await em
        .getRepository(WorkspaceFollow)
        .createQueryBuilder('f')
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .where('f.id = :followId AND f.next_digest_at <= :now', { followId, now })
        .getMany();
      if (!follow) return false;
      const reader = await userById(em, follow.userId);
      const membership: Array<{ role: string }> = await em.query(
        `SELECT role FROM workspace_member WHERE workspace_id = $1 AND user_id = $2`,
        [follow.workspaceId, follow.userId],
      );
      if (!reader || reader.disabledAt || membership.length === 0) {
        await em.delete(WorkspaceFollow, { id: follow.id });
        return true;
      }
      // Zones are checked on input; one no clock knows would give no boundary (and an invalid date to PostgreSQL).
      if (!IANAZone.isValidZone(reader.timeZone)) throw new Error(`the reader's time zone "${reader.timeZone}" is unknown`);
      // Never back past what was covered (a reader who moved west has a later boundary behind them).
      const boundary = latestDigestBoundary(now, reader.timeZone, follow.frequency, this.digestTime());
      const periodEnd = boundary > follow.coveredUntil ? boundary : follow.coveredUntil;
      const [entries, total] = await this.activity.between(em, follow.workspaceId, follow.coveredUntil, periodEnd, DIGEST_MAX_ENTRIES, membership[0].role === 'LEAD');
      if (total > 0) {
        const workspace = await em.findOneByOrFail(Workspace, { id: follow.workspaceId });
        const twinning = await em.findOneByOrFail(Twinning, { id: workspace.twinningId });
        const [cityA, cityB] = await citiesOfTwinning(em, twinning);
        await this.outbox.enqueueEmail(em, {
          template: TwinningEmail.WORKSPACE_DIGEST,
          idempotencyKey: `workspace-digest:${follow.id}:${periodEnd.toISOString()}`,
          to: { email: reader.email, userId: reader.id, language: lang(reader.preferredLanguage), timeZone: reader.timeZone },
          data: {
            cityA: cityNames(cityA),
            cityB: cityNames(cityB),
            frequency: follow.frequency,
            from: follow.coveredUntil.toISOString(),
            until: periodEnd.toISOString(),
            entries: entries.map((e) => ({ at: e.at.toISOString(), ...describeActivity(e) })),
            more: total - entries.length,
            url: `${this.config.PUBLIC_URL}/workspaces/${workspace.id}`,
            unsubscribeUrl: this.unsubscribeUrl(follow.id),
            unsubscribePageUrl: linkPageUrl(this.config, 'stopWorkspaceDigest', this.unsubscribeToken(follow.id), lang(reader.preferredLanguage)),
          },
        });
      }
      await em.update(WorkspaceFollow, { id: follow.id }, {
        coveredUntil: periodEnd,
        nextDigestAt: nextDigestBoundary(periodEnd, reader.timeZone, follow.frequency, this.digestTime()),
      });
      return true;
    });
  }
}
