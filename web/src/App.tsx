/** Routes of the web app. Every page is its own chunk (React.lazy) to keep the first load small. */
import { lazy, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { AppLayout, PublicLayout } from './components/Layout.tsx';
import { Loading } from './components/feedback.tsx';
import { SessionProvider, useSession } from './session.tsx';

const SetupPage = lazy(() => import('./pages/SetupPage.tsx'));
const SignInPage = lazy(() => import('./pages/SignInPage.tsx'));
const AccountsPage = lazy(() => import('./pages/AccountsPage.tsx'));
const AccountFormPage = lazy(() => import('./pages/AccountFormPage.tsx'));
const AccountPage = lazy(() => import('./pages/AccountPage.tsx'));
const UnitsPage = lazy(() => import('./pages/UnitsPage.tsx'));
const PeoplePage = lazy(() => import('./pages/PeoplePage.tsx'));
const SettingsPage = lazy(() => import('./pages/SettingsPage.tsx'));
const StrategyPage = lazy(() => import('./pages/StrategyPage.tsx'));
const GoalPage = lazy(() => import('./pages/GoalPage.tsx'));
const GoalWizardPage = lazy(() => import('./pages/goal-wizard/GoalWizardPage.tsx'));
const ImportPage = lazy(() => import('./pages/import/ImportPage.tsx'));
const ManualEntryPage = lazy(() => import('./pages/account/ManualEntryPage.tsx'));
const DuePage = lazy(() => import('./pages/DuePage.tsx'));
const CalculatorPage = lazy(() => import('./pages/CalculatorPage.tsx'));
const HistoryWindowsPage = lazy(() => import('./pages/HistoryWindowsPage.tsx'));
const MappingsPage = lazy(() => import('./pages/mappings/MappingsPage.tsx'));
const MappingPage = lazy(() => import('./pages/mappings/MappingPage.tsx'));
const CompetitorsPage = lazy(() => import('./pages/competitors/CompetitorsPage.tsx'));
const CompetitorFormPage = lazy(() => import('./pages/competitors/CompetitorFormPage.tsx'));
const CompetitorPage = lazy(() => import('./pages/competitors/CompetitorPage.tsx'));
const ShareOfVoicePage = lazy(() => import('./pages/competitors/ShareOfVoicePage.tsx'));
const OverviewPage = lazy(() => import('./pages/dashboard/OverviewPage.tsx'));
const AccountDashboardPage = lazy(() => import('./pages/account-dashboard/AccountDashboardPage.tsx'));
const ComparePage = lazy(() => import('./pages/compare/ComparePage.tsx'));
const EvaluationsPage = lazy(() => import('./pages/evaluations/EvaluationsPage.tsx'));
const EvaluationPage = lazy(() => import('./pages/evaluations/EvaluationPage.tsx'));
const ReportsPage = lazy(() => import('./pages/reports/ReportsPage.tsx'));
const AnnualReportsPage = lazy(() => import('./pages/reports/AnnualReportsPage.tsx'));
const AnnualReportPage = lazy(() => import('./pages/reports/AnnualReportPage.tsx'));
const NotificationsPage = lazy(() => import('./pages/notifications/NotificationsPage.tsx'));
const AuditPage = lazy(() => import('./pages/audit/AuditPage.tsx'));
const MySettingsPage = lazy(() => import('./pages/me/MySettingsPage.tsx'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage.tsx'));

function Failed({ message }: { message: string }) {
  const { t } = useTranslation();
  const { retry } = useSession();
  return (
    <main id="main" className="page page-narrow">
      <h1>{t('app.unavailable')}</h1>
      <p role="alert">{message}</p>
      <button type="button" className="button primary" onClick={retry}>
        {t('common.retry')}
      </button>
    </main>
  );
}

/** The signed-in part: without a session, go to first run or sign-in (and come back after). */
function RequireSession({ children }: { children: ReactNode }) {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'signedIn') return <>{children}</>;
  if (state.status === 'anonymous') {
    if (state.needsSetup) return <Navigate to="/setup" replace />;
    if (state.ended === 'signedOut') return <Navigate to="/sign-in" replace state={{ flash: { key: 'notice.signedOut' } }} />;
    const next = location.pathname + location.search;
    const to = next && next !== '/' ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in';
    return <Navigate to={to} replace state={state.ended === 'expired' ? { flash: { key: 'notice.sessionEnded' } } : undefined} />;
  }
  return null;
}

function Gate({ children }: { children: ReactNode }) {
  const { state } = useSession();
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <Failed message={state.message} />;
  return <>{children}</>;
}

export function App() {
  return (
    // Navigations update at once (not as transitions), so that controls bound to the address
    // (filters, the archived switch) never show a stale value while React renders.
    <BrowserRouter useTransitions={false}>
      <SessionProvider>
        <Gate>
          <Routes>
            <Route element={<PublicLayout />}>
              <Route path="/setup" element={<SetupPage />} />
              <Route path="/sign-in" element={<SignInPage />} />
            </Route>
            <Route
              element={
                <RequireSession>
                  <AppLayout />
                </RequireSession>
              }
            >
              <Route index element={<Navigate to="/dashboard" replace />} />
              <Route path="/dashboard" element={<OverviewPage />} />
              <Route path="/dashboard/units/:unit" element={<OverviewPage />} />
              <Route path="/accounts" element={<AccountsPage />} />
              <Route path="/accounts/new" element={<AccountFormPage />} />
              <Route path="/accounts/:account" element={<AccountPage />} />
              <Route path="/accounts/:account/edit" element={<AccountFormPage />} />
              <Route path="/accounts/:account/import" element={<ImportPage />} />
              <Route path="/accounts/:account/monthly-entry" element={<ManualEntryPage />} />
              <Route path="/accounts/:account/dashboard" element={<AccountDashboardPage />} />
              <Route path="/compare" element={<ComparePage />} />
              <Route path="/strategy" element={<StrategyPage />} />
              <Route path="/goals/new" element={<GoalWizardPage />} />
              <Route path="/goals/:goal" element={<GoalPage />} />
              <Route path="/goals/:goal/edit" element={<GoalWizardPage />} />
              <Route path="/organisation" element={<UnitsPage />} />
              <Route path="/people" element={<PeoplePage />} />
              <Route path="/settings" element={<SettingsPage />} />
              <Route path="/settings/history-windows" element={<HistoryWindowsPage />} />
              <Route path="/settings/column-mappings" element={<MappingsPage />} />
              <Route path="/settings/column-mappings/:id" element={<MappingPage />} />
              <Route path="/due" element={<DuePage />} />
              <Route path="/calculator" element={<CalculatorPage />} />
              <Route path="/competitors" element={<CompetitorsPage />} />
              <Route path="/competitors/new" element={<CompetitorFormPage />} />
              <Route path="/competitors/share-of-voice" element={<ShareOfVoicePage />} />
              <Route path="/competitors/:competitor" element={<CompetitorPage />} />
              <Route path="/competitors/:competitor/edit" element={<CompetitorFormPage />} />
              <Route path="/evaluations" element={<EvaluationsPage />} />
              <Route path="/evaluations/:id" element={<EvaluationPage />} />
              <Route path="/reports" element={<ReportsPage />} />
              <Route path="/annual-reports" element={<AnnualReportsPage />} />
              <Route path="/annual-reports/:account/:year" element={<AnnualReportPage />} />
              <Route path="/notifications" element={<NotificationsPage />} />
              <Route path="/audit" element={<AuditPage />} />
              <Route path="/me" element={<MySettingsPage />} />
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
        </Gate>
      </SessionProvider>
    </BrowserRouter>
  );
}
