import { useEffect, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import { problemOf } from '../../api/errors';
import { ErrorNotice, Loading } from '../../components/ErrorNotice';
import { usePageTitle } from '../../components/Layout';
import { graphql } from '../../gql';
import type { CaseStudyEditQuery } from '../../gql/graphql';
import { useMessages, type Language } from '../../i18n';
import { common } from '../../i18n/common';
import { CaseStudyEditor, type ServerCaseStudy } from './CaseStudyEditor';
import { caseStudyMessages } from './messages';
import { isLang, pickVersion } from './shared';
import { emptyDraft, emptyText, type EditorDraft } from './validation';
import './case-studies.css';

const EditQuery = graphql(`
  query CaseStudyEdit($idOrSlug: String!) {
    caseStudy(idOrSlug: $idOrSlug) {
      id
      slug
      version
      workspaceId
      projectIds
      cityIds
      sectors
      sdgs
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
        organisationId
      }
      myAccess {
        author
        reviewer
      }
      versions {
        language
        title
        summary
        body
        status
        revision
        reviewNote
        needsTranslationCheck
      }
    }
  }
`);

type Study = CaseStudyEditQuery['caseStudy'];

/** The server's case study in the editor's shape, its version numbers as the base of an edit. */
function snapshotOf(study: Study): EditorDraft {
  const text = { en: emptyText(), ko: emptyText() };
  const revisions: Partial<Record<Language, number>> = {};
  for (const v of study.versions) {
    if (!isLang(v.language)) continue;
    text[v.language] = { title: v.title, summary: v.summary, body: v.body, needsTranslationCheck: v.needsTranslationCheck };
    revisions[v.language] = v.revision;
  }
  const bi = (b: { en?: string | null; ko?: string | null }) => ({ en: b.en ?? '', ko: b.ko ?? '' });
  return {
    ...emptyDraft(),
    text,
    cityIds: study.cityIds,
    sectors: study.sectors,
    sdgs: study.sdgs,
    lessons: study.lessons.map(bi),
    successFactors: study.successFactors.map(bi),
    partners: study.partners.map((p) => ({ ...bi(p.name), organisationId: p.organisationId ?? null })),
    workspaceId: study.workspaceId ?? '',
    projectIds: study.projectIds,
    base: { version: study.version, revisions },
    edited: false,
  };
}

const draftKeyOf = (slug: string) => `case-study.edit.${slug}`;

/**
 * A draft kept from an earlier visit that holds nothing unsaved is forgotten,
 * so the editor opens on what the server has now; one with unsaved text is kept.
 */
function forgetSavedDraft(slug: string): true {
  try {
    const key = `twins.draft.${draftKeyOf(slug)}`;
    const stored = JSON.parse(sessionStorage.getItem(key) ?? 'null') as { edited?: boolean } | null;
    if (stored && !stored.edited) sessionStorage.removeItem(key);
  } catch {
    // An unreadable draft is left to useDraft, which ignores it.
  }
  return true;
}

export default function EditCaseStudyPage() {
  const { slug = '' } = useParams();
  const location = useLocation();
  const { t, language } = useMessages(caseStudyMessages);
  const commonText = useMessages(common).t;
  useState(() => forgetSavedDraft(slug));
  // "Draft saved" after creating it shows once: a reload of the page does not say it again.
  const navigate = useNavigate();
  const [created] = useState(() => !!(location.state as { created?: boolean } | null)?.created);
  useEffect(() => {
    if (created) void navigate(location.pathname, { replace: true, state: null });
  }, [created, navigate, location.pathname]);
  const [{ data, error, fetching }, reexecute] = useQuery({ query: EditQuery, variables: { idOrSlug: slug } });
  const study = data?.caseStudy;
  const title = study ? pickVersion(study.versions, null, language)?.title : undefined;
  usePageTitle(title ? `${t('editor.editTitle')}: ${title}` : t('editor.editTitle'));

  if (problemOf(error)?.code === 'NOT_FOUND') {
    return (
      <div className="page">
        <h1>{commonText('notFound.title')}</h1>
        <p>{t('notFound')}</p>
      </div>
    );
  }
  if (!study) {
    return (
      <div className="page">
        <h1>{t('editor.editTitle')}</h1>
        <ErrorNotice error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
        {fetching && <Loading />}
      </div>
    );
  }

  const snapshot = snapshotOf(study);
  const server: ServerCaseStudy = {
    id: study.id,
    slug: study.slug,
    versions: study.versions.filter((v) => isLang(v.language)).map((v) => ({ language: v.language as Language, status: v.status, reviewNote: v.reviewNote })),
    snapshot,
    author: study.myAccess.author,
  };

  return (
    <div className="page case-studies">
      <p className="case-study__crumbs">
        <Link to="/me/case-studies">← {t('mine.title')}</Link>
      </p>
      <h1>
        {t('editor.editTitle')}
        {title && (
          <>
            : <span className="cs-editor__heading-title">{title}</span>
          </>
        )}
      </h1>
      {!study.myAccess.author && !study.myAccess.reviewer ? (
        <ErrorNotice problem={{ code: 'FORBIDDEN', message: '', fields: [] }} />
      ) : (
        <>
          {/* A later refetch (after a save) reaches the editor through `server`; the draft stays the person's. */}
          <ErrorNotice error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
          <CaseStudyEditor
            key={study.id}
            draftKey={draftKeyOf(slug)}
            initial={snapshot}
            server={server}
            created={created}
            onSaved={() => reexecute({ requestPolicy: 'network-only' })}
          />
        </>
      )}
    </div>
  );
}
