import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ErrorNotice, Loading } from '../../components/ErrorNotice';
import { usePageTitle } from '../../components/Layout';
import { graphql } from '../../gql';
import { useMessages } from '../../i18n';
import { pickText } from '../../i18n/format';
import { CaseStudyEditor } from './CaseStudyEditor';
import { caseStudyMessages } from './messages';
import { emptyDraft, type EditorDraft } from './validation';
import './case-studies.css';

const ProjectQuery = graphql(`
  query CaseStudyNewProject($id: ID!) {
    project(id: $id) {
      id
      workspaceId
      title {
        en
        ko
      }
      summary {
        en
        ko
      }
      sectors
    }
    myWorkspaces {
      id
      twinning {
        cityAId
        cityBId
      }
    }
  }
`);

const StartFromProject = graphql(`
  mutation CaseStudyStartFromProject($projectId: ID!) {
    startCaseStudyFromProject(projectId: $projectId) {
      id
      slug
    }
  }
`);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default function NewCaseStudyPage() {
  const { t } = useMessages(caseStudyMessages);
  usePageTitle(t('editor.newTitle'));
  const [params] = useSearchParams();
  const projectParam = params.get('projectId') ?? '';
  const projectId = UUID.test(projectParam) ? projectParam : null;

  return (
    <div className="page case-studies">
      <h1>{t('editor.newTitle')}</h1>
      <p className="lead">{t('editor.intro')}</p>
      {projectId ? <FromProject projectId={projectId} /> : <CaseStudyEditor draftKey="case-study.new" initial={emptyDraft()} />}
    </div>
  );
}

/** From an emailed link (/case-studies/new?projectId=…): the project is linked, and its details fill the form. */
function FromProject({ projectId }: { projectId: string }) {
  const { t, language } = useMessages(caseStudyMessages);
  const navigate = useNavigate();
  const [{ data, error, fetching }, reexecute] = useQuery({ query: ProjectQuery, variables: { id: projectId } });
  const [started, start] = useMutation(StartFromProject);

  if (!data) {
    return (
      <>
        <ErrorNotice error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
        {fetching && <Loading />}
        {error && (
          <p>
            <Link to="/case-studies/new">{t('editor.newTitle')}</Link>
          </p>
        )}
      </>
    );
  }
  const project = data.project;
  const twinning = data.myWorkspaces.find((w) => w.id === project.workspaceId)?.twinning;
  const initial: EditorDraft = {
    ...emptyDraft(),
    text: {
      en: { title: project.title.en ?? '', summary: project.summary.en ?? '', body: '', needsTranslationCheck: false },
      ko: { title: project.title.ko ?? '', summary: project.summary.ko ?? '', body: '', needsTranslationCheck: false },
    },
    cityIds: twinning ? [twinning.cityAId, twinning.cityBId] : [],
    sectors: project.sectors.slice(0, 10),
    workspaceId: project.workspaceId,
    projectIds: [project.id],
  };

  async function startFromProject() {
    const result = await start({ projectId });
    if (result.data) navigate(`/case-studies/${result.data.startCaseStudyFromProject.slug}/edit`, { state: { created: true } });
  }

  return (
    <CaseStudyEditor
      draftKey={`case-study.new.${projectId}`}
      initial={initial}
      projectNote={
        <div className="notice notice--info">
          <p>{t('editor.fromProject', { title: pickText(project.title, language).text })}</p>
          <p>
            <button type="button" className="button button--secondary" disabled={started.fetching} onClick={() => void startFromProject()} aria-describedby="cs-start-hint">
              {t('editor.startFromProject')}
            </button>
          </p>
          <p id="cs-start-hint" className="field__hint">
            {t('editor.startFromProjectHint')}
          </p>
          <ErrorNotice error={started.error} />
        </div>
      }
    />
  );
}
