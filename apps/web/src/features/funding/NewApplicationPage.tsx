import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { extensionsOf, problemOf } from '../../api/errors';
import { ErrorNotice, Loading } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { usePageTitle } from '../../components/Layout';
import { LocalText } from '../../components/LocalText';
import { Time } from '../../components/Time';
import { graphql } from '../../gql';
import { useMessages } from '../../i18n';
import { KR_ZONE, pickText, UK_ZONE } from '../../i18n/format';
import { bilingualInput, fromLocalized } from '../../components/BilingualField';
import { PageProblem } from '../../components/PageProblem';
import { cityName } from '../../i18n/cities';
import { formMessages } from '../../i18n/forms';
import { projectMessages } from '../projects/messages';
import { fundingMessages } from './messages';
import { OpenCalls } from './OpenCalls';
import '../../components/panels.css';

const NewApplicationQuery = graphql(`
  query OfficerNewApplication($callId: ID!) {
    fundCall(id: $callId) {
      id
      title {
        en
        ko
      }
      closesAt
      isOpen
      allowedStages
    }
    myWorkspaces {
      ...WorkspaceCities
      projects(first: 50, filter: { open: true }) {
        nodes {
          id
          stage
          title {
            en
            ko
          }
          summary {
            en
            ko
          }
        }
      }
    }
  }
`);

const CreateApplication = graphql(`
  mutation OfficerCreateFundApplication($input: CreateApplicationInput!) {
    createFundApplication(input: $input) {
      id
    }
  }
`);

/**
 * /applications/new?callId=…&projectId=…: starts a draft for one of the
 * projects of a workspace the reader leads, then opens it.
 */
export default function NewApplicationPage() {
  const { t, language } = useMessages(fundingMessages);
  const { t: tForm } = useMessages(formMessages);
  const { t: tProject } = useMessages(projectMessages);
  usePageTitle(t('newApplication.title'));
  const [params] = useSearchParams();
  const callId = params.get('callId') ?? '';
  const navigate = useNavigate();
  const [{ data, error, fetching }, reexecute] = useQuery({ query: NewApplicationQuery, variables: { callId }, pause: !callId });
  const [projectId, setProjectId] = useState(params.get('projectId') ?? '');
  const [submitted, setSubmitted] = useState(false);
  const [result, create] = useMutation(CreateApplication);

  if (!callId) {
    return (
      <div className="page">
        <h1>{t('newApplication.title')}</h1>
        <p>{t('newApplication.missing')}</p>
        <OpenCalls canApply />
      </div>
    );
  }
  if (error && !data) return <PageProblem error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  if (!data) return fetching ? <Loading /> : null;

  const choices = data.myWorkspaces
    .filter((w) => w.myRole === 'LEAD')
    .flatMap((w) =>
      (w.projects?.nodes ?? []).map((p) => ({ ...p, pair: `${cityName(w.twinning.cityA, language)} · ${cityName(w.twinning.cityB, language)}` })),
    );
  const chosen = choices.find((p) => p.id === projectId);
  const projectProblem = submitted && !chosen ? tForm('validation.required') : null;
  // One application per project and call: the one there is, in one notice (not the generic conflict as well).
  const existing = problemOf(result.error)?.reason === 'ALREADY_APPLIED' ? extensionsOf(result.error) : undefined;
  const existingState = existing ? existingApplicationState(existing.status) : undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (!chosen) return;
    const { data: created } = await create({
      input: { callId, projectId: chosen.id, title: bilingualInput(fromLocalized(chosen.title)), summary: bilingualInput(fromLocalized(chosen.summary)) },
    });
    if (created) navigate(`/applications/${created.createFundApplication.id}`, { replace: true });
  }

  return (
    <div className="page page--narrow">
      <h1>{t('newApplication.title')}</h1>
      <dl className="meta">
        <dt>{t('newApplication.call')}</dt>
        <dd>
          <LocalText value={data.fundCall.title} />
        </dd>
        <dt>{t('calls.closes')}</dt>
        <dd>
          <Time value={data.fundCall.closesAt} also={[UK_ZONE, KR_ZONE]} />
        </dd>
      </dl>
      {!data.fundCall.isOpen && <p className="notice notice--info">{t('application.countdown.closed')}</p>}
      {choices.length === 0 ? (
        <p>{t('newApplication.noProjects')}</p>
      ) : (
        <form className="form" onSubmit={submit} noValidate>
          <p>{t('newApplication.intro')}</p>
          <Field
            label={t('newApplication.project')}
            problem={projectProblem}
            hint={chosen && !data.fundCall.allowedStages.includes(chosen.stage) ? t('calls.needStage', { stage: tProject(`stage.${chosen.stage}`) }) : undefined}
            render={(control) => (
              <select {...control} value={projectId} onChange={(e) => setProjectId(e.target.value)}>
                <option value="">{t('newApplication.chooseProject')}</option>
                {choices.map((p) => (
                  <option key={p.id} value={p.id}>
                    {pickText(p.title, language).text} ({p.pair}, {tProject(`stage.${p.stage}`)})
                  </option>
                ))}
              </select>
            )}
          />
          {existingState ? (
            <p className="notice notice--info" role="alert">
              {t(`newApplication.exists.${existingState}`)}{' '}
              {typeof existing?.applicationId === 'string' && <Link to={`/applications/${existing.applicationId}`}>{t('newApplication.openExisting')}</Link>}
            </p>
          ) : (
            <ErrorNotice error={result.error} />
          )}
          <div>
            <button type="submit" className="button button--primary" disabled={result.fetching || !data.fundCall.isOpen}>
              {result.fetching ? t('newApplication.starting') : t('newApplication.start')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}

/** Where the project's existing application stands: still a draft, with the fund, or decided. */
function existingApplicationState(status: unknown): 'DRAFT' | 'WITH_FUND' | 'DECIDED' {
  // Without a status the other application was started at the same moment: a draft.
  if (status === 'DRAFT' || status === undefined) return 'DRAFT';
  return status === 'DECIDED' || status === 'AWARD_ACCEPTED' || status === 'IN_DELIVERY' || status === 'CLOSED' ? 'DECIDED' : 'WITH_FUND';
}
