import { useState } from 'react';
import { useMutation } from 'urql';
import { fieldProblems, problemOf, type ApiProblem } from '../../api/errors';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { graphql } from '../../gql';
import { useMessages, type Language } from '../../i18n';
import { caseStudyMessages } from './messages';
import { StatusBadge, type Status } from './shared';

const Review = graphql(`
  mutation CaseStudyReview($input: ReviewCaseStudyInput!) {
    reviewCaseStudy(input: $input) {
      language
      status
      reviewNote
      publishedAt
    }
  }
`);

const Archive = graphql(`
  mutation CaseStudyArchive($input: CaseStudyStepInput!) {
    archiveCaseStudy(input: $input) {
      language
      status
    }
  }
`);

const Republish = graphql(`
  mutation CaseStudyRepublish($input: CaseStudyStepInput!) {
    republishCaseStudy(input: $input) {
      language
      status
      publishedAt
    }
  }
`);

const ConfirmTranslation = graphql(`
  mutation CaseStudyConfirmTranslation($input: CaseStudyStepInput!) {
    confirmCaseStudyTranslation(input: $input) {
      language
      needsTranslationCheck
    }
  }
`);

const NOTE_MAX = 2000;
type Done = 'approve' | 'sendBack' | 'archive' | 'republish' | 'confirm';

interface VersionState {
  language: string;
  title: string;
  status: Status;
  needsTranslationCheck: boolean;
  reviewNote?: string | null;
}

/**
 * For a case study's reviewers (a lead of its workspace, or an admin): each
 * language version's next step. The API decides; this only offers the steps
 * its status allows (an author who reviews never publishes their own).
 */
export function ReviewPanel({ caseStudyId, author, versions, onDone }: { caseStudyId: string; author: boolean; versions: VersionState[]; onDone: () => void }) {
  const { t } = useMessages(caseStudyMessages);
  const [done, setDone] = useState<{ step: Done; language: string } | null>(null);
  return (
    <section className="case-study__review" aria-labelledby="case-study-review">
      <h2 id="case-study-review">{t('review.title')}</h2>
      <p>{t('review.intro')}</p>
      {author && <p className="notice notice--info">{t('review.ownWork')}</p>}
      <p role="status" className="form__status">
        {done ? t(`review.done.${done.step}`, { language: t(`languages.${done.language as Language}`) }) : ''}
      </p>
      <div className="case-study__review-versions">
        {versions.map((version) => (
          <VersionReview
            key={version.language}
            caseStudyId={caseStudyId}
            author={author}
            version={version}
            onDone={(step) => {
              setDone({ step, language: version.language });
              onDone();
            }}
          />
        ))}
      </div>
    </section>
  );
}

function VersionReview({ caseStudyId, author, version, onDone }: { caseStudyId: string; author: boolean; version: VersionState; onDone: (step: Done) => void }) {
  const { t } = useMessages(caseStudyMessages);
  const languageName = t(`languages.${version.language as Language}`);
  const [note, setNote] = useState('');
  const [touched, setTouched] = useState(false);
  const [review, reviewMutation] = useMutation(Review);
  const [archive, archiveMutation] = useMutation(Archive);
  const [republish, republishMutation] = useMutation(Republish);
  const [confirm, confirmMutation] = useMutation(ConfirmTranslation);
  const [lastError, setLastError] = useState<ApiProblem | null>(null);
  const busy = review.fetching || archive.fetching || republish.fetching || confirm.fetching;
  const noteProblem = note.trim().length > NOTE_MAX ? t('review.noteTooLong') : !note.trim() ? t('review.noteRequired') : null;
  // Too long shows as you type; "required" only once you try to send it back (publishing needs no note).
  const shownNoteProblem = note.trim().length > NOTE_MAX || touched ? noteProblem : null;
  const server = fieldProblems(lastError);

  async function run(step: Done) {
    const input = { caseStudyId, language: version.language };
    let result: { error?: Parameters<typeof problemOf>[0]; data?: unknown };
    if (step === 'approve') result = await reviewMutation({ input: { ...input, approve: true } });
    else if (step === 'sendBack') {
      setTouched(true);
      if (noteProblem) return;
      result = await reviewMutation({ input: { ...input, approve: false, note: note.trim() } });
    } else if (step === 'archive') result = await archiveMutation({ input });
    else if (step === 'republish') result = await republishMutation({ input });
    else result = await confirmMutation({ input });
    setLastError(problemOf(result.error));
    if (result.data) {
      setNote('');
      setTouched(false);
      onDone(step);
    }
  }

  const headingId = `review-${version.language}`;
  return (
    <div className="card case-study__review-card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t('review.version', { language: languageName })} <StatusBadge status={version.status} />
      </h3>
      <p lang={version.language}>{version.title}</p>
      <ErrorNotice problem={lastError} />
      {version.status === 'IN_REVIEW' && (
        <>
          <Field
            label={t('review.note')}
            hint={t('review.noteHint')}
            problem={shownNoteProblem ?? (server.note ? t('review.noteRequired') : null)}
            render={(control) => <textarea {...control} rows={3} value={note} onChange={(e) => setNote(e.target.value)} />}
          />
          <p className="case-study__review-actions">
            {!author && (
              <button type="button" className="button button--primary" disabled={busy} onClick={() => void run('approve')}>
                {t('review.publish', { language: languageName })}
              </button>
            )}
            <button type="button" className="button button--secondary" disabled={busy} onClick={() => void run('sendBack')}>
              {t('review.sendBack')}
            </button>
          </p>
        </>
      )}
      {version.status === 'PUBLISHED' && (
        <p className="case-study__review-actions">
          <button type="button" className="button button--ghost" disabled={busy} onClick={() => void run('archive')} aria-describedby={`${headingId}-archive`}>
            {t('review.archive', { language: languageName })}
          </button>
          <small id={`${headingId}-archive`} className="case-study__hint">
            {t('review.archiveHint')}
          </small>
        </p>
      )}
      {version.status === 'ARCHIVED' && !author && (
        <p className="case-study__review-actions">
          <button type="button" className="button button--secondary" disabled={busy} onClick={() => void run('republish')}>
            {t('review.republish', { language: languageName })}
          </button>
        </p>
      )}
      {version.status === 'DRAFT' && <p className="muted">{t('review.nothing')}</p>}
      {version.needsTranslationCheck && (
        <p className="case-study__review-actions">
          <button type="button" className="button button--ghost" disabled={busy} onClick={() => void run('confirm')}>
            {t('review.confirmTranslation', { language: languageName })}
          </button>
        </p>
      )}
    </div>
  );
}
