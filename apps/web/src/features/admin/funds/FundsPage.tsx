import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { BilingualField, bilingualInput, bilingualProblem, TEXT_MAX, TITLE_MAX, type Bilingual } from '../../../components/BilingualField';
import { ErrorNotice, Loading } from '../../../components/ErrorNotice';
import { usePageTitle } from '../../../components/Layout';
import { LocalText } from '../../../components/LocalText';
import { MoreButton, Paged } from '../../../components/Paged';
import { Time } from '../../../components/Time';
import { useMessages } from '../../../i18n';
import { formMessages } from '../../../i18n/forms';
import { moneyText } from '../../../i18n/money';
import { AdminCreateFund, AdminFunds } from './documents';
import { adminFundMessages } from './messages';
import { FundsError, PAGE, useCountryName } from './shared';

/** /admin/funds: every fund with what it has available, and creating one. */
export default function FundsPage() {
  const { t } = useMessages(adminFundMessages);
  usePageTitle(t('list.title'));
  return (
    <div className="page">
      <h1>{t('list.title')}</h1>
      <p>{t('list.intro')}</p>
      <Paged renderPage={(after, isLast, onMore) => <FundsListPage key={after ?? 'first'} after={after} isLast={isLast} onMore={onMore} />} />
      <CreateFund />
    </div>
  );
}

function FundsListPage({ after, isLast, onMore }: { after: string | null; isLast: boolean; onMore: (cursor: string) => void }) {
  const { t, language } = useMessages(adminFundMessages);
  const countryName = useCountryName();
  const [{ data, error, fetching }, reexecute] = useQuery({ query: AdminFunds, variables: { first: PAGE, after }, requestPolicy: 'cache-and-network' });
  const funds = data?.funds.nodes ?? [];
  return (
    <>
      <ErrorNotice error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      {fetching && !data && <Loading />}
      {data && after === null && funds.length === 0 && <p>{t('list.none')}</p>}
      {funds.length > 0 && (
        <ul className="list admin-funds__list">
          {funds.map((fund) => (
            <li key={fund.id}>
              <h2>
                <Link to={`/admin/funds/${fund.id}`}>
                  <LocalText value={fund.name} />
                </Link>
              </h2>
              <dl className="admin-funds__facts">
                <dt>{t('list.countries')}</dt>
                <dd>{fund.countryCodes.map(countryName).join(' · ')}</dd>
                <dt>{t('list.available')}</dt>
                <dd>{moneyText(fund.balances.map((b) => b.available), language)}</dd>
                <dt>{t('list.created')}</dt>
                <dd>
                  <Time value={fund.createdAt} />
                </dd>
              </dl>
            </li>
          ))}
        </ul>
      )}
      {data && isLast && (
        <MoreButton pageInfo={data.funds.pageInfo} onMore={onMore}>
          {t('list.more')}
        </MoreButton>
      )}
    </>
  );
}

const EMPTY: Bilingual = { en: '', ko: '' };

function CreateFund() {
  const { t } = useMessages(adminFundMessages);
  const { t: tForm } = useMessages(formMessages);
  const navigate = useNavigate();
  const [name, setName] = useState(EMPTY);
  const [description, setDescription] = useState(EMPTY);
  const [tried, setTried] = useState(false);
  const [result, create] = useMutation(AdminCreateFund);
  const nameProblem = bilingualProblem(name, TITLE_MAX, tForm);
  const descriptionProblem = description.en.trim() || description.ko.trim() ? bilingualProblem(description, TEXT_MAX, tForm) : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (nameProblem || descriptionProblem) return;
    const { data } = await create({
      input: { name: bilingualInput(name), description: description.en.trim() || description.ko.trim() ? bilingualInput(description) : undefined, countryCodes: ['GB', 'KR'] },
    });
    if (data) navigate(`/admin/funds/${data.createFund.id}`);
  }

  return (
    <section className="panel" aria-labelledby="create-fund">
      <h2 id="create-fund">{t('create.title')}</h2>
      <p>{t('create.intro')}</p>
      <form className="form" onSubmit={submit} noValidate>
        <BilingualField label={t('create.name')} value={name} onChange={setName} problem={tried ? nameProblem : null} maxLength={TITLE_MAX} />
        <BilingualField label={t('create.description')} value={description} onChange={setDescription} problem={tried ? descriptionProblem : null} maxLength={TEXT_MAX} multiline />
        <FundsError error={result.error} />
        <div>
          <button type="submit" className="button button--primary" disabled={result.fetching}>
            {t('create.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
