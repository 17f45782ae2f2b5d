// Picks the page from the path: /c/<token> is a civic code (the QR URL, loaded with the entry so a scan shows at
// once); every /m/* page loads lazily, so what the volunteer pages add never weighs on the civic page.
import { lazy, Suspense, type ReactNode } from 'react';
import { ConfigProvider } from 'antd-mobile';
import zhCN from 'antd-mobile/es/locales/zh-CN';
import enUS from 'antd-mobile/es/locales/en-US';
import { useTranslation } from 'react-i18next';
import { CivicSitePage } from './pages/CivicSitePage';
import { useLocation } from './volunteer/navigation';

const MobileHomePage = lazy(() => import('./pages/MobileHomePage').then((m) => ({ default: m.MobileHomePage })));
const RegisterPage = lazy(() => import('./volunteer/RegisterPage').then((m) => ({ default: m.RegisterPage })));
const SignInPage = lazy(() => import('./volunteer/SignInPage').then((m) => ({ default: m.SignInPage })));
const MePage = lazy(() => import('./volunteer/MePage').then((m) => ({ default: m.MePage })));
const MeEditPage = lazy(() => import('./volunteer/MeEditPage').then((m) => ({ default: m.MeEditPage })));
const PasswordPage = lazy(() => import('./volunteer/PasswordPage').then((m) => ({ default: m.PasswordPage })));
const ErasePage = lazy(() => import('./volunteer/ErasePage').then((m) => ({ default: m.ErasePage })));
const NotFoundPage = lazy(() => import('./volunteer/NotFoundPage').then((m) => ({ default: m.NotFoundPage })));
const JoinTeamPage = lazy(() => import('./teams/JoinTeamPage').then((m) => ({ default: m.JoinTeamPage })));
const MyTeamsPage = lazy(() => import('./teams/MyTeamsPage').then((m) => ({ default: m.MyTeamsPage })));
const MobileSchoolPage = lazy(() => import('./school/MobileSchoolPage').then((m) => ({ default: m.MobileSchoolPage })));
const ActivitiesPage = lazy(() => import('./activities/ActivitiesPage').then((m) => ({ default: m.ActivitiesPage })));
const ActivityPage = lazy(() => import('./participation/ActivityPage').then((m) => ({ default: m.ActivityPage })));
const BookingPage = lazy(() => import('./participation/BookingPage').then((m) => ({ default: m.BookingPage })));
const MyActivitiesPage = lazy(() => import('./participation/MyActivitiesPage').then((m) => ({ default: m.MyActivitiesPage })));
const CheckInPage = lazy(() => import('./participation/CheckInPage').then((m) => ({ default: m.CheckInPage })));
const NotificationsPage = lazy(() => import('./participation/NotificationsPage').then((m) => ({ default: m.NotificationsPage })));
const MyHoursPage = lazy(() => import('./records/MyHoursPage').then((m) => ({ default: m.MyHoursPage })));
const MyCertificatesPage = lazy(() => import('./records/MyCertificatesPage').then((m) => ({ default: m.MyCertificatesPage })));
const VerifyPage = lazy(() => import('./records/VerifyPage').then((m) => ({ default: m.VerifyPage })));

/** The token of a civic-code URL (/c/<token>), or null on any other path. */
export function civicTokenFromPath(pathname: string): string | null {
  const m = /^\/c\/([^/?#]+)\/?$/.exec(pathname);
  return m ? decodeURIComponent(m[1]) : null;
}

/** The page for a /m/ location ("/m/register?team=abc"); exported for tests of the routing table. */
export function mobilePage(location: string): ReactNode {
  const url = new URL(location, 'http://x');
  const path = url.pathname.length > 3 ? url.pathname.replace(/\/+$/, '') : url.pathname;
  const q = url.searchParams;
  if (path === '/m/' || path === '/m' || path === '/') return <MobileHomePage />;
  if (path === '/m/register') return <RegisterPage teamToken={q.get('team')} />;
  if (path === '/m/sign-in') return <SignInPage next={q.get('next')} />;
  if (path === '/m/me') return <MePage />;
  if (path === '/m/me/edit') return <MeEditPage />;
  if (path === '/m/me/password') return <PasswordPage />;
  if (path === '/m/me/erase') return <ErasePage />;
  const join = /^\/m\/join\/([^/]+)$/.exec(path);
  if (join) return <JoinTeamPage token={decodeURIComponent(join[1])} />;
  if (path === '/m/teams' || path.startsWith('/m/teams/')) return <MyTeamsPage />;
  if (path === '/m/school' || path.startsWith('/m/school/')) return <MobileSchoolPage />;
  if (path === '/m/activities') return <ActivitiesPage />;
  const activity = /^\/m\/activities\/([^/]+)$/.exec(path);
  if (activity) return <ActivityPage id={decodeURIComponent(activity[1])} />;
  const booking = /^\/m\/booking\/([^/]+)$/.exec(path);
  if (booking) return <BookingPage token={decodeURIComponent(booking[1])} />;
  if (path === '/m/me/activities') return <MyActivitiesPage />;
  if (path === '/m/check-in') return <CheckInPage code={q.get('c')} />;
  if (path === '/m/notifications') return <NotificationsPage />;
  if (path === '/m/me/hours') return <MyHoursPage />;
  if (path === '/m/me/certificates') return <MyCertificatesPage />;
  const verify = /^\/m\/verify\/([^/]+)$/.exec(path);
  if (verify) return <VerifyPage code={decodeURIComponent(verify[1])} />;
  return <NotFoundPage />;
}

function Pending() {
  const { t } = useTranslation();
  return (
    <div className="wm-loading" role="status">
      {t('loading')}
    </div>
  );
}

export function MobileApp() {
  const { i18n } = useTranslation();
  const location = useLocation();
  const token = civicTokenFromPath(location.split('?')[0]);
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN}>
      {token ? (
        <CivicSitePage token={token} />
      ) : (
        <Suspense fallback={<Pending />} key={location.split('?')[0]}>
          {mobilePage(location)}
        </Suspense>
      )}
    </ConfigProvider>
  );
}
