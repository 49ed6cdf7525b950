import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useAuth } from '../../auth/AuthProvider';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { usePageTitle } from '../../components/Layout';
import { PageFrame } from '../../components/PageFrame';
import { LocalText } from '../../components/LocalText';
import { Time } from '../../components/Time';
import { graphql } from '../../gql';
import type { BoardMeetingQuery } from '../../gql/graphql';
import { useMessages } from '../../i18n';
import { KR_ZONE, pickText, UK_ZONE } from '../../i18n/format';
import { DecisionForm, DecisionRecord, DecisionWaits } from './AgendaDecision';
import { ReviewsAggregate } from './Reviewing';
import { ConfirmGroup } from '../../components/Confirm';
import { boardMessages } from './messages';
import { cityLabel } from '../../i18n/cities';
import { useCityNames } from '../../hooks/useCityNames';
import { moneyText } from '../../i18n/money';
import { BoardError, conflictReasons, countryName, useBoardFunds, withoutHiddenFields, type BoardFund } from './shared';

const BoardMeeting = graphql(`
  query BoardMeeting($id: ID!) {
    boardMeeting(id: $id) {
      id
      fundId
      title {
        en
        ko
      }
      location
      startsAt
      agenda {
        position
        applicationId
        decisionId
        application {
          id
          status
          cityIds
          title {
            en
            ko
          }
          requested {
            ...Amount
          }
          call {
            id
            scoreScaleMax
          }
          conflicts {
            ...BoardConflictFields
          }
          reviewSummary {
            ...BoardReviewSummaryFields
          }
        }
        quorum {
          ...BoardQuorumFields
        }
        decisionBlockers
        votes {
          memberId
          choice
          countryCode
          castAt
        }
        decision {
          id
          outcome
          recordedAt
          votesFor
          votesAgainst
          abstentions
          eligibleMembers
          supersedesDecisionId
          amounts {
            ...Amount
          }
          rationale {
            en
            ko
          }
          conditions {
            en
            ko
          }
        }
      }
    }
  }
`);

const BoardCastVote = graphql(`
  mutation BoardCastVote($input: CastVoteInput!) {
    castVote(input: $input) {
      ...BoardQuorumFields
    }
  }
`);

const BoardRemoveFromAgenda = graphql(`
  mutation BoardRemoveFromAgenda($input: AgendaItemInput!) {
    removeFromAgenda(input: $input)
  }
`);

const BoardAgendaCandidates = graphql(`
  query BoardAgendaCandidates($fundId: ID!) {
    fundApplications(first: 100, filter: { fundId: $fundId, statuses: [UNDER_REVIEW] }) {
      nodes {
        id
        title {
          en
          ko
        }
      }
    }
  }
`);

const BoardAddToAgenda = graphql(`
  mutation BoardAddToAgenda($input: AgendaItemInput!) {
    addToAgenda(input: $input) {
      meetingId
      applicationId
      position
    }
  }
`);

type Meeting = BoardMeetingQuery['boardMeeting'];
type Item = Meeting['agenda'][number];

/** /board/meetings/:id: a board meeting, its agenda, the quorum and votes on each item, and the decisions. */
export default function BoardMeetingPage() {
  const { id = '' } = useParams();
  const { t, language } = useMessages(boardMessages);
  const [{ data, error, fetching }, reexecute] = useQuery({ query: BoardMeeting, variables: { id } });
  const meeting = data?.boardMeeting;
  usePageTitle(meeting ? pickText(meeting.title, language).text : t('title'));
  const { funds, admin } = useBoardFunds();
  const fund = funds?.find((f) => f.id === meeting?.fundId);
  const refresh = () => reexecute({ requestPolicy: 'network-only' });

  return (
    <PageFrame
      data={meeting}
      error={withoutHiddenFields(error)}
      fetching={fetching}
      onRetry={refresh}
      back={{ to: '/board', label: `← ${t('application.back')}` }}
      notFound={{ title: t('title'), message: t('meeting.notFound'), back: { to: '/board', label: t('application.back') }, notice: true }}
    >
      {(meeting) => (
        <>
          <LocalText as="h1" value={meeting.title} />
          <dl className="board-meta">
            <dt>{t('meeting.when')}</dt>
            <dd data-testid="meeting-when">
              <Time value={meeting.startsAt} also={[UK_ZONE, KR_ZONE]} />
            </dd>
            {meeting.location && (
              <>
                <dt>{t('meeting.where')}</dt>
                <dd>
                  {/^https?:\/\/\S+$/.test(meeting.location) ? (
                    <a href={meeting.location} target="_blank" rel="noopener noreferrer">
                      {t('meeting.videoLink')}
                    </a>
                  ) : (
                    meeting.location
                  )}
                </dd>
              </>
            )}
          </dl>
          <h2>{t('meeting.agenda')}</h2>
          {meeting.agenda.length === 0 && <p>{t('meeting.emptyAgenda')}</p>}
          {meeting.agenda.map((item) => (
            <AgendaItemView key={item.applicationId} meetingId={meeting.id} item={item} fund={fund} onChange={refresh} />
          ))}
          {admin && <AddToAgenda meeting={meeting} onAdded={refresh} />}
        </>
      )}
    </PageFrame>
  );
}

