import { Link } from 'react-router';
import { usePageTitle } from './Layout';
import { useMessages } from '../i18n';
import { common } from '../i18n/common';

export default function NotFoundPage() {
  const { t } = useMessages(common);
  usePageTitle(t('notFound.title'));
  return (
    <div className="page page--narrow">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </div>
  );
}
