import { registerEnumType } from '@nestjs/graphql';

export enum ApplicationStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  ELIGIBILITY_CHECKED = 'ELIGIBILITY_CHECKED',
  UNDER_REVIEW = 'UNDER_REVIEW',
  DECIDED = 'DECIDED',
  AWARD_ACCEPTED = 'AWARD_ACCEPTED',
  IN_DELIVERY = 'IN_DELIVERY',
  CLOSED = 'CLOSED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(ApplicationStatus, {
  name: 'ApplicationStatus',
  description:
    'DRAFT → SUBMITTED → ELIGIBILITY_CHECKED → UNDER_REVIEW → DECIDED → AWARD_ACCEPTED → IN_DELIVERY → CLOSED; WITHDRAWN from any state before a decision. A submitted application may be returned to DRAFT by a fund admin.',
});

export enum DecisionOutcome {
  APPROVED = 'APPROVED',
  APPROVED_WITH_CONDITIONS = 'APPROVED_WITH_CONDITIONS',
  REJECTED = 'REJECTED',
  DEFERRED = 'DEFERRED',
}
registerEnumType(DecisionOutcome, { name: 'DecisionOutcome' });

export const APPROVING = [DecisionOutcome.APPROVED, DecisionOutcome.APPROVED_WITH_CONDITIONS];

export enum BudgetCategory {
  STAFF = 'STAFF',
  TRAVEL = 'TRAVEL',
  EQUIPMENT = 'EQUIPMENT',
  SERVICES = 'SERVICES',
  EVENTS = 'EVENTS',
  OTHER = 'OTHER',
}
registerEnumType(BudgetCategory, { name: 'BudgetCategory' });

/** While an application is in one of these, its reviewers may be assigned and its reviews are open. */
export const REVIEWABLE_STATUSES = [ApplicationStatus.ELIGIBILITY_CHECKED, ApplicationStatus.UNDER_REVIEW];
