import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { ErrorNotice, Loading } from '../../../components/ErrorNotice';
import { Field } from '../../../components/Field';
import { Time } from '../../../components/Time';
import type { AdminFundBoardQuery, AdminUserSearchQuery } from '../../../gql/graphql';
import { useDebounced } from '../../../hooks/useDebounced';
import { useMessages } from '../../../i18n';
import { ConfirmGroup } from '../../../components/Confirm';
import { AdminAppointMember, AdminEndMembership, AdminFundBoard, AdminUpdateBoardRules, AdminUserSearch } from './documents';
import { adminFundMessages } from './messages';
import { FundsError, useCountryName, useFund, type AdminFundView } from './shared';
import { useAnnouncer } from '../../../components/useAnnouncer';

type Member = AdminFundBoardQuery['fund']['board']['members'][number];
type Person = AdminUserSearchQuery['users']['nodes'][number];
type Organisation = Person['organisations'][number];

/** An organisation's name in the reader's language. */
const orgName = (org: Pick<Organisation, 'nameEn' | 'nameKo'>, language: string) => (language === 'ko' ? org.nameKo : org.nameEn);

/** /admin/funds/:id/board: the board's seats by country, past seats, appointing a member, ending a seat, and the quorum rule. */
export default function FundBoardPage() {
  const fund = useFund();
  const { t } = useMessages(adminFundMessages);
  const countryName = useCountryName();
  const [{ data, error, fetching }, reexecute] = useQuery({ query: AdminFundBoard, variables: { id: fund.id }, requestPolicy: 'cache-and-network' });
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  const { line, announce } = useAnnouncer();
  const board = data?.fund.board;
  const current = board?.members.filter((m) => !m.endedAt) ?? [];
  const past = board?.members.filter((m) => m.endedAt) ?? [];
  const changed = (text: string) => {
    announce(text);
    refresh();
  };
  return (
    <section aria-labelledby="board-heading">
      <h2 id="board-heading">{t('board.title')}</h2>
      <p>{t('board.intro')}</p>
      <ErrorNotice error={error} onRetry={refresh} />
      {fetching && !board && <Loading />}
      {line}
      {board && (
        <>
          {fund.countryCodes.map((country) => {
            const seats = current.filter((m) => m.countryCode === country);
            const heading = t('board.current', { country: countryName(country) });
            return (
              <section key={country} aria-label={heading}>
                <h3>{heading}</h3>
                {seats.length === 0 ? (
                  <p>{t('board.noneFor')}</p>
                ) : (
                  <ul className="list admin-funds__list">
                    {seats.map((member) => (
                      <Seat key={member.id} member={member} onEnded={() => changed(t('board.endedDone'))} />
                    ))}
                  </ul>
                )}
              </section>
            );
          })}
          <section aria-labelledby="past-heading">
            <h3 id="past-heading">{t('board.past')}</h3>
            {past.length === 0 ? (
              <p>{t('board.nonePast')}</p>
            ) : (
              <ul className="list admin-funds__list">
                {past.map((member) => (
                  <Seat key={member.id} member={member} onEnded={refresh} />
                ))}
              </ul>
            )}
          </section>
          <AppointMember fund={fund} onAppointed={(name) => changed(t('board.appoint.done', { name }))} />
          <QuorumRule fundId={fund.id} current={board.quorumMinPerCountry} />
        </>
      )}
    </section>
  );
}

/** A seat: who, for which country, since (and until) when, for whom; a current one may be ended, with a reason, once confirmed. */
function Seat({ member, onEnded }: { member: Member; onEnded: () => void }) {
  const { t, language } = useMessages(adminFundMessages);
  const countryName = useCountryName();
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const [result, end] = useMutation(AdminEndMembership);
  const affiliations = [...member.affiliations.map((o) => orgName(o, language)), member.affiliationNote].filter(Boolean).join(' · ');
  async function go() {
    setTried(true);
    if (!reason.trim()) return;
    const { data } = await end({ input: { memberId: member.id, reason: reason.trim() } });
    if (data) {
      setConfirming(false);
      onEnded();
    }
  }
  const label = t('board.endLabel', { name: member.displayName });
  return (
    <li data-member-id={member.id}>
      <article aria-label={member.displayName}>
        <h4>
          {member.displayName} <span className={`badge badge--${member.countryCode === 'KR' ? 'kr' : 'uk'}`}>{countryName(member.countryCode)}</span>
        </h4>
        <dl className="admin-funds__facts">
          <dt>{t('board.appointed')}</dt>
          <dd>
            <Time value={member.appointedAt} />
          </dd>
          {member.endedAt && (
            <>
              <dt>{t('board.ended')}</dt>
              <dd>
                <Time value={member.endedAt} />
              </dd>
            </>
          )}
          <dt>{t('board.affiliations')}</dt>
          <dd>{affiliations || t('board.noAffiliations')}</dd>
        </dl>
        <FundsError error={result.error} />
        {!member.endedAt && !confirming && (
          <button type="button" className="button button--secondary" aria-label={label} onClick={() => setConfirming(true)}>
            {t('board.end')}
          </button>
        )}
        {!member.endedAt && confirming && (
          <ConfirmGroup label={label} confirm={t('board.endConfirm')} confirmClass="button--danger" cancel={t('board.keep')} busy={result.fetching} onConfirm={() => void go()} onCancel={() => setConfirming(false)}>
            <p>{t('board.endWarning')}</p>
            <Field
              label={t('board.endReason')}
              problem={tried && !reason.trim() ? t('board.needReason') : null}
              render={(control) => <textarea {...control} rows={2} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} autoFocus />}
            />
          </ConfirmGroup>
        )}
      </article>
    </li>
  );
}

