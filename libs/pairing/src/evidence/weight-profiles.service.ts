import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser, BadInputError, Clock, ConflictError, ForbiddenError, NotFoundError } from '@app/core';
import { indicatorKeys } from '@app/cities';
import { PILLARS, PillarKey } from '../engine/types';
import { WeightProfile } from './entities/weight-profile.entity';
import { MAX_WEIGHT } from './dto/weight-profile.input';
import { checkText, writeEvidenceAudit } from './evidence-common';

export const REPORT_DEFAULT_PROFILE = 'report-default';
export const MAX_PROFILES_PER_USER = 50;

export interface WeightProfileInput {
  id?: string | null;
  name: string;
  description?: string | null;
  pillars: Record<PillarKey, number>;
  indicators: Array<{ key: string; weight: number }>;
  starThresholds: number[];
}

export interface CheckedWeights {
  pillars: Record<PillarKey, number>;
  indicators: Record<string, number>;
  starThresholds: [number, number];
}

/**
 * Checks weights without the database: finite and non-negative, at least
 * one pillar above 0, indicator keys unique, 0 < t1 < t2 < 1. Unknown
 * indicator keys are checked by the service.
 */
export function checkWeights(input: Pick<WeightProfileInput, 'pillars' | 'indicators' | 'starThresholds'>): CheckedWeights {
  const weightOk = (w: unknown): w is number => typeof w === 'number' && Number.isFinite(w) && w >= 0 && w <= MAX_WEIGHT;
  const pillars = {} as Record<PillarKey, number>;
  for (const pillar of PILLARS) {
    const w = input.pillars?.[pillar];
    if (!weightOk(w)) throw BadInputError.field(`pillars.${pillar}`, `must be a number from 0 to ${MAX_WEIGHT} (0 leaves the pillar out).`);
    pillars[pillar] = w;
  }
  if (PILLARS.every((p) => pillars[p] === 0)) {
    throw BadInputError.field('pillars', 'at least one pillar weight must be more than 0, or nothing would be scored.');
  }
  const indicators: Record<string, number> = {};
  for (const [index, entry] of (input.indicators ?? []).entries()) {
    if (!weightOk(entry?.weight)) throw BadInputError.field(`indicators.${index}.weight`, `must be a number from 0 to ${MAX_WEIGHT}.`);
    if (Object.hasOwn(indicators, entry.key)) throw BadInputError.field(`indicators.${index}.key`, `"${entry.key}" is listed twice; give each indicator once.`);
    indicators[entry.key] = entry.weight;
  }
  const t = input.starThresholds ?? [];
  if (t.length !== 2 || !t.every((x) => typeof x === 'number' && Number.isFinite(x)) || !(0 < t[0] && t[0] < t[1] && t[1] < 1)) {
    throw BadInputError.field('starThresholds', 'must be two numbers t1, t2 with 0 < t1 < t2 < 1, e.g. [0.333, 0.667].');
  }
  return { pillars, indicators, starThresholds: [t[0], t[1]] };
}

