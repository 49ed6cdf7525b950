import { useId, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { problemOf } from '../../api/errors';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { graphql } from '../../gql';
import { useDraft } from '../../hooks/useDraft';
import { useMessages } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { pairingMessages } from './messages';
import { MESSAGE_MAX } from './shared';

const ExplorerPropose = graphql(`
  mutation ExplorerPropose($input: ProposeTwinningInput!) {
    proposeTwinning(input: $input) {
      id
      status
    }
  }
`);

/**
 * A city officer proposes twinning with a suggested partner. Whether they
 * may is the API's to decide: a refusal is shown as it comes.
 */
export function ProposeForm({
  cityId,
  partnerId,
  partnerName,
  onCancel,
}: {
  cityId: string;
  partnerId: string;
  partnerName: string;
  onCancel: () => void;
}) {
  const { t, language } = useMessages(pairingMessages);
  const navigate = useNavigate();
  const headingId = useId();
  const [draft, update, clear] = useDraft(`propose:${cityId}~${partnerId}`, { message: '' });
  const [touched, setTouched] = useState(false);
  const [result, propose] = useMutation(ExplorerPropose);
  const trimmed = draft.message.trim();
  const problem = !trimmed
    ? t('propose.required')
    : trimmed.length > MESSAGE_MAX
      ? t('propose.tooLong', { count: formatNumber(trimmed.length, language) })
      : null;
  const serverProblem = problemOf(result.error);
  const messageProblem = serverProblem?.fields.find((f) => f.field === 'message')?.message;
  // A live twinning of the pair already exists: the API says which, when it is public.
  const existingId = (result.error?.graphQLErrors[0]?.extensions as { twinningId?: string } | undefined)?.twinningId;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (problem) return;
    const input = { cityId, partnerCityId: partnerId, message: trimmed, fromSuggestion: true };
    let response = await propose({ input });
    // The pair has no stored score yet (evidence just changed): propose without the snapshot.
    if (problemOf(response.error)?.fields.some((f) => f.field === 'fromSuggestion')) {
      response = await propose({ input: { ...input, fromSuggestion: false } });
    }
    if (response.data) {
      clear();
      navigate(`/twinnings/${response.data.proposeTwinning.id}`);
    }
  }

  return (
    <section className="propose-form" aria-labelledby={headingId}>
      <h4 id={headingId}>{t('propose.title', { city: partnerName })}</h4>
      <p>{t('propose.lead', { city: partnerName })}</p>
      <ErrorNotice error={result.error} />
      {existingId && (
        <p>
          <Link to={`/twinnings/${existingId}`}>{t('propose.existing')}</Link>
        </p>
      )}
      <form className="form" noValidate onSubmit={(e) => void submit(e)}>
        <Field
          label={t('propose.message', { city: partnerName })}
          hint={t('propose.messageHint')}
          problem={(touched && problem) || messageProblem || null}
          render={(control) => (
            <textarea
              {...control}
              className="plain"
              name="message"
              required
              // Opened by the person's own click: take them straight to the message.
              autoFocus
              value={draft.message}
              onChange={(e) => update({ message: e.target.value })}
              onBlur={() => setTouched(true)}
            />
          )}
        />
        <div className="twinning-action__buttons">
          <button type="submit" className="button button--primary" disabled={result.fetching}>
            {result.fetching ? t('propose.working') : t('propose.submit')}
          </button>
          <button type="button" className="button button--ghost" onClick={onCancel}>
            {t('propose.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