function AgendaItemView({ meetingId, item, fund, onChange }: { meetingId: string; item: Item; fund?: BoardFund; onChange: () => void }) {
  const { t, language } = useMessages(boardMessages);
  const { user, hasRole } = useAuth();
  const cities = useCityNames();
  const application = item.application;
  const seat = fund?.board.members.find((m) => m.userId === user?.id);
  const conflicted = !!application.conflicts?.some((c) => c.member.userId === user?.id);
  const canAct = !conflicted && (!!seat || hasRole('ADMIN'));
  const summary = application.reviewSummary;
  const headingId = `item-${item.applicationId}`;
  return (
    <article className="board-item" aria-labelledby={headingId} data-testid="agenda-item">
      <h3 id={headingId}>
        {t('meeting.item', { position: item.position })}: <LocalText value={application.title} />
      </h3>
      <p>
        {application.cityIds.map((c) => cityLabel(c, cities, language)).join(' · ')} · <span className="badge">{t(`status.${application.status}`)}</span> · {moneyText(application.requested, language)}
        <br />
        <Link to={`/board/applications/${application.id}`}>{t('meeting.openApplication')}</Link>
      </p>

      <h4>{t('meeting.aggregate')}</h4>
      {summary ? <ReviewsAggregate summary={summary} scaleMax={application.call.scoreScaleMax} /> : <p className="muted">{t('meeting.aggregateHidden')}</p>}

      <h4>{t('meeting.conflicts')}</h4>
      {!application.conflicts?.length ? (
        <p>{t('meeting.noConflicts')}</p>
      ) : (
        <ul className="list" data-testid="item-conflicts">
          {application.conflicts.map((c) => (
            <li key={c.member.id}>
              <strong>{c.member.displayName}</strong> <span className="badge">{countryName(c.member.countryCode, t)}</span> · {t('meeting.cannotVote')}
              <br />
              <small>
                {conflictReasons(c, c.automaticCityIds.map((id) => cityLabel(id, cities, language)).join(', '), t)}
              </small>
            </li>
          ))}
        </ul>
      )}
      {conflicted && <p className="notice notice--info">{t('meeting.youConflicted')}</p>}

      <h4>{t('quorum.title')}</h4>
      <QuorumView quorum={item.quorum} />

      <h4>{t('votes.title')}</h4>
      <VotesView item={item} fund={fund} />
      {canAct && seat && !item.decision && <VoteButtons meetingId={meetingId} item={item} myMemberId={seat.id} onVoted={onChange} />}

      {item.decision ? (
        <DecisionRecord decision={item.decision} />
      ) : (
        canAct && item.decisionBlockers && (item.decisionBlockers.length === 0 ? <DecisionForm meetingId={meetingId} item={item} onRecorded={onChange} /> : <DecisionWaits item={item} />)
      )}
      {hasRole('ADMIN') && !item.decision && <RemoveFromAgenda meetingId={meetingId} item={item} onRemoved={onChange} />}
    </article>
  );
}

/** The quorum as the API explains it, in the page's language: whether it is met and what is still missing. */
function QuorumView({ quorum }: { quorum: Item['quorum'] }) {
  const { t } = useMessages(boardMessages);
  // A conflicted member is not told how the vote stands: the API answers null.
  if (!quorum) {
    return (
      <p className="muted" data-testid="quorum-hidden">
        {t('quorum.hidden')}
      </p>
    );
  }
  const values = { cast: quorum.votesCast, eligible: quorum.eligibleMembers, needed: quorum.votesNeeded };
  return (
    <div className={`board-quorum${quorum.met ? ' board-quorum--met' : ''}`} aria-live="polite" data-testid="quorum" data-met={quorum.met}>
      <p>
        <strong>{quorum.explanation}</strong>
      </p>
      <p className="muted">{t('quorum.figures', values)}</p>
    </div>
  );
}

