import { useState, type FormEvent } from 'react';
import { TypedText } from '../../../components/LocalText';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { BilingualField, bilingualInput, bilingualProblem, fromLocalized, TEXT_MAX, TITLE_MAX } from '../../../components/BilingualField';
import { ErrorNotice, Loading } from '../../../components/ErrorNotice';
import { Field } from '../../../components/Field';
import { MoreButton, Paged } from '../../../components/Paged';
import { Time } from '../../../components/Time';
import { useMessages } from '../../../i18n';
import { formMessages } from '../../../i18n/forms';
import { amountProblem, formatMinor, parseAmount } from '../../../i18n/money';
import { ConfirmGroup } from '../../../components/Confirm';
import { AdminFundLedger, AdminFundMoney, AdminRecordContribution, AdminReturnContribution, AdminUpdateFund } from './documents';
import { adminFundMessages } from './messages';
import { currencyOf, FundsError, PAGE, useCountryName, useFund, type AdminFundView } from './shared';
import { useAnnouncer } from '../../../components/useAnnouncer';

/** /admin/funds/:id: the fund's balances reconciled in both currencies, contributions and returns, its ledger, and editing it. */
export default function FundMoneyPage() {
  const fund = useFund();
  const { t } = useMessages(adminFundMessages);
  // Each recorded movement shows at once in the balances and the ledger.
  const [version, setVersion] = useState(0);
  const moved = () => setVersion((v) => v + 1);
  return (
    <>
      <EditFund fund={fund} />
      <Balances key={`balances-${version}`} fundId={fund.id} />
      <div className="admin-funds__columns">
        <MoneyForm fund={fund} mode="record" onDone={moved} />
        <MoneyForm fund={fund} mode="return" onDone={moved} />
      </div>
      <section aria-labelledby="ledger-heading">
        <h2 id="ledger-heading">{t('ledger.title')}</h2>
        <Paged key={`ledger-${version}`} renderPage={(after, isLast, onMore) => <LedgerPage key={after ?? 'first'} fundId={fund.id} after={after} isLast={isLast} onMore={onMore} />} />
      </section>
    </>
  );
}

function EditFund({ fund }: { fund: AdminFundView }) {
  const { t } = useMessages(adminFundMessages);
  const { t: tForm } = useMessages(formMessages);
  const [name, setName] = useState(() => fromLocalized(fund.name));
  const [description, setDescription] = useState(() => fromLocalized(fund.description));
  const [result, save] = useMutation(AdminUpdateFund);
  const { line, announce } = useAnnouncer();
  const nameProblem = bilingualProblem(name, TITLE_MAX, tForm);
  const hasDescription = !!(description.en.trim() || description.ko.trim());
  const descriptionProblem = hasDescription ? bilingualProblem(description, TEXT_MAX, tForm) : null;
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (nameProblem || descriptionProblem) return;
    const { data } = await save({ input: { id: fund.id, name: bilingualInput(name), description: hasDescription ? bilingualInput(description) : undefined } });
    if (data) announce(t('edit.saved'));
  }
  return (
    <details className="panel">
      <summary>{t('edit.open')}</summary>
      <form className="form" onSubmit={submit} noValidate aria-label={t('edit.title')}>
        <BilingualField label={t('create.name')} value={name} onChange={setName} problem={nameProblem} maxLength={TITLE_MAX} />
        <BilingualField label={t('create.description')} value={description} onChange={setDescription} problem={descriptionProblem} maxLength={TEXT_MAX} multiline />
        <FundsError error={result.error} />
        <div>
          <button type="submit" className="button button--primary" disabled={result.fetching}>
            {t('edit.submit')}
          </button>
        </div>
        {line}
      </form>
    </details>
  );
}

