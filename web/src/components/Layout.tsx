/** The frame of every page: skip link, header with navigation, main region. */
import { Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation } from 'react-router';
import { canAnywhere } from '../access.ts';
import { useSession } from '../session.tsx';
import { Loading } from './feedback.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { NotificationBell } from './NotificationBell.tsx';

/** Moves focus to <main> after a navigation, so screen readers start at the new page. */
function useFocusMainOnNavigate() {
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus({ preventScroll: false });
  }, [location.pathname]);
  return main;
}

function SkipLink() {
  const { t } = useTranslation();
  return (
    <a className="skip-link" href="#main">
      {t('nav.skip')}
    </a>
  );
}

export function AppLayout() {
  const { t } = useTranslation();
  const session = useSession();
  const main = useFocusMainOnNavigate();
  if (session.state.status !== 'signedIn') return null;
  const me = session.state.me;

  // The session state then leads to the sign-in page (see RequireSession).
  const signOut = () => session.signOut().catch(() => undefined);

  return (
    <>
      <SkipLink />
      <header className="site-header">
        <div className="header-inner">
          <div className="brand">
            <NavLink to="/" className="brand-link">
              {t('app.name')}
            </NavLink>
            <span className="org-name">{me.organisation.name}</span>
          </div>
          <nav aria-label={t('nav.main')} className="main-nav">
            <ul>
              <li>
                <NavLink to="/dashboard">{t('dashboard.nav')}</NavLink>
              </li>
              <li>
                <NavLink to="/evaluations">{t('evaluations.nav')}</NavLink>
              </li>
              <li>
                <NavLink to="/reports">{t('reports.nav')}</NavLink>
              </li>
              <li>
                <NavLink to="/accounts">{t('nav.accounts')}</NavLink>
              </li>
              {canAnywhere(me, 'statistics.write') ? (
                <li>
                  <NavLink to="/due">{t('nav.due')}</NavLink>
                </li>
              ) : null}
              <li>
                <NavLink to="/strategy">{t('nav.strategy')}</NavLink>
              </li>
              <li>
                <NavLink to="/compare">{t('comparePage.nav')}</NavLink>
              </li>
              <li>
                <NavLink to="/competitors">{t('competitors.nav')}</NavLink>
              </li>
              <li>
                <NavLink to="/organisation">{t('nav.organisation')}</NavLink>
              </li>
              <li>
                <NavLink to="/people">{t('nav.people')}</NavLink>
              </li>
              <li>
                <NavLink to="/calculator">{t('calculator.nav')}</NavLink>
              </li>
              {canAnywhere(me, 'audit.read') ? (
                <li>
                  <NavLink to="/audit">{t('audit.nav')}</NavLink>
                </li>
              ) : null}
            </ul>
          </nav>
          <div className="header-tools">
            <LanguageSwitch />
            <NotificationBell />
            <NavLink to="/me" className="me-link">
              {t('me.nav')}
            </NavLink>
            <NavLink to="/settings" className="me-link" title={t('nav.settings')}>
              <span className="visually-hidden">{t('nav.signedInAs')} </span>
              {me.name}
            </NavLink>
            <button type="button" className="button subtle" onClick={() => void signOut()}>
              {t('nav.signOut')}
            </button>
          </div>
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1} className="page">
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="site-footer">
        <p>{t('app.tagline')}</p>
      </footer>
    </>
  );
}

/** For the first-run and sign-in pages: the name, the language switch, a narrow main. */
export function PublicLayout() {
  const { t } = useTranslation();
  const main = useFocusMainOnNavigate();
  return (
    <>
      <SkipLink />
      <header className="site-header">
        <div className="header-inner">
          <div className="brand">
            <span className="brand-link">{t('app.name')}</span>
          </div>
          <div className="header-tools">
            <LanguageSwitch />
          </div>
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1} className="page page-narrow">
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
    </>
  );
}
