import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { problemOf } from '../../api/errors';
import { useAuth } from '../../auth/AuthProvider';
import { ErrorNotice, Loading } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { usePageTitle } from '../../components/Layout';
import { Time } from '../../components/Time';
import { graphql } from '../../gql';
import type { PairingTwinningQuery } from '../../gql/graphql';
import { useDraft } from '../../hooks/useDraft';
import { useMessages, type Language } from '../../i18n';
import { formatNumber, KR_ZONE, UK_ZONE } from '../../i18n/format';
import { pairingMessages, type PairingT } from './messages';
import { cityName } from '../../i18n/cities';
import { points, REASON_MAX, starGlyphs } from './shared';
import { useMyOrganisations } from './useMyOrganisations';
import './pairing.css';
import { SideBadge, StatusBadge } from '../../components/StatusBadge';
import { TwinningStatusForm } from '../admin/evidence/TwinningStatusForm';
import { AskToJoin } from '../twinning/AskToJoin';

const PairingTwinning = graphql(`
  query PairingTwinning($id: ID!) {
    twinning(id: $id) {
      id
      status
      activeSince
      createdAt
      closedAt
      workspaceId
      cityAId
      cityBId
      cityA {
        ...CityName
        country {
          code
          nameEn
          nameKo
          timeZone
        }
      }
      cityB {
        ...CityName
        country {
          code
          nameEn
          nameKo
          timeZone
        }
      }
      proposal {
        message
        proposedByName
        proposedByUserId
        decidedAt
        decisionReason
        fromSuggestion
        scoreSnapshot {
          overall
          overallStars
          similarity
          internationalisation
          synergy
          relationship
        }
      }
    }
  }
`);

const PairingRespond = graphql(`
  mutation PairingRespond($input: RespondToTwinningProposalInput!) {
    respondToTwinningProposal(input: $input) {
      id
      status
      activeSince
      workspaceId
    }
  }
`);

const PairingWithdraw = graphql(`
  mutation PairingWithdraw($input: WithdrawTwinningProposalInput!) {
    withdrawTwinningProposal(input: $input) {
      id
      status
    }
  }
`);

type TwinningView = PairingTwinningQuery['twinning'];