function Balances({ fundId }: { fundId: string }) {
  const { t, language } = useMessages(adminFundMessages);
  const [{ data, error, fetching }, reexecute] = useQuery({ query: AdminFundMoney, variables: { id: fundId }, requestPolicy: 'network-only' });
  const fund = data?.fund;
  return (
    <section aria-labelledby="balances-heading">
      <h2 id="balances-heading">{t('money.title')}</h2>
      <p>{t('money.intro')}</p>
      <ErrorNotice error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      {fetching && !fund && <Loading />}
      {fund && (
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="balances-caption">
          <table>
            <caption id="balances-caption">{t('money.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('money.currency')}</th>
                <th scope="col">{t('money.contributed')}</th>
                <th scope="col">{t('money.returned')}</th>
                <th scope="col">{t('money.committed')}</th>
                <th scope="col">{t('money.released')}</th>
                <th scope="col">{t('money.available')}</th>
                <th scope="col">{t('money.fromLedger')}</th>
                <th scope="col">{t('money.check')}</th>
              </tr>
            </thead>
            <tbody>
              {fund.balances.map((balance) => {
                const check = fund.reconciliation?.find((r) => r.currency === balance.currency);
                return (
                  <tr key={balance.currency} data-currency={balance.currency}>
                    <th scope="row">{balance.currency}</th>
                    <td>{balance.contributed[language]}</td>
                    <td>{balance.returned[language]}</td>
                    <td>{balance.committed[language]}</td>
                    <td>{balance.released[language]}</td>
                    <td data-testid={`available-${balance.currency}`}>{balance.available[language]}</td>
                    <td>{check?.fromLedger[language] ?? '—'}</td>
                    <td>{check && (check.reconciles ? <span className="admin-funds__ok">{t('money.reconciles')}</span> : <span className="admin-funds__bad">{t('money.mismatch')}</span>)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** Recording a government's payment in, or paying money back to one: each in the country's own currency, confirmed first. */
function MoneyForm({ fund, mode, onDone }: { fund: AdminFundView; mode: 'record' | 'return'; onDone: () => void }) {
  const { t, language } = useMessages(adminFundMessages);
  const { t: tForm } = useMessages(formMessages);
  const countryName = useCountryName();
  const [country, setCountry] = useState(fund.countryCodes[0] ?? '');
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [recordResult, record] = useMutation(AdminRecordContribution);
  const [returnResult, giveBack] = useMutation(AdminReturnContribution);
  const result = mode === 'record' ? recordResult : returnResult;
  const { line, announce } = useAnnouncer();
  const currency = currencyOf(fund, country);
  const problem = amountProblem(amount, currency, tForm);
  const parsed = parseAmount(amount, currency);
  const government = t(`government.${country === 'KR' ? 'KR' : 'GB'}`);
  const id = `money-${mode}`;

  function ask(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (!problem) setConfirming(true);
  }
  async function go() {
    if (!parsed.ok) return;
    const input = { fundId: fund.id, countryCode: country, amountMinor: parsed.minor, note: note.trim() || undefined };
    const { data } = mode === 'record' ? await record({ input }) : await giveBack({ input });
    setConfirming(false);
    if (data) {
      setAmount('');
      setNote('');
      setTried(false);
      announce(mode === 'record' ? t('contribution.recorded') : t('contribution.returnedDone'));
      onDone();
    }
  }

  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>{mode === 'record' ? t('contribution.recordTitle') : t('contribution.returnTitle')}</h2>
      <p>{mode === 'record' ? t('contribution.recordIntro') : t('contribution.returnIntro')}</p>
      <form className="form" onSubmit={ask} noValidate>
        <Field
          label={mode === 'record' ? t('contribution.from') : t('contribution.to')}
          render={(control) => (
            <select {...control} value={country} disabled={confirming} onChange={(e) => setCountry(e.target.value)}>
              {fund.countryCodes.map((code) => (
                <option key={code} value={code}>
                  {countryName(code)} ({currencyOf(fund, code)})
                </option>
              ))}
            </select>
          )}
        />
        <Field label={t('contribution.amount', { currency })} inputMode="decimal" value={amount} readOnly={confirming} onChange={(e) => setAmount(e.target.value)} problem={tried ? problem : null} />
        <Field label={t('contribution.note')} value={note} maxLength={500} readOnly={confirming} onChange={(e) => setNote(e.target.value)} />
        <FundsError error={result.error} />
        {confirming && parsed.ok ? (
          <ConfirmGroup
            label={mode === 'record' ? t('contribution.recordTitle') : t('contribution.returnTitle')}
            confirm={mode === 'record' ? t('contribution.yesRecord') : t('contribution.yesReturn')}
            confirmClass={mode === 'record' ? 'button--primary' : 'button--danger'}
            cancel={t('contribution.keep')}
            busy={result.fetching}
            onConfirm={() => void go()}
            onCancel={() => setConfirming(false)}
          >
            <p>{t(mode === 'record' ? 'contribution.confirmRecord' : 'contribution.confirmReturn', { amount: formatMinor(parsed.minor, currency, language), government })}</p>
          </ConfirmGroup>
        ) : (
          <div>
            <button type="submit" className={`button ${mode === 'record' ? 'button--primary' : 'button--secondary'}`}>
              {mode === 'record' ? t('contribution.record') : t('contribution.return')}
            </button>
          </div>
        )}
        {line}
      </form>
    </section>
  );
}

function LedgerPage({ fundId, after, isLast, onMore }: { fundId: string; after: string | null; isLast: boolean; onMore: (cursor: string) => void }) {
  const { t, language } = useMessages(adminFundMessages);
  const countryName = useCountryName();
  const [{ data, error, fetching }, reexecute] = useQuery({ query: AdminFundLedger, variables: { id: fundId, first: PAGE, after }, requestPolicy: 'network-only' });
  const entries = data?.fund.ledger?.nodes ?? [];
  const first = after === null;
  return (
    <>
      <ErrorNotice error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      {fetching && !data && <Loading />}
      {data && first && entries.length === 0 && <p>{t('ledger.none')}</p>}
      {entries.length > 0 && (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t('ledger.caption')}>
          <table>
            {first && <caption>{t('ledger.caption')}</caption>}
            <thead>
              <tr>
                <th scope="col">{t('ledger.when')}</th>
                <th scope="col">{t('ledger.kind')}</th>
                <th scope="col">{t('ledger.reason')}</th>
                <th scope="col">{t('ledger.country')}</th>
                <th scope="col">{t('ledger.amount')}</th>
                <th scope="col">{t('ledger.note')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td>
                    <Time value={entry.at} />
                  </td>
                  <td>{t(`kind.${entry.kind}`)}</td>
                  <td>
                    {t(`reason.${entry.reason}`)}
                    {entry.applicationId && (
                      <>
                        {' · '}
                        <Link to={`/board/applications/${entry.applicationId}`}>{t('ledger.application')}</Link>
                      </>
                    )}
                  </td>
                  <td>{entry.countryCode ? countryName(entry.countryCode) : '—'}</td>
                  <td>{entry.amount[language]}</td>
                  <td>{entry.note ? <TypedText text={entry.note} /> : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data && isLast && (
        <MoreButton pageInfo={data.fund.ledger?.pageInfo} onMore={onMore}>
          {t('ledger.more')}
        </MoreButton>
      )}
    </>
  );
}
