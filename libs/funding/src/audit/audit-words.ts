import type { Language, Words } from '@app/core';
import { nameIn, type NamedInLanguages } from '@app/identity';
import { amountsText, countryName, DECISION_OUTCOMES, formatInstant, KR_ZONE, term, UK_ZONE, withParticle } from '@app/rules';
import { ApplicationStatus, DecisionOutcome } from '../applications/application.enums';
import { transitionWords } from '../applications/transition-words';
import { Recommendation } from '../reviews/review-aggregate';
import { VoteChoice } from '../decisions/vote.entity';
import { andKo, OUTCOME_KO } from '../funding-words';

/** A title as the platform holds it: English, Korean or both. */
export interface Titled {
  en?: string | null;
  ko?: string | null;
}

/**
 * What an audit entry records of what happened, besides its action: the
 * names, figures and instants its sentence needs, kept as they were at the
 * time. The sentence itself is said from these in the reader's language
 * (auditWords); a person's own words are the entry's reason.
 */
export interface AuditFacts {
  /** The fund's, call's, application's or meeting's title at the time. */
  title?: Titled;
  /** The person the entry is about, by the name they had: appointed, declaring, reviewing, voting. */
  name?: string;
  countryCode?: string;
  countryCodes?: string[];
  currencies?: string[];
  /** Money by currency, in minor units. */
  amounts?: Record<string, string>;
  /** What an edit changed (input field names). */
  fields?: string[];
  /** Released because less was spent than committed. */
  underspend?: boolean;
  opensAt?: string;
  closesAt?: string;
  startsAt?: string;
  dueAt?: string;
  previousDueAt?: string;
  quorumMinPerCountry?: number;
  reviewers?: number;
  fromStatus?: ApplicationStatus | null;
  toStatus?: ApplicationStatus;
  outcome?: DecisionOutcome;
  recommendation?: Recommendation;
  choice?: VoteChoice;
  votes?: { for: number; against: number; abstaining: number };
  supersedes?: boolean;
}

const RECOMMENDATION: Record<Recommendation, Words> = {
  [Recommendation.FUND]: { en: 'recommending funding', ko: '지원 권고' },
  [Recommendation.FUND_WITH_CONDITIONS]: { en: 'recommending funding with conditions', ko: '조건부 지원 권고' },
  [Recommendation.DO_NOT_FUND]: { en: 'recommending not to fund', ko: '지원 불가 권고' },
};

const VOTE: Record<VoteChoice, Words> = {
  [VoteChoice.FOR]: { en: 'voted for', ko: '찬성했습니다' },
  [VoteChoice.AGAINST]: { en: 'voted against', ko: '반대했습니다' },
  [VoteChoice.ABSTAIN]: { en: 'abstained', ko: '기권했습니다' },
};

/** What an edit may change, by input field, as a sentence names it. */
const FIELDS: Record<string, Words> = {
  name: { en: 'name', ko: '이름' },
  description: { en: 'description', ko: '설명' },
  title: { en: 'title', ko: '제목' },
  guidance: { en: 'guidance', ko: '신청 안내' },
  opensAt: { en: 'opening', ko: '접수 시작' },
  closesAt: { en: 'close', ko: '마감' },
  allowedStages: { en: 'stages that may apply', ko: '신청할 수 있는 단계' },
  maxAward: { en: 'largest award', ko: '최대 지원금' },
  matchRatioPercent: { en: 'match ratio', ko: '매칭 비율' },
  referenceCurrency: { en: 'reference currency', ko: '기준 통화' },
  exchangeRates: { en: 'reference rate', ko: '기준 환율' },
  criteria: { en: 'criteria', ko: '심사 기준' },
  scoreScaleMax: { en: 'scoring scale', ko: '채점 척도' },
  reviewersPerApplication: { en: 'reviews needed', ko: '필요한 심사 수' },
  summary: { en: 'summary', ko: '개요' },
  objectives: { en: 'objectives', ko: '목표' },
  routeToBusinessAsUsual: { en: 'route to business as usual', ko: '상시 운영 전환 계획' },
  milestones: { en: 'milestones', ko: '주요 일정' },
  budgetLines: { en: 'budget', ko: '예산' },
};

