import { Link } from 'react-router';
import type { CombinedError } from 'urql';
import { problemOf } from '../api/errors';
import { ErrorNotice } from './ErrorNotice';
import { useMessages } from '../i18n';
import { common } from '../i18n/common';

/** A page whose main query failed: the not-found page for NOT_FOUND (no access looks the same), else the error with a retry. */
export function PageProblem({ error, onRetry }: { error: CombinedError; onRetry: () => void }) {
  const { t } = useMessages(common);
  const problem = problemOf(error);
  if (problem?.code === 'NOT_FOUND') {
    return (
      <div className="page page--narrow">
        <h1>{t('notFound.title')}</h1>
        <p>{t('notFound.body')}</p>
        <p>
          <Link to="/me">{t('nav.account')}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="page">
      <ErrorNotice error={error} onRetry={onRetry} />
    </div>
  );
}
