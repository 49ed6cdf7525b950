import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock, type Words } from '@app/core';
import { requestPairingRecompute } from '../recompute/request-recompute';
import { CityLink } from './entities/city-link.entity';
import { canonicalJson, writeEvidenceAudit } from './evidence-common';

/*
 * The platform's own relationships as pairing evidence. Pairing sits below
 * twinning and projects, so it cannot read their rows; instead their
 * services report each change here, on their own EntityManager, and the link
 * commits (or rolls back) with the change itself.
 *
 * The formality of each kind of record is the pairing method's choice, so it
 * lives here, beside the scale it is on (rubric.ts, FORMALITY_MESSAGE):
 * - a twinning ACTIVE is a formal, long-term city-to-city collaboration (4);
 *   DORMANT keeps the agreement with little activity (2); PROPOSED is declared
 *   intent, a soft link (1);
 * - a joint project of a twin workspace is formal collaboration between the
 *   two cities' institutions (3) while it is open, whatever its stage: the
 *   stage says how far the work has gone, not how formal the link is;
 * - DECLINED, WITHDRAWN and CLOSED twinnings, and closed projects (closing is
 *   also how a project is abandoned: there is no separate cancelled state),
 *   are history: the row stays with its last status and the formality the
 *   link had, and is not scored. A reopened project is live again.
 */

/** A twinning's status, as twinning names it (TwinningStatus). */
export type PlatformTwinningStatus = 'PROPOSED' | 'ACTIVE' | 'DORMANT' | 'DECLINED' | 'WITHDRAWN' | 'CLOSED';

export interface PlatformLinkTerms {
  formality: number;
  live: boolean;
}

const TWINNING_TERMS: Record<PlatformTwinningStatus, PlatformLinkTerms> = {
  PROPOSED: { formality: 1, live: true },
  ACTIVE: { formality: 4, live: true },
  DORMANT: { formality: 2, live: true },
  // History keeps what the link was: a proposal (1), or a twinning that ended (4).
  DECLINED: { formality: 1, live: false },
  WITHDRAWN: { formality: 1, live: false },
  CLOSED: { formality: 4, live: false },
};

/** The formality and liveness of the link a twinning in this status makes. */
export function twinningLinkTerms(status: PlatformTwinningStatus): PlatformLinkTerms {
  return TWINNING_TERMS[status];
}

/** The formality and liveness of the link a joint project makes: formal between institutions while open, history once closed. */
export function jointProjectLinkTerms(open: boolean): PlatformLinkTerms {
  return { formality: 3, live: open };
}

/** What happened to the record a platform link follows: the event its source names. */
export type PlatformEvent =
  | 'twinning proposed'
  | 'twinning accepted'
  | 'twinning active again'
  | 'twinning dormant'
  | 'twinning declined'
  | 'twinning proposal withdrawn'
  | 'twinning closed'
  | 'joint project started'
  | 'joint project reopened'
  | 'joint project closed';

const EVENTS_KO: Record<PlatformEvent, string> = {
  'twinning proposed': '자매결연 제안',
  'twinning accepted': '자매결연 수락',
  'twinning active again': '자매결연 활동 재개',
  'twinning dormant': '자매결연 휴면',
  'twinning declined': '자매결연 거절',
  'twinning proposal withdrawn': '자매결연 제안 철회',
  'twinning closed': '자매결연 종료',
  'joint project started': '공동 프로젝트 시작',
  'joint project reopened': '공동 프로젝트 재개',
  'joint project closed': '공동 프로젝트 종료',
};

/**
 * The source of a platform link, in both languages: the platform, the event
 * and its day ("Innovation Twins platform: twinning accepted 2026-03-02",
 * "이노베이션 트윈스 플랫폼: 2026년 3월 2일 자매결연 수락").
 */
export function platformSource(event: PlatformEvent, day: string): Words {
  const [year, month, date] = day.split('-').map(Number);
  return { en: `Innovation Twins platform: ${event} ${day}`, ko: `이노베이션 트윈스 플랫폼: ${year}년 ${month}월 ${date}일 ${EVENTS_KO[event]}` };
}

/** A platform link as its owner reports it: the whole row, every time. */
export interface PlatformLinkInput extends PlatformLinkTerms {
  /** What the link follows, e.g. twinning:<id> or project:<id>: one row per reference. */
  ref: string;
  cityAId: string;
  cityBId: string;
  /** e.g. city-to-city, joint-project. */
  kind: string;
  /** The year the relationship began. */
  since: number | null;
  /** What the link is, for anyone to read, in both languages: no private text (messages, reasons, project titles). */
  summary: Words;
  /** In both languages, e.g. "Innovation Twins platform: twinning proposed 2026-03-02". */
  source: Words;
  /** The day of the change, YYYY-MM-DD. */
  asOf: string;
  /** Who made the change. */
  actorUserId: string | null;
}

type Recorded = Pick<CityLink, 'cityAId' | 'cityBId' | 'kind' | 'since' | 'formality' | 'live' | 'summaryEn' | 'summaryKo' | 'source' | 'sourceKo' | 'asOf' | 'enteredByUserId'>;

/** Keeps the links that follow the platform's twinnings and joint projects. */
@Injectable()
export class PlatformLinksService {
  constructor(private readonly clock: Clock) {}

  /**
   * Writes the link that follows `input.ref`, creating it the first time,
   * inside the caller's transaction: audited, and both cities' pairs are
   * queued for scoring again. Reporting the same state twice writes nothing.
   * The caller holds the lock of the record the link follows (the twinning's
   * or the project's row), so two reports of one reference never race.
   */
  async record(em: EntityManager, input: PlatformLinkInput): Promise<CityLink> {
    if (!input.ref.includes(':') || input.cityAId === input.cityBId || !Number.isInteger(input.formality) || input.formality < 0 || input.formality > 4) {
      throw new Error(`A platform link needs a reference, two cities and a formality from 0 to 4 (got ${JSON.stringify(input)}).`);
    }
    const values: Recorded = {
      cityAId: input.cityAId,
      cityBId: input.cityBId,
      kind: input.kind,
      since: input.since,
      formality: input.formality,
      live: input.live,
      summaryEn: input.summary.en,
      summaryKo: input.summary.ko,
      source: input.source.en,
      sourceKo: input.source.ko,
      asOf: input.asOf,
      enteredByUserId: input.actorUserId,
    };
    const current = await em
      .createQueryBuilder(CityLink, 'l')
      .setLock('pessimistic_write')
      .where('l.platform_ref = :ref', { ref: input.ref })
      .getOne();
    if (current && sameLink(current, values)) return current;

    const before = current ? { ...current } : null;
    const saved = current
      ? await em.save(Object.assign(current, values))
      : await em.save(em.create(CityLink, { ...values, otherPlace: null, otherPlaceCountryCode: null, partners: [], platformRef: input.ref, seedKey: null }));
    const cityIds = [...(before ? [before.cityAId, before.cityBId!] : []), saved.cityAId, saved.cityBId!];
    await writeEvidenceAudit(em, {
      actorUserId: input.actorUserId,
      action: 'link.platform',
      entity: 'CityLink',
      entityId: saved.id,
      cityIds,
      before,
      after: saved,
      at: this.clock.now(),
    });
    await requestPairingRecompute(em, cityIds);
    return saved;
  }
}

/** Whether the row already says what the report says (who reported it aside). */
function sameLink(row: CityLink, values: Recorded): boolean {
  const { enteredByUserId: _who, ...rest } = values;
  return Object.entries(rest).every(([field, value]) => canonicalJson((row as unknown as Record<string, unknown>)[field]) === canonicalJson(value));
}
