import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser, BadInputError, Clock, ConflictError, ForbiddenError, NotFoundError } from '@app/core';
import { indicatorKeys } from '@app/cities';
import { withParticle } from '@app/rules';
import { PILLARS, PillarKey } from '../engine/types';
import { WeightProfile } from './entities/weight-profile.entity';
import { MAX_WEIGHT, THRESHOLDS_MESSAGE } from './dto/weight-profile.input';
import { checkText, wordsOf, writeEvidenceAudit } from './evidence-common';

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
    if (!weightOk(w)) throw BadInputError.field(`pillars.${pillar}`, { en: `must be a number from 0 to ${MAX_WEIGHT} (0 leaves the pillar out).`, ko: `0에서 ${MAX_WEIGHT} 사이의 수여야 합니다(0이면 이 평가 항목을 빼고 계산합니다).` });
    pillars[pillar] = w;
  }
  if (PILLARS.every((p) => pillars[p] === 0)) {
    throw BadInputError.field('pillars', { en: 'at least one pillar weight must be more than 0, or nothing would be scored.', ko: '평가 항목 가운데 하나 이상은 가중치가 0보다 커야 합니다. 그렇지 않으면 아무것도 평가되지 않습니다.' });
  }
  const indicators: Record<string, number> = {};
  for (const [index, entry] of (input.indicators ?? []).entries()) {
    if (!weightOk(entry?.weight)) throw BadInputError.field(`indicators.${index}.weight`, { en: `must be a number from 0 to ${MAX_WEIGHT}.`, ko: `0에서 ${MAX_WEIGHT} 사이의 수여야 합니다.` });
    if (Object.hasOwn(indicators, entry.key)) throw BadInputError.field(`indicators.${index}.key`, { en: `"${entry.key}" is listed twice; give each indicator once.`, ko: `"${entry.key}" 지표가 두 번 들어 있습니다. 지표마다 한 번만 주세요.` });
    indicators[entry.key] = entry.weight;
  }
  const t = input.starThresholds ?? [];
  if (t.length !== 2 || !t.every((x) => typeof x === 'number' && Number.isFinite(x)) || !(0 < t[0] && t[0] < t[1] && t[1] < 1)) {
    throw BadInputError.field('starThresholds', wordsOf(THRESHOLDS_MESSAGE));
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
    const name = checkText(input.name, 'name', 1, 80, { en: 'a name you will recognise', ko: '알아볼 수 있는 이름을 써 주세요' });
    const description = input.description == null || input.description.trim() === '' ? null : checkText(input.description, 'description', 1, 500, { en: 'what the profile is for', ko: '프로필을 어디에 쓰는지 써 주세요' });
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
        throw BadInputError.field('name', {
          en: `"${builtInClash.name}" is the name of a built-in profile; choose another name for yours.`,
          ko: `${withParticle(`"${builtInClash.name}"`, '은/는')} 기본 제공 프로필의 이름입니다. 다른 이름을 골라 주세요.`,
        });
      }
      const sameName = await em
        .createQueryBuilder(WeightProfile, 'w')
        .where('w.owner_user_id = :userId AND lower(w.name) = lower(:name)', { userId: user.id, name })
        .getOne();

      let current: WeightProfile | null = null;
      if (input.id) {
        current = await em.findOneBy(WeightProfile, { id: input.id });
        if (current && current.ownerUserId === null) {
          throw new ForbiddenError({
            en: `The built-in profile "${current.name}" is read-only. Save a copy under another name (leave out the id).`,
            ko: `기본 제공 프로필 ${withParticle(`"${current.name}"`, '은/는')} 읽기 전용입니다. 다른 이름으로 사본을 저장하세요(id는 빼고 보내세요).`,
          });
        }
        if (!current || current.ownerUserId !== user.id) throw new NotFoundError('weightProfile', input.id);
        if (sameName && sameName.id !== current.id) {
          throw new ConflictError({
            en: `You already have a profile called "${sameName.name}"; choose another name or change that one.`,
            ko: `이름이 "${sameName.name}"인 프로필이 이미 있습니다. 다른 이름을 고르거나 그 프로필을 고치세요.`,
          });
        }
      } else if (sameName) {
        current = sameName;
      } else {
        const [{ count }] = await em.query('SELECT count(*)::int AS count FROM weight_profile WHERE owner_user_id = $1', [user.id]);
        if (count >= MAX_PROFILES_PER_USER) {
          throw BadInputError.field('name', {
            en: `you already have ${MAX_PROFILES_PER_USER} weight profiles, the most one person may keep; delete one first.`,
            ko: `가중치 프로필이 이미 ${MAX_PROFILES_PER_USER}개로, 한 사람이 둘 수 있는 최대입니다. 먼저 하나를 지우세요.`,
          });
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
        throw new ForbiddenError({
          en: `The built-in profile "${profile.name}" is read-only and cannot be deleted.`,
          ko: `기본 제공 프로필 ${withParticle(`"${profile.name}"`, '은/는')} 읽기 전용이라 지울 수 없습니다.`,
        });
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
        {
          en: `there is no indicator "${indicators[index].key}". Known indicators: ${[...known].sort().join(', ')}.`,
          ko: `"${indicators[index].key}" 지표는 없습니다. 있는 지표: ${[...known].sort().join(', ')}.`,
        },
      );
    }
  }
}
