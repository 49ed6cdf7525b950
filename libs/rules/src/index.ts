/**
 * Rules both the API and the web app apply, in plain TypeScript: no Nest, no
 * database, nothing of the browser. The web app's build aliases @app/rules
 * here as the API's does, so a rule is written once.
 */
export { EMAIL_MAX, looksLikeEmail, PASSWORD_LENGTH } from './accounts';
export { CASE_STUDY_LIMITS, caseStudyTextProblems, characterCount, type CaseStudyTextField } from './case-studies';
export { EVENT_LIMITS, eventShapeRules, type EventShapeField, type EventShapeInput, type EventShapeRule } from './events';
export { EVIDENCE_LIMITS } from './evidence';
export { TEXT_LIMITS } from './text';
export { TWINNING_LIMITS } from './twinning';
export { amountsText, convertAtRate, convertedText, difference, formatAmount, fromRecord, matchPercent, minorDigits, sumByCurrency, toRecord, type Amounts, type MoneyLanguage } from './money';
export { roundScore, weightedScore } from './reviews';
export { durationText, timeLeft, type TimeLeft } from './time-left';
export { fillKorean, koreanNumber, particleOf, quantityText, withParticle, type Particle } from './korean';
export {
  formatClock,
  formatDay,
  formatInstant,
  formatSpan,
  KR_ZONE,
  UK_ZONE,
  utcOffset,
  zoneAbbreviation,
  zoneChoiceLabel,
  zoneChoices,
  zoneCity,
  zoneFullName,
  zoneName,
  type InstantStyle,
  type ZoneLanguage,
} from './time-zones';
export { APPLICATION_STATUSES, COUNTRIES, countryName, DECISION_OUTCOMES, forbiddenVariants, GLOSSARY, LINK_KINDS, MILESTONE_STATUSES, PROJECT_STAGES, term, termLabels, TWINNING_STATUSES, type GlossaryKey, type GlossaryTerm } from './glossary';
