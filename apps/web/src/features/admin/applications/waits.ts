import type { TranslateOf } from '../../../i18n';
import type { adminApplicationMessages } from './messages';

/** What an application is waiting for, in words: by its status, its decision, its reviewers and reviews against the call's number. */
export function waitsFor(
  application: { status: string; outcome?: string | null; call: { reviewersPerApplication: number }; reviewAssignments?: ReadonlyArray<{ submittedAt?: unknown }> | null },
  t: TranslateOf<typeof adminApplicationMessages>,
): string {
  const assignments = application.reviewAssignments ?? [];
  const needed = application.call.reviewersPerApplication;
  switch (application.status) {
    case 'ELIGIBILITY_CHECKED':
      return t('waits.ELIGIBILITY_CHECKED', { assigned: assignments.length, needed });
    case 'UNDER_REVIEW': {
      const submitted = assignments.filter((a) => a.submittedAt).length;
      return submitted >= needed ? t('waits.UNDER_REVIEW_DONE') : t('waits.UNDER_REVIEW', { submitted, needed });
    }
    case 'DECIDED':
      if (application.outcome === 'DEFERRED') return t('waits.DECIDED_DEFERRED');
      if (application.outcome === 'REJECTED') return t('waits.DECIDED_REJECTED');
      return t('waits.DECIDED_APPROVED');
    case 'DRAFT':
    case 'SUBMITTED':
    case 'AWARD_ACCEPTED':
    case 'IN_DELIVERY':
    case 'CLOSED':
    case 'WITHDRAWN':
      return t(`waits.${application.status}`);
    default:
      return '';
  }
}