function VotesView({ item, fund }: { item: Item; fund?: BoardFund }) {
  const { t } = useMessages(boardMessages);
  if (!item.votes) return <p className="muted">{t('votes.hidden')}</p>;
  if (item.votes.length === 0) return <p>{t('votes.none')}</p>;
  return (
    <div className="table-wrap">
      <table data-testid="votes">
        <thead>
          <tr>
            <th scope="col">{t('votes.member')}</th>
            <th scope="col">{t('votes.country')}</th>
            <th scope="col">{t('votes.choice')}</th>
          </tr>
        </thead>
        <tbody>
          {item.votes.map((vote) => (
            <tr key={vote.memberId}>
              <td>{fund?.board.members.find((m) => m.id === vote.memberId)?.displayName ?? '—'}</td>
              <td>{countryName(vote.countryCode, t)}</td>
              <td>{t(`vote.${vote.choice}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const CHOICES = ['FOR', 'AGAINST', 'ABSTAIN'] as const;

function VoteButtons({ meetingId, item, myMemberId, onVoted }: { meetingId: string; item: Item; myMemberId: string; onVoted: () => void }) {
  const { t } = useMessages(boardMessages);
  const [result, castVote] = useMutation(BoardCastVote);
  const [cast, setCast] = useState<string | null>(null);
  const mine = item.votes?.find((v) => v.memberId === myMemberId)?.choice;
  async function vote(choice: (typeof CHOICES)[number]) {
    const { data } = await castVote({ input: { meetingId, applicationId: item.applicationId, choice } });
    if (data) {
      setCast(choice);
      onVoted();
    }
  }
  return (
    <div role="group" aria-labelledby={`vote-${item.applicationId}`}>
      <p id={`vote-${item.applicationId}`}>
        <strong>{t('votes.cast')}</strong> <small className="muted">{t('votes.change')}</small>
      </p>
      <div className="board-votes">
        {CHOICES.map((choice) => (
          <button key={choice} type="button" className="button button--secondary" aria-pressed={mine === choice} disabled={result.fetching} onClick={() => void vote(choice)}>
            {t(`vote.${choice}`)}
          </button>
        ))}
      </div>
      <BoardError error={result.error} />
      <p role="status" className="form__status">
        {cast && !result.fetching && !result.error ? t('votes.recorded', { choice: t(`vote.${cast as 'FOR'}`) }) : ''}
      </p>
    </div>
  );
}

/** Admins: an undecided item taken off the agenda (its votes go too), once confirmed. */
function RemoveFromAgenda({ meetingId, item, onRemoved }: { meetingId: string; item: Item; onRemoved: () => void }) {
  const { t } = useMessages(boardMessages);
  const [confirming, setConfirming] = useState(false);
  const [result, remove] = useMutation(BoardRemoveFromAgenda);
  const label = t('meeting.removeLabel', { position: item.position });
  async function go() {
    const { data } = await remove({ input: { meetingId, applicationId: item.applicationId } });
    if (data) {
      setConfirming(false);
      onRemoved();
    }
  }
  return (
    <div className="board-remove">
      <BoardError error={result.error} />
      {confirming ? (
        <ConfirmGroup label={label} confirm={t('meeting.removeConfirm')} confirmClass="button--danger" cancel={t('meeting.keep')} busy={result.fetching} onConfirm={() => void go()} onCancel={() => setConfirming(false)}>
          <p>{t('meeting.removeWarning')}</p>
        </ConfirmGroup>
      ) : (
        <button type="button" className="button button--secondary" aria-label={label} onClick={() => setConfirming(true)}>
          {t('meeting.remove')}
        </button>
      )}
    </div>
  );
}

function AddToAgenda({ meeting, onAdded }: { meeting: Meeting; onAdded: () => void }) {
  const { t, language } = useMessages(boardMessages);
  const [{ data, error }] = useQuery({ query: BoardAgendaCandidates, variables: { fundId: meeting.fundId } });
  const [result, add] = useMutation(BoardAddToAgenda);
  const [choice, setChoice] = useState('');
  const onAgenda = new Set(meeting.agenda.map((i) => i.applicationId));
  const candidates = (data?.fundApplications.nodes ?? []).filter((a) => !onAgenda.has(a.id));
  async function submit(event: FormEvent) {
    event.preventDefault();
    const applicationId = choice || candidates[0]?.id;
    if (!applicationId) return;
    const { data: added } = await add({ input: { meetingId: meeting.id, applicationId } });
    if (added) {
      setChoice('');
      onAdded();
    }
  }
  return (
    <section aria-labelledby="add-agenda">
      <h2 id="add-agenda">{t('meeting.addTitle')}</h2>
      <ErrorNotice error={error} />
      {data && candidates.length === 0 ? (
        <p>{t('meeting.addNone')}</p>
      ) : (
        <form className="form" onSubmit={submit}>
          <Field
            label={t('meeting.addLabel')}
            render={(control) => (
              <select {...control} value={choice || candidates[0]?.id || ''} onChange={(e) => setChoice(e.target.value)}>
                {candidates.map((a) => (
                  <option key={a.id} value={a.id}>
                    {pickText(a.title, language).text}
                  </option>
                ))}
              </select>
            )}
          />
          <BoardError error={result.error} />
          <div>
            <button type="submit" className="button button--secondary" disabled={result.fetching || candidates.length === 0}>
              {t('meeting.add')}
            </button>
          </div>
          <p role="status" className="form__status">
            {result.data && !result.fetching ? t('meeting.added') : ''}
          </p>
        </form>
      )}
    </section>
  );
}
