import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ErrorNotice } from '../../components/ErrorNotice';
import { graphql } from '../../gql';
import { useMessages } from '../../i18n';
import { caseStudyMessages } from './messages';

const PanelQuery = graphql(`
  query CaseStudiesAccountPanel {
    myCaseStudies(first: 1) {
      totalCount
    }
  }
`);

/** On the account page: how many case studies you write or review, and where to follow them. */
export function AccountCaseStudiesPanel() {
  const { t } = useMessages(caseStudyMessages);
  const [{ data, error }, reexecute] = useQuery({ query: PanelQuery });
  const count = data?.myCaseStudies.totalCount;
  return (
    <section aria-labelledby="account-case-studies">
      <h2 id="account-case-studies">{t('panel.title')}</h2>
      <ErrorNotice error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      {count !== undefined && <p>{count > 0 ? t('panel.body', { count }) : t('panel.none')}</p>}
      <p>
        <Link to="/me/case-studies">{t('panel.list')}</Link>
        {' · '}
        <Link to="/case-studies/new">{t('panel.write')}</Link>
      </p>
    </section>
  );
}
