import { City } from '@app/cities';
import { PlatformLinkInput, twinningLinkTerms } from '@app/pairing';
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
function eventOf(status: TwinningStatus, from: TwinningStatus | null): string {
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

function summaryOf(status: TwinningStatus, a: string, b: string): string {
  switch (status) {
    case TwinningStatus.PROPOSED:
      return `A twinning of ${a} and ${b} was proposed on the Innovation Twins platform and awaits an answer.`;
    case TwinningStatus.ACTIVE:
      return `${a} and ${b} are twinned on the Innovation Twins platform and work together in a twin workspace.`;
    case TwinningStatus.DORMANT:
      return `${a} and ${b} are twinned on the Innovation Twins platform; the twinning is dormant, with little activity.`;
    case TwinningStatus.DECLINED:
      return `A proposal to twin ${a} and ${b} on the Innovation Twins platform was declined.`;
    case TwinningStatus.WITHDRAWN:
      return `A proposal to twin ${a} and ${b} on the Innovation Twins platform was withdrawn.`;
    case TwinningStatus.CLOSED:
      return `${a} and ${b} were twinned on the Innovation Twins platform; the twinning is closed.`;
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
    summary: summaryOf(twinning.status, cityA.nameEn, cityB.nameEn),
    source: `Innovation Twins platform: ${eventOf(twinning.status, from)} ${day}`,
    asOf: day,
    actorUserId,
  };
}
