import { Time } from '../../components/Time';
import { useMessages } from '../../i18n';
import { KR_ZONE, UK_ZONE } from '../../i18n/format';
import { useNow } from '../../hooks/useNow';
import { fundingMessages } from './messages';
import { type Call } from './documents';

/** The call's close in the viewer's zone and both countries', with the time left. */
export function Deadline({ call }: { call: Call }) {
  const { t } = useMessages(fundingMessages);
  const now = useNow(30_000);
  const left = Date.parse(call.closesAt) - now;
  let countdown: string;
  if (left <= 0) countdown = t('application.countdown.closed');
  else {
    const minutes = Math.floor(left / 60_000);
    const days = Math.floor(minutes / 1440);
    const hours = Math.floor((minutes % 1440) / 60);
    const parts =
      days > 0
        ? [t('application.countdown.days', { count: days }), t('application.countdown.hours', { count: hours })]
        : [t('application.countdown.hours', { count: hours }), t('application.countdown.minutes', { count: minutes % 60 })];
    countdown = t('application.countdown.left', { time: parts.join(' ') });
  }
  return (
    <section className="panel" aria-labelledby="deadline-heading">
      <h2 id="deadline-heading">{t('application.deadline')}</h2>
      <p data-testid="deadline">
        <Time value={call.closesAt} also={[UK_ZONE, KR_ZONE]} />
      </p>
      <p className="countdown">{countdown}</p>
    </section>
  );
}
