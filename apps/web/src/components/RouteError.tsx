import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { useMessages } from '../i18n';
import { common } from '../i18n/common';
import NotFoundPage from './NotFoundPage';

/** What a person sees when a page fails to render: an apology in their language and a way on, never a blank screen. */
export function RouteError() {
  const error = useRouteError();
  const { t } = useMessages(common);
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  console.error(error);
  return (
    <main id="main" className="page page--narrow">
      <div className="notice notice--error" role="alert">
        <p className="notice__title">{t('errors.title')}</p>
        <p>{t('errors.INTERNAL_SERVER_ERROR')}</p>
      </div>
      <p>
        <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
          {t('retry')}
        </button>{' '}
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </main>
  );
}
