import type { CombinedError } from 'urql';
import { problemOf } from '../api/errors';
import { ErrorNotice } from './ErrorNotice';
import { NotFoundNotice } from './PageFrame';
import { useMessages } from '../i18n';
import { common } from '../i18n/common';

/** A page whose main query failed: the not-found page for NOT_FOUND (no access looks the same), else the error with a retry. */
export function PageProblem({ error, onRetry }: { error: CombinedError; onRetry: () => void }) {
  const { t } = useMessages(common);
  if (problemOf(error)?.code === 'NOT_FOUND') {
    return <NotFoundNotice title={t('notFound.title')} message={t('notFound.body')} back={{ to: '/me', label: t('nav.account') }} narrow />;
  }
  return (
    <div className="page">
      <ErrorNotice error={error} onRetry={onRetry} />
    </div>
  );
}
