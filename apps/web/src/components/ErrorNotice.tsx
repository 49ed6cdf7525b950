import type { CombinedError } from 'urql';
import { problemOf, type ApiProblem } from '../api/errors';
import { common } from '../i18n/common';
import { useMessages } from '../i18n';

/** Codes whose situation the page knows better than the API's sentence: the page's own words say them. */
const OWN_WORDS = new Set<ApiProblem['code']>(['NETWORK', 'INTERNAL_SERVER_ERROR', 'SERVICE_UNAVAILABLE', 'RATE_LIMITED', 'UNAUTHENTICATED']);

/**
 * An API error in the reader's language with what to do next, announced to
 * screen readers. The API answers in the language the page is shown in (the
 * web app sends it), so its own sentence says what went wrong; the page's
 * words stand in for it when it has none, and for what the page knows better
 * (the server away, a wait, a session ended). Input problems are listed one
 * by one. `title` says what did not happen when "That did not work" says too
 * little.
 */
export function ErrorNotice({ error, problem, title, onRetry }: { error?: CombinedError | null; problem?: ApiProblem | null; title?: string; onRetry?: () => void }) {
  const { t } = useMessages(common);
  const p = problem ?? problemOf(error);
  if (!p) return null;
  // The request limit asks for seconds, sign-in's for minutes: say whichever reads naturally.
  const seconds = Math.max(1, Math.ceil(p.retryAfterSeconds ?? 60));
  const wait = seconds < 90 ? t('errors.waitSeconds', { count: seconds }) : t('errors.waitMinutes', { count: Math.ceil(seconds / 60) });
  const fieldMessages = [...new Set(p.fields.map((f) => f.message))];
  const apiWords = !OWN_WORDS.has(p.code) && p.message && !fieldMessages.length ? p.message : null;
  return (
    <div className="notice notice--error" role="alert" data-error-code={p.code}>
      <p className="notice__title">{title ?? t('errors.title')}</p>
      <p>{apiWords ?? t(`errors.${p.code}`, { wait })}</p>
      {fieldMessages.length > 0 && (
        <ul className="notice__detail">
          {fieldMessages.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
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
 * the usual notice then says in the API's words.
 */
export function ExplainedError({ error, explain, onRetry }: { error?: CombinedError | null; explain: (reason: string) => string | null; onRetry?: () => void }) {
  const { t } = useMessages(common);
  const problem = problemOf(error);
  if (!problem) return null;
  const words = problem.reason ? explain(problem.reason) : null;
  if (!words) return <ErrorNotice error={error} onRetry={onRetry} />;
  return (
    <div className="notice notice--error" role="alert" data-error-code={problem.code} data-reason={problem.reason}>
      <p className="notice__title">{t('errors.title')}</p>
      <p>{words}</p>
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