const andEn = (items: readonly string[]) => new Intl.ListFormat('en-GB', { type: 'conjunction', style: 'long' }).format(items);
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** A title in the language, else in the one it has, within quotation marks. */
function quoted(title: Titled | undefined, language: 'en' | 'ko'): string | null {
  const text = title?.[language] ?? title?.[language === 'en' ? 'ko' : 'en'];
  return text ? `“${text}”` : null;
}

function fieldsOf(facts: AuditFacts): Words | null {
  const fields = (facts.fields ?? []).map((f) => FIELDS[f] ?? { en: f, ko: f });
  if (!fields.length) return null;
  return { en: andEn(fields.map((f) => f.en)), ko: fields.map((f) => f.ko).join(', ') };
}

function money(facts: AuditFacts, language: 'en' | 'ko'): string {
  return amountsText(Object.entries(facts.amounts ?? {}).map(([currency, amountMinor]) => ({ currency, amountMinor })), language);
}

/**
 * What an audit entry says happened, in English and in Korean, from its
 * action and facts, with its instants in `timeZone` (the reader's). Null for
 * an action the platform does not know.
 */
export function auditWords(action: string, facts: AuditFacts, timeZone: string): Words | null {
  const when = (at: string | undefined, language: 'en' | 'ko') => (at ? formatInstant(at, timeZone, language) : '');
  const title = { en: quoted(facts.title, 'en'), ko: quoted(facts.title, 'ko') };
  const application = { en: title.en ? `the application ${title.en}` : 'the application', ko: title.ko ? `신청서 ${title.ko}` : '신청서' };
  const name = facts.name;
  if (action.startsWith('application.') && facts.toStatus) {
    return transitionWords({ fromStatus: facts.fromStatus ?? null, toStatus: facts.toStatus, facts });
  }
  switch (action) {
    case 'fund.created':
      return {
        en: `Created the fund ${title.en} for ${andEn((facts.countryCodes ?? []).map((c) => countryName(c, 'en')))}, in ${andEn(facts.currencies ?? [])}.`,
        ko: `${andKo((facts.countryCodes ?? []).map((c) => countryName(c, 'ko')))}의 기금 ${withParticle(title.ko ?? '', '을/를')} 만들었습니다. 통화는 ${andKo(facts.currencies ?? [])}입니다.`,
      };
    case 'fund.updated': {
      const fields = fieldsOf(facts);
      return fields
        ? { en: `Edited the fund’s ${fields.en}.`, ko: `기금의 ${withParticle(fields.ko, '을/를')} 고쳤습니다.` }
        : { en: 'Saved the fund unchanged.', ko: '기금을 바꾼 것 없이 저장했습니다.' };
    }
    case 'ledger.contributed':
      return { en: `Recorded a contribution of ${money(facts, 'en')} from ${countryName(facts.countryCode, 'en')}.`, ko: `${countryName(facts.countryCode, 'ko')}의 출연금 납입을 기록했습니다: ${money(facts, 'ko')}.` };
    case 'ledger.returned':
      return { en: `Returned ${money(facts, 'en')} to ${countryName(facts.countryCode, 'en')}.`, ko: `${countryName(facts.countryCode, 'ko')}에 출연금을 반환했습니다: ${money(facts, 'ko')}.` };
    case 'ledger.committed':
      return { en: `Committed ${money(facts, 'en')} to ${application.en}.`, ko: `${application.ko}에 지원금을 약정했습니다: ${money(facts, 'ko')}.` };
    case 'ledger.released':
      return facts.underspend
        ? { en: `Released the underspend of ${money(facts, 'en')} on ${application.en}.`, ko: `${application.ko}의 집행 잔액을 해제했습니다: ${money(facts, 'ko')}.` }
        : { en: `Released ${money(facts, 'en')} committed to ${application.en}.`, ko: `${application.ko}에 약정한 금액을 해제했습니다: ${money(facts, 'ko')}.` };
    case 'call.created':
      return {
        en: `Created the call ${title.en}, open from ${when(facts.opensAt, 'en')} to ${when(facts.closesAt, 'en')}.`,
        ko: `공모 ${withParticle(title.ko ?? '', '을/를')} 만들었습니다. 접수는 ${when(facts.opensAt, 'ko')}에 시작해 ${when(facts.closesAt, 'ko')}에 마감됩니다.`,
      };
    case 'call.updated': {
      const fields = fieldsOf(facts);
      const call = { en: title.en ? `the call ${title.en}` : 'the call', ko: title.ko ? `공모 ${title.ko}` : '공모' };
      return fields
        ? { en: `Edited ${call.en}: its ${fields.en}.`, ko: `${call.ko}의 ${withParticle(fields.ko, '을/를')} 고쳤습니다.` }
        : { en: `Saved ${call.en} unchanged.`, ko: `${withParticle(call.ko, '을/를')} 바꾼 것 없이 저장했습니다.` };
    }
    case 'board.member-appointed':
      return { en: `Appointed ${name} to the board for ${countryName(facts.countryCode, 'en')}.`, ko: `${name} 님을 ${countryName(facts.countryCode, 'ko')} 측 운영위원으로 임명했습니다.` };
    case 'board.member-ended':
      return name ? { en: `Ended ${name}’s seat on the board.`, ko: `${name} 님의 운영위원 임기를 끝냈습니다.` } : { en: 'Ended a seat on the board.', ko: '운영위원 한 명의 임기를 끝냈습니다.' };
    case 'board.rules-updated': {
      const n = facts.quorumMinPerCountry ?? 1;
      return { en: `A quorum now needs at least ${plural(n, 'voter', 'voters')} from each country.`, ko: `이제 정족수를 채우려면 나라마다 ${n}명 이상 투표해야 합니다.` };
    }
    case 'conflict.declared':
      return name ? { en: `${name} declared a conflict of interest.`, ko: `${name} 님이 이해충돌을 신고했습니다.` } : { en: 'A board member declared a conflict of interest.', ko: '운영위원이 이해충돌을 신고했습니다.' };
    case 'application.created':
      return { en: `Started ${application.en}.`, ko: `${application.ko} 작성을 시작했습니다.` };
    case 'application.updated': {
      const fields = fieldsOf(facts);
      return fields ? { en: `Edited the draft’s ${fields.en}.`, ko: `초안의 ${withParticle(fields.ko, '을/를')} 고쳤습니다.` } : { en: 'Saved the draft unchanged.', ko: '초안을 바꾼 것 없이 저장했습니다.' };
    }
    case 'review.assigned': {
      const n = facts.reviewers ?? 0;
      const assigned = { en: `Assigned ${plural(n, 'reviewer', 'reviewers')}`, ko: `심사위원 ${n}명을 배정했습니다.` };
      return facts.dueAt ? { en: `${assigned.en}, due ${when(facts.dueAt, 'en')}.`, ko: `${assigned.ko} 심사 기한은 ${when(facts.dueAt, 'ko')}입니다.` } : { en: `${assigned.en}.`, ko: assigned.ko };
    }
    case 'review.unassigned':
      return { en: 'Removed a reviewer.', ko: '심사위원 한 명의 배정을 취소했습니다.' };
    case 'review.due-date-set':
      return {
        en: `Moved a review’s due date from ${when(facts.previousDueAt, 'en')} to ${when(facts.dueAt, 'en')}.`,
        ko: `심사 기한을 ${when(facts.previousDueAt, 'ko')}에서 ${withParticle(when(facts.dueAt, 'ko'), '으로/로')} 옮겼습니다.`,
      };
    case 'review.submitted': {
      const recommendation = RECOMMENDATION[facts.recommendation ?? Recommendation.FUND];
      return { en: `${name} submitted a review ${recommendation.en}.`, ko: `${name} 님이 심사를 제출했습니다(${recommendation.ko}).` };
    }
    case 'meeting.created':
      return title.en
        ? { en: `Called the board meeting ${title.en} for ${when(facts.startsAt, 'en')}.`, ko: `운영위원회 회의 ${withParticle(title.ko ?? '', '을/를')} ${when(facts.startsAt, 'ko')}에 소집했습니다.` }
        : { en: `Called a board meeting for ${when(facts.startsAt, 'en')}.`, ko: `운영위원회 회의를 ${when(facts.startsAt, 'ko')}에 소집했습니다.` };
    case 'meeting.agenda-added':
      return title.en ? { en: `Put on the agenda of the meeting ${title.en}.`, ko: `회의 ${title.ko}의 안건으로 올렸습니다.` } : { en: 'Put on a meeting’s agenda.', ko: '회의 안건으로 올렸습니다.' };
    case 'meeting.agenda-removed':
      return title.en ? { en: `Taken off the agenda of the meeting ${title.en}.`, ko: `회의 ${title.ko}의 안건에서 뺐습니다.` } : { en: 'Taken off a meeting’s agenda.', ko: '회의 안건에서 뺐습니다.' };
    case 'vote.cast': {
      const vote = VOTE[facts.choice ?? VoteChoice.ABSTAIN];
      return { en: `${name} ${vote.en}.`, ko: `${name} 님이 ${vote.ko}.` };
    }
    case 'decision.recorded':
      return decisionWords(facts);
    default:
      return null;
  }
}

