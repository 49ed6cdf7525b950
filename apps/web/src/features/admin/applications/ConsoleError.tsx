import type { CombinedError } from 'urql';
import { ExplainedError } from '../../../components/ErrorNotice';
import { useMessages } from '../../../i18n';
import { adminApplicationMessages } from './messages';

const REASONS = ['ILLEGAL_TRANSITION', 'CONFLICT_OF_INTEREST', 'ON_AGENDA', 'REVIEW_SUBMITTED', 'REVIEW_WITHDRAWN', 'NOT_ELIGIBLE'] as const;
type Reason = (typeof REASONS)[number];
const isReason = (value: string): value is Reason => REASONS.includes(value as Reason);

/** An API error on the application's page; the fund's refusals (a CONFLICT with a known reason) explained in the reader's language. */
export function ConsoleError({ error }: { error?: CombinedError | null }) {
  const { t } = useMessages(adminApplicationMessages);
  return <ExplainedError error={error} explain={(reason) => (isReason(reason) ? t(`reasons.${reason}`) : null)} />;
}
