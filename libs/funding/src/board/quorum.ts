import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Allow } from '@app/core';

export interface Voter {
  memberId: string;
  countryCode: string;
}

/** What a quorum of a fund's board needs: a voter from each of these countries, at least this many. */
export interface QuorumRule {
  countryCodes: string[];
  minPerCountry: number;
}

@ObjectType({ description: 'Whether the votes cast on an agenda item make a quorum, and why. Every figure comes from the votes: admins and the members not conflicted on the application read it.' })
@Allow('SIGNED_IN')
export class QuorumStatus {
  @Field(() => Int, { description: 'Current board members not conflicted on the application.' }) eligibleMembers: number;
  @Field(() => Int, { description: 'Eligible members who have voted (for, against or abstain).' }) votesCast: number;
  @Field(() => Int, { description: 'Votes needed: a majority of the eligible members.' }) votesNeeded: number;
  @Field(() => [String], { description: 'Countries that must be among the voters and are not yet.' }) countriesMissing: string[];
  @Field() met: boolean;
  @Field({ description: 'In words, in English.' }) explanation: string;
}

/**
 * The board's quorum rule: more than half of the members not conflicted on
 * the application have voted, and among them at least `minPerCountry` from
 * each contributing country. Conflicted members count neither way.
 */
export function quorum(eligible: readonly Voter[], voted: readonly Voter[], countries: readonly string[], minPerCountry = 1): QuorumStatus {
  const eligibleIds = new Set(eligible.map((m) => m.memberId));
  const counted = voted.filter((v) => eligibleIds.has(v.memberId));
  const votesNeeded = Math.floor(eligible.length / 2) + 1;
  const countriesMissing = countries.filter((country) => counted.filter((v) => v.countryCode === country).length < minPerCountry);
  const impossible = countries.filter((country) => eligible.filter((m) => m.countryCode === country).length < minPerCountry);
  const met = eligible.length > 0 && counted.length >= votesNeeded && countriesMissing.length === 0;
  const explanation = met
    ? `Quorum met: ${counted.length} of ${eligible.length} eligible members voted, including ${countries.join(' and ')}.`
    : impossible.length
      ? `No quorum is possible: ${impossible.join(' and ')} ha${impossible.length > 1 ? 've' : 's'} fewer than ${minPerCountry} non-conflicted member(s). Appoint more members.`
      : `No quorum yet: ${counted.length} of ${eligible.length} eligible members voted; ${votesNeeded} needed` +
        (countriesMissing.length ? `, including at least ${minPerCountry} from ${countriesMissing.join(' and ')}.` : '.');
  return Object.assign(new QuorumStatus(), { eligibleMembers: eligible.length, votesCast: counted.length, votesNeeded, countriesMissing, met, explanation });
}

/**
 * The votes that count on an agenda item: those of current, non-conflicted
 * members (a member who left or became conflicted after voting no longer
 * counts), cast after `since` when given; and the quorum they make.
 */
export function tally<V extends Voter & { castAt: Date }>(
  board: { members: readonly Voter[]; conflicts: ReadonlyMap<string, unknown> },
  votes: readonly V[],
  rule: QuorumRule,
  since?: Date,
): { status: QuorumStatus; counted: V[]; eligible: Voter[] } {
  const eligible = board.members.filter((m) => !board.conflicts.has(m.memberId));
  const eligibleIds = new Set(eligible.map((m) => m.memberId));
  const counted = votes.filter((v) => eligibleIds.has(v.memberId) && (!since || v.castAt > since));
  return { status: quorum(eligible, counted, rule.countryCodes, rule.minPerCountry), counted, eligible };
}
