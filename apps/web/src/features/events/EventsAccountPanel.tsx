import { Link } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { useMessages } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { eventsMessages } from './messages';

const EventsAccountSummary = graphql(`
  query EventsAccountSummary {
    myRegistrations(first: 1, filter: { upcoming: true }) {
      totalCount
    }
  }
`);

/** The account page's events panel: how many upcoming registrations, and the way to them. */
export function EventsAccountPanel() {
  const { t, language } = useMessages(eventsMessages);
  const [{ data }] = useQuery({ query: EventsAccountSummary, requestPolicy: 'cache-and-network' });
  const count = data?.myRegistrations.totalCount;
  return (
    <section aria-labelledby="events-account-panel">
      <h2 id="events-account-panel">{t('account.title')}</h2>
      {count !== undefined && <p>{t('account.count', { count, n: formatNumber(count, language) })}</p>}
      <p>
        <Link to="/me/events">{t('account.link')}</Link>
      </p>
    </section>
  );
}
