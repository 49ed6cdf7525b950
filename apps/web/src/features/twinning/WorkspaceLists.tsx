import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ErrorNotice, Loading } from '../../components/ErrorNotice';
import { LocalText, TypedText } from '../../components/LocalText';
import { MoreButton } from '../../components/Paged';
import { Time } from '../../components/Time';
import { useMessages } from '../../i18n';
import { KR_ZONE, UK_ZONE } from '../../i18n/format';
import { cityName } from '../../i18n/cities';
import { projectMessages } from '../projects/messages';
import { twinningMessages } from './messages';
import { ActivityQuery, ProjectsQuery, type City } from './documents';

/** One page of the workspace's joint projects. */
export function ProjectsPage({ id, after, isLast, onMore, cities }: { id: string; after: string | null; isLast: boolean; onMore: (cursor: string) => void; cities: City[] }) {
  const { t, language } = useMessages(twinningMessages);
  const { t: tProject } = useMessages(projectMessages);
  const [{ data, error, fetching }, reexecute] = useQuery({ query: ProjectsQuery, variables: { id, after } });
  const connection = data?.workspace.projects;
  return (
    <>
      <ErrorNotice error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      {fetching && !data && <Loading />}
      {!after && connection && connection.nodes.length === 0 && <p>{t('workspace.projects.none')}</p>}
      <ul className="list">
        {connection?.nodes.map((project) => (
          <li key={project.id}>
            <Link to={`/projects/${project.id}`}>
              <LocalText value={project.title} />
            </Link>{' '}
            <span className="badge">{tProject(`stage.${project.stage}`)}</span> <span className="badge">{tProject(`type.${project.type}`)}</span>
            <br />
            <small>
              {t('workspace.projects.leads')}:{' '}
              {project.leads.map((lead) => `${lead.user.displayName} (${cityName(cities.find((c) => c.id === lead.city.id), language)})`).join(', ')} ·{' '}
              {t('workspace.projects.updated')} <Time value={project.updatedAt} />
            </small>
          </li>
        ))}
      </ul>
      {isLast && (
        <MoreButton pageInfo={connection?.pageInfo} onMore={onMore}>
          {t('workspace.projects.more')}
        </MoreButton>
      )}
    </>
  );
}

/** One page of the workspace's activity feed. */
/** The reason a person gave for a change, after the entry's sentence, marked with the language it is written in. */
function FeedReason({ text }: { text: string }) {
  const { t } = useMessages(twinningMessages);
  return (
    <>
      {t('workspace.feed.reasonOpen')}
      <TypedText text={text} />
      {t('workspace.feed.reasonClose')}
    </>
  );
}

export function ActivityPage({ id, after, isLast, onMore }: { id: string; after: string | null; isLast: boolean; onMore: (cursor: string) => void }) {
  const { t } = useMessages(twinningMessages);
  const [{ data, error, fetching }, reexecute] = useQuery({ query: ActivityQuery, variables: { id, after } });
  const connection = data?.workspace.activity;
  const linkOf = (entry: { objectType: string; objectId: string }) => (entry.objectType === 'PROJECT' ? `/projects/${entry.objectId}` : null);
  return (
    <>
      <ErrorNotice error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      {fetching && !data && <Loading />}
      {!after && connection && connection.nodes.length === 0 && <p>{t('workspace.feed.none')}</p>}
      <ol className="feed" aria-label={after ? undefined : t('workspace.feed.title')}>
        {connection?.nodes.map((entry) => {
          const link = linkOf(entry);
          return (
            <li key={entry.id}>
              {link ? (
                <Link to={link}>
                  <LocalText value={entry.summary} />
                </Link>
              ) : (
                <LocalText value={entry.summary} />
              )}
              {entry.reason && <FeedReason text={entry.reason} />}
              <small>
                <Time value={entry.at} also={[UK_ZONE, KR_ZONE]} />
              </small>
            </li>
          );
        })}
      </ol>
      {isLast && (
        <MoreButton pageInfo={connection?.pageInfo} onMore={onMore}>
          {t('workspace.feed.more')}
        </MoreButton>
      )}
    </>
  );
}
