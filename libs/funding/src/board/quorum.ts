import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Allow, type Words } from '@app/core';
import { withParticle } from '@app/rules';

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
  /** How many more votes each missing country must give, in the order of countriesMissing. */
  shortfalls: Array<{ countryCode: string; votes: number }>;
  /** Countries with fewer eligible members than the rule needs: no quorum is possible until more are appointed. */
  countriesImpossible: string[];
  minPerCountry: number;
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
  const shortfalls = countries
    .map((countryCode) => ({ countryCode, votes: minPerCountry - counted.filter((v) => v.countryCode === countryCode).length }))
    .filter((s) => s.votes > 0);
  const countriesImpossible = countries.filter((country) => eligible.filter((m) => m.countryCode === country).length < minPerCountry);
  const met = eligible.length > 0 && counted.length >= votesNeeded && shortfalls.length === 0;
  return Object.assign(new QuorumStatus(), {
    eligibleMembers: eligible.length,
    votesCast: counted.length,
    votesNeeded,
    countriesMissing: shortfalls.map((s) => s.countryCode),
    met,
    shortfalls,
    countriesImpossible,
    minPerCountry,
  });
}

/** The countries' names in English and Korean, by code, from the countries read for `codes` (in their order). */
export function countryNames(codes: readonly string[], countries: ReadonlyArray<{ nameEn: string; nameKo: string } | Error | undefined>): Map<string, Words> {
  return new Map(codes.flatMap((code, i) => {
    const country = countries[i];
    return country && !(country instanceof Error) ? [[code, { en: country.nameEn, ko: country.nameKo }] as const] : [];
  }));
}

/** The countries a quorum's explanation names: the missing ones, and those that cannot make one. */
export function countriesNamedIn(status: QuorumStatus): string[] {
  return status.met ? [] : [...new Set([...status.countriesImpossible, ...status.countriesMissing])];
}

/** "the United Kingdom", "the Republic of Korea": a country's English name as a sentence says it. */
function theCountry(name: string): string {
  return /^(United|Republic|Kingdom|Netherlands|Philippines|Czech Republic)\b/.test(name) ? `the ${name}` : name;
}

const members = (n: number) => `${n} ${n === 1 ? 'member' : 'members'}`;

/**
 * Whether the votes make a quorum and what is still missing, in English and
 * in Korean, e.g. "No quorum yet: 1 of 3 eligible members voted; 2 needed.
 * 1 more member from the Republic of Korea must vote." `names` gives the
 * countries of countriesNamedIn in both languages (the code when absent).
 */
export function quorumWords(status: QuorumStatus, names: ReadonlyMap<string, Words>): Words {
  const name = (code: string): Words => names.get(code) ?? { en: code, ko: code };
  const { votesCast: cast, eligibleMembers: eligible, votesNeeded: needed, minPerCountry: min } = status;
  if (status.met) {
    return {
      en: `Quorum met: ${cast} of ${eligible} eligible members voted, including members from every contributing country.`,
      ko: `의결정족수를 채웠습니다: 표결할 수 있는 위원 ${eligible}명 중 ${cast}명이 투표했고, 모든 참여국의 위원이 투표했습니다.`,
    };
  }
  if (status.countriesImpossible.length) {
    const en = status.countriesImpossible.map((c) => theCountry(name(c).en));
    const ko = status.countriesImpossible.map((c) => name(c).ko);
    const many = en.length > 1;
    const koList = ko.length > 1 ? `${ko.slice(0, -1).map((k) => withParticle(k, '와/과')).join(' ')} ${ko[ko.length - 1]}` : ko[0];
    return {
      en:
        `No quorum is possible: ${en.join(' and ')} ${many ? 'have' : 'has'} ${min === 1 ? 'no member' : `fewer than ${members(min)}`} without a conflict of interest on this application. ` +
        'An admin needs to appoint more members.',
      ko: `의결정족수를 채울 수 없습니다: 이 신청서에 이해충돌이 없는 ${koList} 위원이 ${min === 1 ? '없습니다' : `${min}명보다 적습니다`}. 관리자가 위원을 더 임명해야 합니다.`,
    };
  }
  const fromCountries = status.shortfalls.reduce((sum, s) => sum + s.votes, 0);
  const more = Math.max(needed - cast, fromCountries);
  let en: string;
  let ko: string;
  if (!status.shortfalls.length) {
    en = `${more} more ${more === 1 ? 'member' : 'members'} must vote.`;
    ko = `위원 ${more}명이 더 투표해야 합니다.`;
  } else if (status.shortfalls.length === 1 && fromCountries === more) {
    const [{ countryCode, votes }] = status.shortfalls;
    en = `${more} more ${more === 1 ? 'member' : 'members'} from ${theCountry(name(countryCode).en)} must vote.`;
    ko = `${name(countryCode).ko} 위원 ${votes}명이 더 투표해야 합니다.`;
  } else {
    en = `${more} more members must vote, including ${status.shortfalls.map((s) => `${s.votes} from ${theCountry(name(s.countryCode).en)}`).join(' and ')}.`;
    ko = `위원 ${more}명이 더 투표해야 하며, 그중 ${status.shortfalls.map((s) => `${name(s.countryCode).ko} 위원이 ${s.votes}명 이상`).join(', ')}이어야 합니다.`;
  }
  return {
    en: `No quorum yet: ${cast} of ${eligible} eligible members voted; ${needed} needed. ${en}`,
    ko: `아직 의결정족수에 미달합니다: 표결할 수 있는 위원 ${eligible}명 중 ${cast}명이 투표했고, ${needed}명이 투표해야 합니다. ${ko}`,
  };
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
