import { Time } from '../../components/Time';
import { useMessages } from '../../i18n';
import { KR_ZONE, UK_ZONE } from '../../i18n/format';
import { ApplicationStatus } from './ApplicationStatus';
import { fundingMessages } from './messages';

interface Step {
  id: string;
  at: string;
  toStatus: string;
  summary: string;
  reason?: string | null;
}

/**
 * An application's history, oldest first: each step's status and time, what
 * happened as the API says it in the page's language, and the person's own
 * words, when they gave any, quoted as they wrote them.
 */
export function ApplicationHistory({ steps, heading }: { steps: readonly Step[]; heading: string }) {
  const { t } = useMessages(fundingMessages);
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{heading}</h2>
      <ol className="stage-history">
        {steps.map((step) => (
          <li key={step.id}>
            <ApplicationStatus status={step.toStatus} /> <Time value={step.at} also={[UK_ZONE, KR_ZONE]} />
            <p>{step.summary}</p>
            {step.reason && (
              <p className="stage-history__words">
                {t('application.ownWords')} <q>{step.reason}</q>
              </p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
