import type { CombinedError } from 'urql';
import { problemOf, type ApiProblem } from '../api/errors';
import { common } from '../i18n/common';
import { useMessages } from '../i18n';

/**
 * An API error in the reader's language with what to do next; the server's
 * own (English) words follow for detail. Announced to screen readers. `title`
 * says what did not happen when "That did not work" says too little.
 */
export function ErrorNotice({ error, problem, title, onRetry }: { error?: CombinedError | null; problem?: ApiProblem | null; title?: string; onRetry?: () => void }) {
  const { t, language } = useMessages(common);
  const p = problem ?? problemOf(error);
  if (!p) return null;
  // The request limit asks for seconds, sign-in's for minutes: say whichever reads naturally.
  const seconds = Math.max(1, Math.ceil(p.retryAfterSeconds ?? 60));
  const wait = seconds < 90 ? t('errors.waitSeconds', { count: seconds }) : t('errors.waitMinutes', { count: Math.ceil(seconds / 60) });
  return (
    <div className="notice notice--error" role="alert" data-error-code={p.code}>
      <p className="notice__title">{title ?? t('errors.title')}</p>
      <p>{t(`errors.${p.code}`, { wait })}</p>
      {p.message && p.code !== 'NETWORK' && p.code !== 'INTERNAL_SERVER_ERROR' && (
        <p className="notice__detail">
          {language === 'ko' && <span>{t('errors.details')}: </span>}
          <span lang="en">{p.message}</span>
        </p>
      )}
      {onRetry && (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t('retry')}
        </button>
      )}
    </div>
  );
}

/**
 * An API error whose reason (a CONFLICT's) the page explains in its own
 * words: `explain` gives them, or null for a reason it does not know, which
 * the usual notice then explains by the error's code.
 */
export function ExplainedError({ error, explain, onRetry }: { error?: CombinedError | null; explain: (reason: string) => string | null; onRetry?: () => void }) {
  const { t, language } = useMessages(common);
  const problem = problemOf(error);
  if (!problem) return null;
  const words = problem.reason ? explain(problem.reason) : null;
  if (!words) return <ErrorNotice error={error} onRetry={onRetry} />;
  return (
    <div className="notice notice--error" role="alert" data-error-code={problem.code} data-reason={problem.reason}>
      <p className="notice__title">{t('errors.title')}</p>
      <p>{words}</p>
      <p className="notice__detail">
        {language === 'ko' && <span>{t('errors.details')}: </span>}
        <span lang="en">{problem.message}</span>
      </p>
    </div>
  );
}

export function Loading() {
  const { t } = useMessages(common);
  return (
    <p className="loading" role="status" aria-live="polite">
      {t('loading')}
    </p>
  );
}
