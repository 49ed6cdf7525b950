import { useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { problemOf } from '../../api/errors';
import { ErrorNotice, Loading } from '../../components/ErrorNotice';
import { usePageTitle } from '../../components/Layout';
import { LocalText } from '../../components/LocalText';
import { Time } from '../../components/Time';
import { graphql } from '../../gql';
import { useMessages, type Language } from '../../i18n';
import { common } from '../../i18n/common';
import { caseStudyMessages } from './messages';
import { ReviewPanel } from './ReviewPanel';
import { isLang, otherLanguage, pickVersion, StatusBadge, useSdgName, useVocabulary } from './shared';
import './case-studies.css';

const CaseStudyQuery = graphql(`
  query CaseStudyPage($idOrSlug: String!) {
    caseStudy(idOrSlug: $idOrSlug) {
      id
      slug
      authorNames
      cityIds
      sectors
      sdgs
      workspaceId
      lessons {
        en
        ko
      }
      successFactors {
        en
        ko
      }
      partners {
        name {
          en
          ko
        }
      }
      myAccess {
        author
        reviewer
      }
      versions {
        language
        title
        summary
        bodyHtml
        status
        publishedAt
        reviewNote
        needsTranslationCheck
      }
    }
  }
`);

export default function CaseStudyPage() {
  const { slug = '' } = useParams();
  const [params] = useSearchParams();
  const { t, language } = useMessages(caseStudyMessages);
  const commonText = useMessages(common).t;
  const vocabulary = useVocabulary();
  const sdgName = useSdgName();
  const [{ data, error, fetching }, reexecute] = useQuery({ query: CaseStudyQuery, variables: { idOrSlug: slug } });
  const study = data?.caseStudy;
  const wanted = params.get('lang');
  const version = study ? pickVersion(study.versions, isLang(wanted) ? wanted : null, language) : undefined;
  // The tab is named in the reader's language when the study has a version in it, whichever version is shown.
  usePageTitle((study && pickVersion(study.versions, null, language)?.title) ?? t('list.title'));
  const bodyText = useMemo(() => plainText(version?.bodyHtml ?? ''), [version?.bodyHtml]);

  if (problemOf(error)?.code === 'NOT_FOUND') {
    return (
      <div className="page">
        <h1>{commonText('notFound.title')}</h1>
        <p>{t('notFound')}</p>
        <p>
          <Link to="/case-studies">{t('page.back')}</Link>
        </p>
      </div>
    );
  }
  if (!study || !version) {
    return (
      <div className="page">
        <ErrorNotice error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
        {fetching && <Loading />}
      </div>
    );
  }

  const shownLang = version.language as Language;
  const other = study.versions.find((v) => v.language === otherLanguage(shownLang));
  const foreign = shownLang !== language;
  const readerVersionMissing = !study.versions.some((v) => v.language === language);
  const insider = study.myAccess.author || study.myAccess.reviewer;
  // Many bodies open with the summary, or list the success factors and lessons: those are not repeated.
  const inBody = (text: { en?: string | null; ko?: string | null }) => [text.en, text.ko].some((t) => !!t?.trim() && bodyText.includes(squash(t)));
  const summaryInBody = squash(bodyText).startsWith(squash(version.summary));
  const successFactors = study.successFactors.filter((f) => !inBody(f));
  const lessons = study.lessons.filter((l) => !inBody(l));

  return (
    <div className="page case-study">
      <p className="case-study__crumbs">
        <Link to="/case-studies">← {t('page.back')}</Link>
      </p>
      <article lang={foreign ? shownLang : undefined} className="case-study__article">
        <header>
          <h1>{version.title}</h1>
          {!summaryInBody && <p className="lead">{version.summary}</p>}
        </header>
        <div className="case-study__notes" lang={foreign ? language : undefined}>
          {readerVersionMissing && <p className="notice notice--info">{t('page.onlyOther', { language: t(`languages.${language}`) })}</p>}
          {other && (
            <p className="case-study__switch">
              <Link to={{ search: `?lang=${other.language}` }} lang={language} replace>
                {t(`page.readIn.${other.language as Language}`)}
              </Link>
              {other.status !== 'PUBLISHED' && (
                <>
                  {' '}
                  <StatusBadge status={other.status} />
                </>
              )}
            </p>
          )}
          {version.status !== 'PUBLISHED' && (
            <p className="notice notice--info">
              <StatusBadge status={version.status} /> {t('page.notPublic')}
            </p>
          )}
          {version.needsTranslationCheck && <p className="notice notice--info">{t('page.needsCheck')}</p>}
          {insider && (
            <p>
              <Link className="button button--secondary" to={`/case-studies/${study.slug}/edit`}>
                {t('page.edit')}
              </Link>
            </p>
          )}
        </div>

        <div className="case-study__layout">
          <div className="case-study__main">
            {/* bodyHtml is rendered from Markdown and sanitised by the API (schema: "safe to show as HTML"). */}
            <div className="case-study__body" dangerouslySetInnerHTML={{ __html: version.bodyHtml }} />

            {successFactors.length > 0 && (
              <section lang={language}>
                <h2>{t('page.successFactors')}</h2>
                <ul>
                  {successFactors.map((factor, i) => (
                    <li key={i}>
                      <LocalText value={factor} />
                    </li>
                  ))}
                </ul>
              </section>
            )}
            {lessons.length > 0 && (
              <section lang={language}>
                <h2>{t('page.lessons')}</h2>
                <ul>
                  {lessons.map((lesson, i) => (
                    <li key={i}>
                      <LocalText value={lesson} />
                    </li>
                  ))}
                </ul>
              </section>
            )}
          </div>

          <aside className="case-study__aside" lang={language} aria-labelledby="case-study-details">
            <h2 id="case-study-details">{t('page.details')}</h2>
            <dl className="case-study__facts">
              {version.publishedAt && (
                <>
                  <dt>{t('page.published')}</dt>
                  <dd>
                    <Time value={version.publishedAt} />
                  </dd>
                </>
              )}
              {study.authorNames.length > 0 && (
                <>
                  <dt>{t('page.authors')}</dt>
                  <dd>{study.authorNames.join(', ')}</dd>
                </>
              )}
              {study.cityIds.length > 0 && (
                <>
                  <dt>{t('page.cities')}</dt>
                  <dd>
                    {study.cityIds.map((id, i) => (
                      <span key={id}>
                        {i > 0 && ', '}
                        <Link to={`/case-studies?city=${id}`}>{vocabulary.cityName(id)}</Link>
                      </span>
                    ))}
                  </dd>
                </>
              )}
              {study.sectors.length > 0 && (
                <>
                  <dt>{t('page.sectors')}</dt>
                  <dd>
                    <ul className="case-study__tags">
                      {study.sectors.map((key) => (
                        <li key={key}>
                          <Link className="badge" to={`/case-studies?sector=${key}`}>
                            {vocabulary.sectorName(key)}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  </dd>
                </>
              )}
              {study.sdgs.length > 0 && (
                <>
                  <dt>{t('page.sdgs')}</dt>
                  <dd>
                    <ul className="case-study__sdgs">
                      {study.sdgs.map((n) => (
                        <li key={n}>{sdgName(n)}</li>
                      ))}
                    </ul>
                  </dd>
                </>
              )}
              {study.partners.length > 0 && (
                <>
                  <dt>{t('page.partners')}</dt>
                  <dd>
                    <ul className="case-study__sdgs">
                      {study.partners.map((partner, i) => (
                        <li key={i}>
                          <LocalText value={partner.name} />
                        </li>
                      ))}
                    </ul>
                  </dd>
                </>
              )}
              {insider && (
                <>
                  <dt>{t('page.versions')}</dt>
                  <dd>
                    <ul className="case-study__sdgs">
                      {study.versions.map((v) => (
                        <li key={v.language}>
                          <StatusBadge status={v.status} language={v.language as Language} />
                        </li>
                      ))}
                    </ul>
                  </dd>
                </>
              )}
            </dl>
          </aside>
        </div>
      </article>

      {study.myAccess.reviewer && (
        <div lang={language}>
          <ReviewPanel caseStudyId={study.id} author={study.myAccess.author} versions={study.versions} onDone={() => reexecute({ requestPolicy: 'network-only' })} />
        </div>
      )}
    </div>
  );
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The words of the (sanitised) body, read without running anything: DOMParser makes an inert document. */
function plainText(html: string): string {
  if (!html) return '';
  return squash(new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '');
}