function decisionWords(facts: AuditFacts): Words {
  const outcome = facts.outcome ?? DecisionOutcome.DEFERRED;
  const award = { en: money(facts, 'en'), ko: money(facts, 'ko') };
  const votes = facts.votes ?? { for: 0, against: 0, abstaining: 0 };
  return {
    en:
      `Recorded the decision: ${term(DECISION_OUTCOMES[outcome], 'en')}${award.en ? `, awarding ${award.en}` : ''} (${votes.for} for, ${votes.against} against, ${votes.abstaining} abstaining).` +
      (facts.supersedes ? ' It supersedes the earlier decision.' : ''),
    ko: `결정을 기록했습니다: ${OUTCOME_KO[outcome]}${award.ko ? `, 지원금 ${award.ko}` : ''}(찬성 ${votes.for}, 반대 ${votes.against}, 기권 ${votes.abstaining}).` + (facts.supersedes ? ' 이전 결정을 대신합니다.' : ''),
  };
}

/**
 * An entry's summary for a reader: said from its facts in their language, in
 * their zone (else their language's country's); an entry recorded before the
 * log kept facts, whose English sentence could not be read back, gives that
 * sentence as it was recorded, in English.
 */
export function auditSummary(
  entry: { action: string; facts: AuditFacts | null; legacySummary: string | null },
  language: 'en' | 'ko',
  timeZone: string | null | undefined,
): { text: string; lang: 'en' | 'ko' } {
  const said = entry.facts ? auditWords(entry.action, entry.facts, timeZone ?? (language === 'ko' ? KR_ZONE : UK_ZONE)) : null;
  if (said) return { text: said[language], lang: language };
  return { text: entry.legacySummary ?? entry.action, lang: 'en' };
}

/**
 * Who acted on an entry, as a reader in `language` names them: the person's
 * name in that language; the system when the platform acted (no actor); a
 * deleted account when the person is no longer there.
 */
export function auditActorName(actorUserId: string | null, actor: NamedInLanguages | null | undefined, language: Language): string {
  if (actor) return nameIn(actor, language);
  if (actorUserId) return language === 'ko' ? '삭제된 계정' : 'A deleted account';
  return language === 'ko' ? '시스템' : 'The system';
}
