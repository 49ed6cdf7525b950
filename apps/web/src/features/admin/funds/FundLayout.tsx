import { NavLink, Outlet, useParams } from 'react-router';
import { useQuery } from 'urql';
import { usePageTitle } from '../../../components/Layout';
import { LocalText } from '../../../components/LocalText';
import { PageFrame } from '../../../components/PageFrame';
import { useMessages } from '../../../i18n';
import { pickText } from '../../../i18n/format';
import { AdminFund } from './documents';
import { adminFundMessages } from './messages';

const TABS = [
  { key: 'money', path: '' },
  { key: 'calls', path: 'calls' },
  { key: 'board', path: 'board' },
  { key: 'meetings', path: 'meetings' },
  { key: 'audit', path: 'audit' },
] as const;

/** /admin/funds/:id/*: a fund's name and its pages (money, calls, board, meetings, audit log), each below. */
export default function FundLayout() {
  const { id = '' } = useParams();
  const { t, language } = useMessages(adminFundMessages);
  const [{ data, error, fetching }, reexecute] = useQuery({ query: AdminFund, variables: { id } });
  const fund = data?.fund;
  usePageTitle(fund ? pickText(fund.name, language).text : t('list.title'));
  const back = { to: '/admin/funds', label: t('back') };
  return (
    <PageFrame
      data={fund}
      error={error}
      fetching={fetching}
      onRetry={() => reexecute({ requestPolicy: 'network-only' })}
      back={back}
      notFound={{ title: t('list.title'), message: t('notFound'), back, notice: true }}
    >
      {(fund) => (
        <div className="admin-funds">
          <LocalText as="h1" value={fund.name} />
          <nav className="admin-funds__nav" aria-label={t('nav.label')}>
            <ul>
              {TABS.map((tab) => (
                <li key={tab.key}>
                  <NavLink to={tab.path ? `/admin/funds/${fund.id}/${tab.path}` : `/admin/funds/${fund.id}`} end={!tab.path}>
                    {t(`nav.${tab.key}`)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <Outlet context={{ fund }} />
        </div>
      )}
    </PageFrame>
  );
}
