import { City } from '@app/cities';
import type { Words } from '@app/core';
import { type PlatformEvent, type PlatformLinkInput, platformSource, twinningLinkTerms } from '@app/pairing';
import { fillKorean } from '@app/rules';
import { Twinning, TwinningStatus } from './entities/twinning.entity';

/*
 * A twinning as pairing evidence: one link per twinning (twinning:<id>),
 * written by TwinningService with every status change, in its transaction.
 * How formal each status is, and which statuses are history, is the pairing
 * method's (twinningLinkTerms); the words are twinning's. Anyone can read a
 * link, so it says only what happened and when, never the proposal's
 * message or a reason given, nor which city proposed or declined. The migration PlatformLinks writes the same
 * words for twinnings made before these links existed
 * (migrations/1796624457908-PlatformLinks.ts): change both together.
 */

/** What the change was, for the link's source. */
function eventOf(status: TwinningStatus, from: TwinningStatus | null): PlatformEvent {
  switch (status) {
    case TwinningStatus.PROPOSED:
      return 'twinning proposed';
    case TwinningStatus.ACTIVE:
      return from === TwinningStatus.DORMANT ? 'twinning active again' : 'twinning accepted';
    case TwinningStatus.DORMANT:
      return 'twinning dormant';
    case TwinningStatus.DECLINED:
      return 'twinning declined';
    case TwinningStatus.WITHDRAWN:
      return 'twinning proposal withdrawn';
    case TwinningStatus.CLOSED:
      return 'twinning closed';
  }
}

/** What the link is, in both languages, for a twinning of `a` and `b` in `status`. */
function summaryOf(status: TwinningStatus, a: City, b: City): Words {
  const en = (text: string) => text.replace('{a}', a.nameEn).replace('{b}', b.nameEn);
  const ko = (template: string) => fillKorean(template, { a: a.nameKo, b: b.nameKo });
  switch (status) {
    case TwinningStatus.PROPOSED:
      return {
        en: en('A twinning of {a} and {b} was proposed on the Innovation Twins platform and awaits an answer.'),
        ko: ko('이노베이션 트윈스 플랫폼에서 {a|와/과} {b}의 자매결연이 제안되어 답변을 기다리고 있습니다.'),
      };
    case TwinningStatus.ACTIVE:
      return {
        en: en('{a} and {b} are twinned on the Innovation Twins platform and work together in a twin workspace.'),
        ko: ko('{a|와/과} {b|은/는} 이노베이션 트윈스 플랫폼에서 자매결연을 맺고 공동 워크스페이스에서 함께 일합니다.'),
      };
    case TwinningStatus.DORMANT:
      return {
        en: en('{a} and {b} are twinned on the Innovation Twins platform; the twinning is dormant, with little activity.'),
        ko: ko('{a|와/과} {b|은/는} 이노베이션 트윈스 플랫폼에서 자매결연을 맺었으나, 지금은 활동이 거의 없는 휴면 상태입니다.'),
      };
    case TwinningStatus.DECLINED:
      return {
        en: en('A proposal to twin {a} and {b} on the Innovation Twins platform was declined.'),
        ko: ko('이노베이션 트윈스 플랫폼에서 {a|와/과} {b}의 자매결연 제안이 거절되었습니다.'),
      };
    case TwinningStatus.WITHDRAWN:
      return {
        en: en('A proposal to twin {a} and {b} on the Innovation Twins platform was withdrawn.'),
        ko: ko('이노베이션 트윈스 플랫폼에서 {a|와/과} {b}의 자매결연 제안이 철회되었습니다.'),
      };
    case TwinningStatus.CLOSED:
      return {
        en: en('{a} and {b} were twinned on the Innovation Twins platform; the twinning is closed.'),
        ko: ko('{a|와/과} {b|은/는} 이노베이션 트윈스 플랫폼에서 자매결연을 맺었으며, 그 자매결연은 종료되었습니다.'),
      };
  }
}

/** The link a twinning makes now that it is in `twinning.status` (changed from `from` at `at` by `actorUserId`). */
export function twinningLink(
  twinning: Pick<Twinning, 'id' | 'cityAId' | 'cityBId' | 'status' | 'activeSince' | 'createdAt'>,
  from: TwinningStatus | null,
  [cityA, cityB]: [City, City],
  at: Date,
  actorUserId: string,
): PlatformLinkInput {
  const day = at.toISOString().slice(0, 10);
  return {
    ref: `twinning:${twinning.id}`,
    cityAId: twinning.cityAId,
    cityBId: twinning.cityBId,
    kind: 'city-to-city',
    ...twinningLinkTerms(twinning.status),
    // Twinned since it was accepted; a proposal, since it was made.
    since: (twinning.activeSince ?? twinning.createdAt ?? at).getUTCFullYear(),
    summary: summaryOf(twinning.status, cityA, cityB),
    source: platformSource(eventOf(twinning.status, from), day),
    asOf: day,
    actorUserId,
  };
}
