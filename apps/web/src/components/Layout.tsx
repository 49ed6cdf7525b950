import { useEffect, useId, useRef, useState } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { problemOfThrown, type ApiProblem } from '../api/errors';
import { useAuth } from '../auth/AuthProvider';
import { useMessages } from '../i18n';
import { useLanguageSwitch } from '../i18n/useLanguageSwitch';
import { common } from '../i18n/common';
import { authMessages } from '../features/auth/messages';
import { ErrorNotice } from './ErrorNotice';

/** The frame of every page: skip link, header with navigation, language switch and account, main, footer. */
export function Layout() {
  const { t, language } = useMessages(common);
  const { t: ta } = useMessages(authMessages);
  const { user, signOut, hasRole } = useAuth();
  // A sign-out the server could not carry out: the person is told, and stays signed in.
  const [signOutProblem, setSignOutProblem] = useState<ApiProblem | null>(null);
  const trySignOut = () => {
    setSignOutProblem(null);
    signOut().catch((error: unknown) => setSignOutProblem(problemOfThrown(error)));
  };
  const switchLanguage = useLanguageSwitch();
  const menuId = useId();
  const location = useLocation();
  // The phone menu stays open on the page where it was opened: going to another page closes it.
  const [menuOpenOn, setMenuOpenOn] = useState<string | null>(null);
  const menuOpen = menuOpenOn === location.pathname;
  const firstRender = useRef(true);
  useEffect(() => {
    // After a route change, start a screen reader (and the keyboard) at the new page's content.
    if (firstRender.current) firstRender.current = false;
    else document.getElementById('main')?.focus();
  }, [location.pathname]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="site-header">
        <div className="site-header__bar">
          <Link to="/" className="brand">
            <svg aria-hidden="true" width="28" height="28" viewBox="0 0 32 32">
              <circle cx="11" cy="16" r="9" fill="#0b4f6c" />
              <circle cx="21" cy="16" r="9" fill="#c8102e" fillOpacity=".85" />
            </svg>
            <span>{t('appName')}</span>
          </Link>
          <button
            type="button"
            className="menu-button"
            aria-expanded={menuOpen}
            aria-controls={menuId}
            onClick={() => setMenuOpenOn(menuOpen ? null : location.pathname)}
          >
            {t('nav.menu')}
          </button>
          <div id={menuId} className={`site-header__menu${menuOpen ? ' is-open' : ''}`}>
            <nav aria-label={t('nav.label')}>
              <ul className="nav-list">
                <li><NavLink to="/" end>{t('nav.programme')}</NavLink></li>
                <li><NavLink to="/pairs">{t('nav.pairs')}</NavLink></li>
                <li><NavLink to="/explorer">{t('nav.explorer')}</NavLink></li>
                <li><NavLink to="/case-studies">{t('nav.caseStudies')}</NavLink></li>
                <li><NavLink to="/events">{t('nav.events')}</NavLink></li>
                {/* Board members' work, known from the session's roles: no request of its own. */}
                {hasRole('BOARD_MEMBER') && <li><NavLink to="/board">{t('nav.board')}</NavLink></li>}
                {hasRole('ADMIN') && <li><NavLink to="/admin">{t('nav.console')}</NavLink></li>}
              </ul>
            </nav>
            <div className="site-header__tools">
              <button type="button" className="button button--ghost" onClick={() => switchLanguage(language === 'en' ? 'ko' : 'en')}>
                {/* The visible word is the other language's own name; the spoken name says what it does. */}
                <span className="visually-hidden">{t('language.switchToLabel')}: </span>
                <span lang={language === 'en' ? 'ko' : 'en'}>{t('language.switchTo')}</span>
              </button>
              {user ? (
                <>
                  <NavLink to="/me" className="account-link">
                    {user.displayName}
                  </NavLink>
                  <button type="button" className="button button--ghost" onClick={trySignOut}>
                    {t('nav.signOut')}
                  </button>
                </>
              ) : (
                <NavLink to="/sign-in" state={{ from: location.pathname + location.search }} className="button button--primary">
                  {t('nav.signIn')}
                </NavLink>
              )}
            </div>
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {user && signOutProblem && <ErrorNotice problem={signOutProblem} title={ta('signOut.failed')} onRetry={trySignOut} />}
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>{t('footer.note')}</p>
        <p>
          <a href="/open-data">{t('footer.openData')}</a> · <a href="/feeds/case-studies.atom">{t('footer.feed')}</a>
        </p>
      </footer>
    </>
  );
}

/** Sets the document title, and moves focus to the page's main region when the route changes (for screen readers). */
export function usePageTitle(title: string): void {
  const { t } = useMessages(common);
  useEffect(() => {
    document.title = title ? `${title} · ${t('appName')}` : t('appName');
  }, [title, t]);
}
