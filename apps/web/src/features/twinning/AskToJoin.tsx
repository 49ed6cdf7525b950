import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { extensionsOf, problemOf } from '../../api/errors';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { graphql } from '../../gql';
import { useDraft } from '../../hooks/useDraft';
import { useMessages } from '../../i18n';
import { twinningMessages } from './messages';

const MyWorkspaceIds = graphql(`
  query OfficerMyWorkspaceIds {
    myWorkspaces {
      id
    }
  }
`);

const RequestToJoin = graphql(`
  mutation OfficerRequestToJoinWorkspace($input: RequestToJoinWorkspaceInput!) {
    requestToJoinWorkspace(input: $input) {
      id
      status
    }
  }
`);

const MESSAGE_MAX = 2000;

/**
 * On a twinning's page, someone from an organisation in either city who is not
 * in its workspace asks to join it, with a message to its leads. Which
 * workspaces they are in is asked here; the API has the last word.
 */
export function AskToJoin({ workspaceId }: { workspaceId: string }) {
  const { t } = useMessages(twinningMessages);
  const [{ data }] = useQuery({ query: MyWorkspaceIds, requestPolicy: 'cache-and-network' });
  const [draft, update, clear] = useDraft(`officer.ask-to-join.${workspaceId}`, { message: '' });
  const [touched, setTouched] = useState(false);
  const [sent, setSent] = useState(false);
  const [result, ask] = useMutation(RequestToJoin);
  const trimmed = draft.message.trim();
  const problem = !trimmed || trimmed.length > MESSAGE_MAX ? t('workspace.askToJoin.messageNeeded') : null;
  const refusal = problemOf(result.error);

  if (!data || data.myWorkspaces.some((w) => w.id === workspaceId)) return null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (problem) return;
    const response = await ask({ input: { workspaceId, message: trimmed } });
    if (response.data) {
      clear();
      setSent(true);
    }
  }

  const refusalText =
    refusal?.code === 'CONFLICT'
      ? extensionsOf(result.error).status
        ? t('workspace.askToJoin.closed')
        : t('workspace.askToJoin.pending')
      : refusal?.code === 'FORBIDDEN'
        ? t('workspace.askToJoin.notInCity')
        : null;

  return (
    <section className="twinning-action" aria-labelledby="ask-to-join-heading">
      <h2 id="ask-to-join-heading">{t('workspace.askToJoin.title')}</h2>
      <p>{t('workspace.askToJoin.intro')}</p>
      <div role="status">{sent && <p className="notice notice--success">{t('workspace.askToJoin.sent')}</p>}</div>
      {refusalText ? (
        <p className="notice notice--info" role="alert" data-error-code={refusal?.code}>
          {refusalText}
        </p>
      ) : (
        <ErrorNotice error={result.error} />
      )}
      {!sent && (
        <form className="form" noValidate onSubmit={(e) => void submit(e)}>
          <Field
            label={t('workspace.askToJoin.message')}
            hint={t('workspace.askToJoin.messageHint')}
            problem={touched ? problem : null}
            render={(control) => <textarea {...control} className="plain" rows={4} value={draft.message} onChange={(e) => update({ message: e.target.value })} onBlur={() => draft.message && setTouched(true)} />}
          />
          <div>
            <button type="submit" className="button button--primary" disabled={result.fetching}>
              {t('workspace.askToJoin.submit')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