/** A twinning's public summary; for its cities' officers also the proposal, its answer and what they may do next. */
export default function TwinningPage() {
  const { id = '' } = useParams();
  const { t, language } = useMessages(pairingMessages);
  const { user, hasRole } = useAuth();
  const [{ data, error, fetching }, reexecute] = useQuery({ query: PairingTwinning, variables: { id } });
  const mine = useMyOrganisations();
  const problem = problemOf(error);
  // What the person just did here: kept while the page reloads the twinning in its new state.
  const [outcome, setOutcome] = useState<(Outcome & { id: string }) | null>(null);
  const twinning = data?.twinning?.id === id ? data.twinning : null;
  const a = twinning ? cityName(twinning.cityA, language) : '';
  const b = twinning ? cityName(twinning.cityB, language) : '';
  const notFound = problem?.code === 'NOT_FOUND' && !twinning;
  usePageTitle(twinning ? t('twinning.title', { a, b }) : notFound ? t('twinning.notFoundTitle') : t('twinning.titleFallback'));

  if (notFound) {
    return (
      <div className="page page--narrow">
        <h1>{t('twinning.notFoundTitle')}</h1>
        <p data-error-code="NOT_FOUND">{t('twinning.notFound')}</p>
        <p>
          <Link to="/pairs">{t('twinning.toPairs')}</Link>
        </p>
      </div>
    );
  }
  if (!twinning) {
    return (
      <div className="page">
        {fetching ? <Loading /> : <ErrorNotice error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />}
      </div>
    );
  }

  const zones = [...new Set([twinning.cityA.country.timeZone, twinning.cityB.country.timeZone, UK_ZONE, KR_ZONE])].slice(0, 2);
  const proposal = twinning.proposal;
  const canAnswer = !!user && twinning.status === 'PROPOSED' && mine.governmentCityIds.has(twinning.cityBId);
  const canWithdraw = !!user && twinning.status === 'PROPOSED' && proposal?.proposedByUserId === user.id;
  const mayAskToJoin =
    !!user && !!twinning.workspaceId && (twinning.status === 'ACTIVE' || twinning.status === 'DORMANT') && (mine.cityIds.has(twinning.cityAId) || mine.cityIds.has(twinning.cityBId));
  const countryOf = (c: TwinningView['cityA']) => (language === 'ko' ? c.country.nameKo : c.country.nameEn);

  return (
    <div className="page twinning-page">
      <h1>{t('twinning.title', { a, b })}</h1>
      <p className="lead">{t('twinning.lead')}</p>
      <ErrorNotice error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />

      <section aria-labelledby="twinning-facts">
        <h2 id="twinning-facts">{t('twinning.facts')}</h2>
        <dl className="twinning-facts">
          <dt>{t('twinning.status')}</dt>
          <dd>
            <StatusBadge kind="pairing-status" status={twinning.status} data-status={twinning.status}>
              {t(`status.${twinning.status as 'ACTIVE'}`)}
            </StatusBadge>
          </dd>
          <dt>{t('twinning.since')}</dt>
          <dd>{twinning.activeSince ? <Time value={twinning.activeSince} also={zones} /> : t('twinning.notYet')}</dd>
          <dt>{t('twinning.proposer')}</dt>
          <dd className="twinning-cities">
            {a} <SideBadge countryCode={twinning.cityA.country.code}>{countryOf(twinning.cityA)}</SideBadge>
          </dd>
          <dt>{t('twinning.partner')}</dt>
          <dd className="twinning-cities">
            {b} <SideBadge countryCode={twinning.cityB.country.code}>{countryOf(twinning.cityB)}</SideBadge>
          </dd>
          <dt>{t('twinning.proposedAt')}</dt>
          <dd>
            <Time value={twinning.createdAt} also={zones} />
          </dd>
          {twinning.closedAt && (
            <>
              <dt>{t('twinning.closedAt')}</dt>
              <dd>
                <Time value={twinning.closedAt} also={zones} />
              </dd>
            </>
          )}
        </dl>
        {twinning.workspaceId && proposal && (
          <p>
            <Link className="button button--primary" to={`/workspaces/${twinning.workspaceId}`}>
              {t('twinning.workspace')}
            </Link>
            <br />
            <small>{t('twinning.workspaceHint')}</small>
          </p>
        )}
      </section>

      {proposal && (
        <section aria-labelledby="twinning-proposal">
          <h2 id="twinning-proposal">{t('twinning.proposal')}</h2>
          <p>{t('twinning.proposedBy', { name: proposal.proposedByName })}</p>
          <blockquote className="twinning-message">{proposal.message}</blockquote>
          {proposal.fromSuggestion && proposal.scoreSnapshot && (
            <p>
              {t('twinning.fromSuggestion')}{' '}
              {t('twinning.snapshotOverall', {
                value: points(proposal.scoreSnapshot.overall, language),
                stars: t('stars', { count: proposal.scoreSnapshot.overallStars }),
              })}{' '}
              <span aria-hidden="true" className="partner-card__stars">
                {starGlyphs(proposal.scoreSnapshot.overallStars)}
              </span>
            </p>
          )}
          <h3>{t('twinning.answer')}</h3>
          {proposal.decidedAt ? (
            <dl className="twinning-facts">
              <dt>{t('twinning.answeredAt')}</dt>
              <dd>
                <Time value={proposal.decidedAt} also={zones} />
              </dd>
              {proposal.decisionReason && (
                <>
                  <dt>{t('twinning.reason')}</dt>
                  <dd className="twinning-message">{proposal.decisionReason}</dd>
                </>
              )}
            </dl>
          ) : (
            <p>{t('twinning.noAnswer')}</p>
          )}
        </section>
      )}

      {/* Always present, so the outcome of an answer or a withdrawal is announced when it appears. */}
      <div role="status">
        {outcome?.id === twinning.id && (
          <div className="notice notice--success">
            <p>
              {outcome.kind === 'accepted'
                ? t('twinning.respond.accepted', { a, b })
                : outcome.kind === 'declined'
                  ? t('twinning.respond.declined')
                  : t('twinning.withdraw.done')}
            </p>
            {outcome.workspaceId && (
              <p>
                <Link to={`/workspaces/${outcome.workspaceId}`}>{t('twinning.workspace')}</Link>
              </p>
            )}
          </div>
        )}
      </div>
      {canAnswer && outcome?.id !== twinning.id && <RespondForm twinning={twinning} onDone={(o) => setOutcome({ ...o, id: twinning.id })} />}
      {mayAskToJoin && twinning.workspaceId && <AskToJoin workspaceId={twinning.workspaceId} />}
      {canWithdraw && outcome?.id !== twinning.id && <WithdrawForm twinning={twinning} onDone={(o) => setOutcome({ ...o, id: twinning.id })} />}
      {hasRole('ADMIN') && <TwinningStatusForm twinning={twinning} onChanged={() => reexecute({ requestPolicy: 'network-only' })} />}
    </div>
  );
}

