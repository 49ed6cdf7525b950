import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { Field } from '../../../components/Field';
import { StatusBadge } from '../../../components/StatusBadge';
import { Time } from '../../../components/Time';
import { useCityNames } from '../../../hooks/useCityNames';
import { useMessages } from '../../../i18n';
import { cityLabel } from '../../../i18n/cities';
import { KR_ZONE, todayIn, UK_ZONE } from '../../../i18n/format';
import { conflictReasons, countryName } from '../../board/shared';
import { boardMessages } from '../../board/messages';
import { localToInstant } from '../../events/eventRules';
import { ConfirmStep } from '../../../components/Confirm';
import { ConsoleError } from './ConsoleError';
import { AssignReviewers, SetReviewDueDate, UnassignReviewer, type AdminApplicationData } from './documents';
import { adminApplicationMessages } from './messages';

const DAY = 86_400_000;
const DEFAULT_DAYS = 14;
const MAX_DAYS = 90;
const REVIEWABLE = ['ELIGIBILITY_CHECKED', 'UNDER_REVIEW'];

/** A calendar day `days` after today in the UK. */
const dayFromToday = (days: number) => new Date(Date.parse(`${todayIn(UK_ZONE)}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
/** A chosen day's due instant: 17:00 on the UK's clocks (late afternoon in the UK, the small hours of the next day in Korea). */
const dueInstant = (day: string) => localToInstant(`${day}T17:00`, UK_ZONE);
/** The instant when it is one the API takes: in the future, at most 90 days ahead. */
function validDue(day: string): string | null {
  const instant = dueInstant(day);
  if (!instant) return null;
  const at = Date.parse(instant);
  return at > Date.now() && at <= Date.now() + MAX_DAYS * DAY ? instant : null;
}

type Member = AdminApplicationData['fund']['board']['members'][number];
type Assignment = NonNullable<AdminApplicationData['reviewAssignments']>[number];

/** The fund's board for this application: who is conflicted and why, each member's load, choosing reviewers with a due date; then the reviews' state. */
export function ReviewersPanel({ application, onDone }: { application: AdminApplicationData; onDone: (message: string) => void }) {
  const { t, language } = useMessages(adminApplicationMessages);
  const board = useMessages(boardMessages);
  const cityNames = useCityNames();
  const members = application.fund.board.members;
  const assignments = application.reviewAssignments ?? [];
  const conflictOf = (member: Member) => application.conflicts?.find((c) => c.member.id === member.id);
  const assignmentOf = (member: Member) => assignments.find((a) => a.memberId === member.id);
  const reviewable = REVIEWABLE.includes(application.status);
  const [chosen, setChosen] = useState<string[]>([]);
  const [day, setDay] = useState(() => dayFromToday(DEFAULT_DAYS));
  const [attempted, setAttempted] = useState(false);
  const [assigned, assign] = useMutation(AssignReviewers);
  const due = validDue(day);
  const noneChosen = attempted && chosen.length === 0;
  const dueProblem = due ? null : t('reviewers.dueProblem');

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (!chosen.length || !due) return;
    const { data } = await assign({ input: { applicationId: application.id, memberIds: chosen, dueAt: due } });
    if (data) {
      setChosen([]);
      setAttempted(false);
      onDone(t('detail.done.assigned'));
    }
  }

  if (['DRAFT', 'SUBMITTED', 'WITHDRAWN'].includes(application.status) && !assignments.length) {
    return (
      <section aria-labelledby="reviewers-heading">
        <h2 id="reviewers-heading">{t('reviewers.title')}</h2>
        <p>{t('reviewers.notYet')}</p>
      </section>
    );
  }

  return (
    <section aria-labelledby="reviewers-heading">
      <h2 id="reviewers-heading">{t('reviewers.title')}</h2>
      <p>
        {t('reviewers.intro')} {t('reviewers.needed', { count: application.call.reviewersPerApplication })}
      </p>
      {!reviewable && <p className="notice notice--info">{t('reviewers.closed')}</p>}
      <form className="admin-reviewers" onSubmit={submit} noValidate aria-labelledby="reviewers-heading">
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t('reviewers.tableLabel')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('reviewers.member')}</th>
                <th scope="col">{t('reviewers.country')}</th>
                <th scope="col">{t('reviewers.conflict')}</th>
                <th scope="col">{t('reviewers.load')}</th>
              </tr>
            </thead>
            <tbody>
              {members.map((member) => {
                const conflict = conflictOf(member);
                const assignment = assignmentOf(member);
                return (
                  <tr key={member.id} data-member-id={member.id}>
                    <th scope="row">
                      {reviewable && !conflict && !assignment ? (
                        <label className="admin-reviewers__choose">
                          <input
                            type="checkbox"
                            checked={chosen.includes(member.id)}
                            onChange={(e) => setChosen((all) => (e.target.checked ? [...all, member.id] : all.filter((id) => id !== member.id)))}
                            aria-label={t('reviewers.choose', { name: member.displayName })}
                          />
                          {member.displayName}
                        </label>
                      ) : (
                        <span className="admin-reviewers__choose">
                          {reviewable && (
                            <input type="checkbox" disabled checked={!!assignment} aria-label={t('reviewers.choose', { name: member.displayName })} />
                          )}
                          {member.displayName}
                        </span>
                      )}
                      {assignment && <StatusBadge kind="status" status="under_review">{t('reviewers.assigned')}</StatusBadge>}
                    </th>
                    <td>{countryName(member.countryCode, board.t)}</td>
                    <td>
                      {conflict ? (
                        <>
                          <StatusBadge kind="rule" status="failed">
                            {t('reviewers.conflicted')}
                          </StatusBadge>
                          <br />
                          <small>{conflictReasons(conflict, conflict.automaticCityIds.map((c) => cityLabel(c, cityNames, language)).join(language === 'ko' ? ', ' : ' and '), board.t)}</small>
                        </>
                      ) : (
                        t('reviewers.noConflict')
                      )}
                    </td>
                    <td>{member.openReviews ?? '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {noneChosen && (
          <p className="field__problem" role="alert">
            {t('reviewers.chooseSome')}
          </p>
        )}
        {reviewable && (
          <>
            <Field label={t('reviewers.dueDate')} hint={t('reviewers.dueHint')} type="date" value={day} min={dayFromToday(0)} max={dayFromToday(MAX_DAYS - 1)} onChange={(e) => setDay(e.target.value)} problem={dueProblem} />
            {due && (
              <p>
                {t('reviewers.due')}: <Time value={due} also={[UK_ZONE, KR_ZONE]} />
              </p>
            )}
            <ConsoleError error={assigned.error} />
            <button type="submit" className="button button--primary" disabled={assigned.fetching}>
              {t('reviewers.assign')}
            </button>
          </>
        )}
      </form>
      <h3>{t('reviewers.reviewsTitle')}</h3>
      {assignments.length === 0 ? (
        <p>{t('reviewers.none')}</p>
      ) : (
        <ul className="list" aria-label={t('reviewers.reviewsTitle')}>
          {assignments.map((assignment) => (
            <AssignmentItem key={assignment.id} application={application} assignment={assignment} name={members.find((m) => m.id === assignment.memberId)?.displayName ?? ''} onDone={onDone} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** One review assignment: its state and dates; while it is unwritten, take the reviewer off (confirmed) or move its due date. */
function AssignmentItem({ application, assignment, name, onDone }: { application: AdminApplicationData; assignment: Assignment; name: string; onDone: (message: string) => void }) {
  const { t } = useMessages(adminApplicationMessages);
  const [movingDue, setMovingDue] = useState(false);
  const [day, setDay] = useState(() => dayFromToday(DEFAULT_DAYS));
  const [removed, remove] = useMutation(UnassignReviewer);
  const [moved, move] = useMutation(SetReviewDueDate);
  const pending = !assignment.submittedAt;
  const open = pending && REVIEWABLE.includes(application.status);
  const due = validDue(day);
  const state = assignment.submittedAt ? 'submitted' : assignment.overdue ? 'overdue' : 'pending';
  return (
    <li data-review-id={assignment.id}>
      <strong>{name}</strong>{' '}
      <StatusBadge kind="review" status={state}>
        {t(`reviewers.${state}`)}
      </StatusBadge>
      <br />
      {assignment.submittedAt ? (
        <>
          {t('reviewers.submittedOn')}: <Time value={assignment.submittedAt} also={[UK_ZONE, KR_ZONE]} />
        </>
      ) : (
        <>
          {t('reviewers.due')}: <Time value={assignment.dueAt} also={[UK_ZONE, KR_ZONE]} />
        </>
      )}
      <ConsoleError error={removed.error ?? moved.error} />
      {open && !movingDue && (
        <div className="admin-application__actions">
          <button type="button" className="button button--secondary" onClick={() => setMovingDue(true)}>
            {t('reviewers.moveDue', { name })}
          </button>
          <ConfirmStep
            label={t('reviewers.unassign', { name })}
            confirm={t('reviewers.unassignConfirm')}
            cancel={t('reviewers.keep')}
            busy={removed.fetching}
            danger
            onConfirm={async () => {
              const { data } = await remove({ input: { applicationId: application.id, memberId: assignment.memberId } });
              if (data) onDone(t('detail.done.unassigned'));
              return !!data;
            }}
          >
            <p>{t('reviewers.unassignIntro')}</p>
          </ConfirmStep>
        </div>
      )}
      {open && movingDue && (
        <form
          className="form"
          noValidate
          aria-label={t('reviewers.moveDue', { name })}
          onSubmit={async (event) => {
            event.preventDefault();
            if (!due) return;
            const { data } = await move({ input: { reviewId: assignment.id, dueAt: due } });
            if (data) onDone(t('detail.done.dueDateSet'));
          }}
        >
          <Field label={t('reviewers.newDue')} hint={t('reviewers.dueHint')} type="date" value={day} onChange={(e) => setDay(e.target.value)} problem={due ? null : t('reviewers.dueProblem')} />
          {due && <Time value={due} also={[UK_ZONE, KR_ZONE]} />}
          <div className="admin-application__actions">
            <button type="submit" className="button button--primary" disabled={moved.fetching}>
              {t('reviewers.save')}
            </button>
            <button type="button" className="button button--ghost" onClick={() => setMovingDue(false)}>
              {t('reviewers.cancel')}
            </button>
          </div>
        </form>
      )}
    </li>
  );
}