/** Seating a person found by name or email, for a country, with the organisations they act for. */
function AppointMember({ fund, onAppointed }: { fund: AdminFundView; onAppointed: (name: string) => void }) {
  const { t, language } = useMessages(adminFundMessages);
  const countryName = useCountryName();
  const [search, setSearch] = useState('');
  const term = useDebounced(search.trim(), 300);
  const [{ data, error }] = useQuery({ query: AdminUserSearch, variables: { search: term }, pause: term.length < 2 });
  const [person, setPerson] = useState<Person | null>(null);
  const [country, setCountry] = useState(fund.countryCodes[0] ?? '');
  const [organisationIds, setOrganisationIds] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const [result, appoint] = useMutation(AdminAppointMember);
  const people = term.length >= 2 ? (data?.users.nodes ?? []) : [];

  function choose(next: Person) {
    setPerson(next);
    setOrganisationIds(next.organisations.map((o) => o.id));
  }
  async function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (!person) return;
    const { data: appointed } = await appoint({ input: { fundId: fund.id, userId: person.id, countryCode: country, organisationIds, affiliationNote: note.trim() || undefined } });
    if (appointed) {
      onAppointed(person.displayName);
      setPerson(null);
      setSearch('');
      setNote('');
      setTried(false);
    }
  }
  return (
    <section className="panel" aria-labelledby="appoint-heading">
      <h3 id="appoint-heading">{t('board.appoint.title')}</h3>
      <form className="form" onSubmit={submit} noValidate>
        <Field label={t('board.appoint.search')} hint={t('board.appoint.searchHint')} type="search" value={search} onChange={(e) => setSearch(e.target.value)} autoComplete="off" />
        <ErrorNotice error={error} />
        {term.length >= 2 && data && people.length === 0 && <p>{t('board.appoint.noResults')}</p>}
        {people.length > 0 && (
          <fieldset className="admin-funds__checks">
            <legend>{t('board.appoint.results')}</legend>
            {people.map((p) => (
              <label key={p.id}>
                <input type="radio" name="appoint-person" checked={person?.id === p.id} onChange={() => choose(p)} />
                {p.displayName} {p.email && <span className="muted">({p.email})</span>}
              </label>
            ))}
          </fieldset>
        )}
        {person ? <p>{t('board.appoint.chosen', { name: person.displayName })}</p> : tried && <p className="field__problem">{t('board.appoint.pick')}</p>}
        <Field
          label={t('board.appoint.country')}
          render={(control) => (
            <select {...control} value={country} onChange={(e) => setCountry(e.target.value)}>
              {fund.countryCodes.map((code) => (
                <option key={code} value={code}>
                  {countryName(code)}
                </option>
              ))}
            </select>
          )}
        />
        {person && (
          <fieldset className="admin-funds__checks">
            <legend>{t('board.appoint.affiliations')}</legend>
            <p className="field__hint">{t('board.appoint.affiliationsHint')}</p>
            {person.organisations.length === 0 && <p>{t('board.appoint.none')}</p>}
            {person.organisations.map((org) => (
              <label key={org.id}>
                <input
                  type="checkbox"
                  checked={organisationIds.includes(org.id)}
                  onChange={(e) => setOrganisationIds(e.target.checked ? [...organisationIds, org.id] : organisationIds.filter((id) => id !== org.id))}
                />
                {orgName(org, language)}
              </label>
            ))}
          </fieldset>
        )}
        <Field label={t('board.appoint.note')} value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
        <FundsError error={result.error} />
        <div>
          <button type="submit" className="button button--primary" disabled={result.fetching}>
            {t('board.appoint.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** How many voters each country needs for a quorum. */
function QuorumRule({ fundId, current }: { fundId: string; current: number }) {
  const { t } = useMessages(adminFundMessages);
  const [value, setValue] = useState(String(current));
  const [result, save] = useMutation(AdminUpdateBoardRules);
  const { line, announce } = useAnnouncer();
  const valid = /^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= 5;
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!valid) return;
    const { data } = await save({ input: { fundId, quorumMinPerCountry: Number(value) } });
    if (data) announce(t('board.rules.saved'));
  }
  return (
    <section className="panel" aria-labelledby="rules-heading">
      <h3 id="rules-heading">{t('board.rules.title')}</h3>
      <p>{t('board.rules.intro')}</p>
      <form className="form" onSubmit={submit} noValidate>
        <Field label={t('board.rules.min')} inputMode="numeric" value={value} onChange={(e) => setValue(e.target.value)} problem={valid ? null : t('call.problems.whole', { min: 1, max: 5 })} />
        <FundsError error={result.error} />
        <div>
          <button type="submit" className="button button--secondary" disabled={result.fetching}>
            {t('board.rules.submit')}
          </button>
        </div>
        {line}
      </form>
    </section>
  );
}