/** The API's rule for a reason: 1 to 2,000 characters once trimmed (optional when withdrawing). */
function reasonProblem(reason: string, required: boolean, t: PairingT, language: Language): string | null {
  const trimmed = reason.trim();
  if (required && !trimmed) return t('twinning.validation.reasonRequired');
  if (trimmed.length > REASON_MAX) return t('twinning.validation.reasonLong', { count: formatNumber(trimmed.length, language) });
  return null;
}

type Outcome = { kind: 'accepted' | 'declined' | 'withdrawn'; workspaceId: string | null };

function RespondForm({ twinning, onDone }: { twinning: TwinningView; onDone: (outcome: Outcome) => void }) {
  const { t, language } = useMessages(pairingMessages);
  const [draft, update, clear] = useDraft(`twinning-answer:${twinning.id}`, { reason: '' });
  const [touched, setTouched] = useState(false);
  const [result, respond] = useMutation(PairingRespond);
  const proposer = cityName(twinning.cityA, language);
  const problem = reasonProblem(draft.reason, true, t, language);
  const serverProblem = problemOf(result.error);
  const fieldProblem = serverProblem?.fields.find((f) => f.field === 'reason')?.message;

  async function submit(accept: boolean) {
    setTouched(true);
    if (problem) return;
    const response = await respond({ input: { id: twinning.id, accept, reason: draft.reason.trim() } });
    if (response.data) {
      clear();
      onDone({ kind: accept ? 'accepted' : 'declined', workspaceId: response.data.respondToTwinningProposal.workspaceId ?? null });
    }
  }

  return (
    <section className="twinning-action" aria-labelledby="twinning-respond">
      <h2 id="twinning-respond">{t('twinning.respond.title')}</h2>
      <p>{t('twinning.respond.lead', { city: proposer })}</p>
      <ErrorNotice error={result.error} />
      <form className="form" noValidate onSubmit={(e: FormEvent) => e.preventDefault()}>
        <Field
          label={t('twinning.respond.reason', { city: proposer })}
          hint={t('twinning.respond.reasonHint')}
          problem={(touched && problem) || fieldProblem || null}
          render={(control) => (
            <textarea
              {...control}
              className="plain"
              name="reason"
              required
              value={draft.reason}
              onChange={(e) => update({ reason: e.target.value })}
              onBlur={() => setTouched(true)}
            />
          )}
        />
        <div className="twinning-action__buttons">
          <button type="button" className="button button--primary" disabled={result.fetching} onClick={() => void submit(true)}>
            {result.fetching ? t('twinning.respond.working') : t('twinning.respond.accept')}
          </button>
          <button type="button" className="button button--secondary" disabled={result.fetching} onClick={() => void submit(false)}>
            {t('twinning.respond.decline')}
          </button>
        </div>
      </form>
    </section>
  );
}

function WithdrawForm({ twinning, onDone }: { twinning: TwinningView; onDone: (outcome: Outcome) => void }) {
  const { t, language } = useMessages(pairingMessages);
  const [draft, update, clear] = useDraft(`twinning-withdraw:${twinning.id}`, { reason: '' });
  const [touched, setTouched] = useState(false);
  const [result, withdraw] = useMutation(PairingWithdraw);
  const problem = reasonProblem(draft.reason, false, t, language);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (problem) return;
    const reason = draft.reason.trim();
    const response = await withdraw({ input: { id: twinning.id, ...(reason ? { reason } : {}) } });
    if (response.data) {
      clear();
      onDone({ kind: 'withdrawn', workspaceId: null });
    }
  }
  return (
    <section className="twinning-action" aria-labelledby="twinning-withdraw">
      <h2 id="twinning-withdraw">{t('twinning.withdraw.title')}</h2>
      <p>{t('twinning.withdraw.lead', { city: cityName(twinning.cityB, language) })}</p>
      <ErrorNotice error={result.error} />
      <form className="form" noValidate onSubmit={(e) => void submit(e)}>
        <Field
          label={t('twinning.withdraw.reason')}
          problem={touched ? problem : null}
          render={(control) => (
            <textarea
              {...control}
              className="plain"
              name="withdraw-reason"
              value={draft.reason}
              onChange={(e) => update({ reason: e.target.value })}
              onBlur={() => setTouched(true)}
            />
          )}
        />
        <div className="twinning-action__buttons">
          <button type="submit" className="button button--danger" disabled={result.fetching}>
            {result.fetching ? t('twinning.withdraw.working') : t('twinning.withdraw.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
