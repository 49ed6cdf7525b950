import { StatusBadge } from '../../components/StatusBadge';
import { useMessages } from '../../i18n';
import { fundingMessages } from './messages';

/** The budget categories an application's lines use, in the order a person chooses from them. */
export const CATEGORIES = ['STAFF', 'TRAVEL', 'EQUIPMENT', 'SERVICES', 'EVENTS', 'OTHER'] as const;

/** An application's status as a badge (in the lists, on the application and in its history). */
export function ApplicationStatus({ status }: { status: string }) {
  const { t } = useMessages(fundingMessages);
  return (
    <StatusBadge kind="status" status={status}>
      {t(`appStatus.${status}` as 'appStatus.DRAFT')}
    </StatusBadge>
  );
}
