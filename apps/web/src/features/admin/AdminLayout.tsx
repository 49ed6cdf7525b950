import { NavLink, Outlet } from 'react-router';
import { useAuth } from '../../auth/AuthProvider';
import NotFoundPage from '../../components/NotFoundPage';
import { useMessages } from '../../i18n';
import { adminMessages } from './messages';
import { ADMIN_SECTIONS } from './sections';
import './admin.css';

/**
 * The frame of every console page: admins only (anyone else meets the
 * not-found page, as the API answers them), with the sections' navigation.
 */
export default function AdminLayout() {
  const { hasRole } = useAuth();
  const { t } = useMessages(adminMessages);
  if (!hasRole('ADMIN')) return <NotFoundPage />;
  return (
    <div className="admin">
      <nav className="admin__nav" aria-label={t('nav.label')}>
        <ul>
          <li>
            <NavLink to="/admin" end>
              {t('nav.overview')}
            </NavLink>
          </li>
          {ADMIN_SECTIONS.map((section) => (
            <li key={section.key}>
              <NavLink to={section.path}>{t(`section.${section.key}.title`)}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div className="admin__content">
        <Outlet />
      </div>
    </div>
  );
}