/** Named weight profiles: read-only built-ins and each user's own. */
@Injectable()
export class WeightProfilesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Built-in profiles, then the user's own (when signed in), by name. */
  async list(user: AuthUser | null): Promise<WeightProfile[]> {
    const query = this.dataSource.getRepository(WeightProfile).createQueryBuilder('w').where('w.owner_user_id IS NULL');
    if (user) query.orWhere('w.owner_user_id = :userId', { userId: user.id });
    const rows = await query.getMany();
    // A handful of rows: built-ins first, then by name.
    return rows.sort(
      (a, b) =>
        Number(b.ownerUserId === null) - Number(a.ownerUserId === null) ||
        a.name.toLowerCase().localeCompare(b.name.toLowerCase()) ||
        a.id.localeCompare(b.id),
    );
  }

  /**
   * Saves one of the user's profiles: with an id, that profile (NOT_FOUND if
   * it is not theirs; FORBIDDEN for a built-in); without, a new one, or the
   * user's profile of the same name.
   */
  async save(user: AuthUser, input: WeightProfileInput): Promise<WeightProfile> {
    const name = checkText(input.name, 'name', 1, 80, 'a name you will recognise');
    const description = input.description == null || input.description.trim() === '' ? null : checkText(input.description, 'description', 1, 500, 'what the profile is for');
    const weights = checkWeights(input);

    return this.dataSource.transaction(async (em) => {
      // One user's saves take turns, so the per-user limit and name checks hold.
      await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`weight-profiles:${user.id}`]);
      await this.checkIndicatorKeys(em, input.indicators ?? []);
      const builtInClash = await em
        .createQueryBuilder(WeightProfile, 'w')
        .where('w.owner_user_id IS NULL AND lower(w.name) = lower(:name)', { name })
        .getOne();
      if (builtInClash) {
        throw BadInputError.field('name', `"${builtInClash.name}" is the name of a built-in profile; choose another name for yours.`);
      }
      const sameName = await em
        .createQueryBuilder(WeightProfile, 'w')
        .where('w.owner_user_id = :userId AND lower(w.name) = lower(:name)', { userId: user.id, name })
        .getOne();

      let current: WeightProfile | null = null;
      if (input.id) {
        current = await em.findOneBy(WeightProfile, { id: input.id });
        if (current && current.ownerUserId === null) {
          throw new ForbiddenError(`The built-in profile "${current.name}" is read-only. Save a copy under another name (leave out the id).`);
        }
        if (!current || current.ownerUserId !== user.id) throw new NotFoundError('weightProfile', input.id);
        if (sameName && sameName.id !== current.id) {
          throw new ConflictError(`You already have a profile called "${sameName.name}"; choose another name or change that one.`);
        }
      } else if (sameName) {
        current = sameName;
      } else {
        const [{ count }] = await em.query('SELECT count(*)::int AS count FROM weight_profile WHERE owner_user_id = $1', [user.id]);
        if (count >= MAX_PROFILES_PER_USER) {
          throw BadInputError.field('name', `you already have ${MAX_PROFILES_PER_USER} weight profiles, the most one person may keep; delete one first.`);
        }
      }

      const before = current ? { ...current } : null;
      const profile = current ?? em.create(WeightProfile, { ownerUserId: user.id });
      Object.assign(profile, { name, description, ...weights });
      const saved = await em.save(profile);
      await writeEvidenceAudit(em, {
        actorUserId: user.id,
        action: 'weightProfile.save',
        entity: 'WeightProfile',
        entityId: saved.id,
        cityIds: [],
        before,
        after: saved,
        at: this.clock.now(),
      });
      // Stored scores use the built-in profile only; a user's profile is applied when read, so nothing to recompute.
      return saved;
    });
  }

  /** Deletes one of the user's profiles: FORBIDDEN for a built-in, NOT_FOUND for anyone else's. */
  async delete(user: AuthUser, id: string): Promise<boolean> {
    return this.dataSource.transaction(async (em) => {
      const profile = await em.findOneBy(WeightProfile, { id });
      if (profile && profile.ownerUserId === null) {
        throw new ForbiddenError(`The built-in profile "${profile.name}" is read-only and cannot be deleted.`);
      }
      if (!profile || profile.ownerUserId !== user.id) throw new NotFoundError('weightProfile', id);
      await em.delete(WeightProfile, { id });
      await writeEvidenceAudit(em, {
        actorUserId: user.id,
        action: 'weightProfile.delete',
        entity: 'WeightProfile',
        entityId: id,
        cityIds: [],
        before: profile,
        after: null,
        at: this.clock.now(),
      });
      return true;
    });
  }

  private async checkIndicatorKeys(em: EntityManager, indicators: WeightProfileInput['indicators']): Promise<void> {
    if (indicators.length === 0) return;
    const known = await indicatorKeys(em);
    const index = indicators.findIndex((entry) => !known.has(entry.key));
    if (index >= 0) {
      throw BadInputError.field(
        `indicators.${index}.key`,
        `there is no indicator "${indicators[index].key}". Known indicators: ${[...known].sort().join(', ')}.`,
      );
    }
  }
}
