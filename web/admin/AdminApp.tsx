// Providers (antd locale and theme follow the language), the router and the signed-in gate.
import { lazy, Suspense, useEffect } from 'react';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { onUnauthorized } from '../api/client';
import { SignInPage } from './auth/SignInPage';
import { AppLayout } from './AppLayout';
import { useMe, ME_KEY } from './auth/use-me';
import { PageState } from './ui/PageState';

const NetworkPage = lazy(() => import('./network/NetworkPage').then((m) => ({ default: m.NetworkPage })));
const SitesPage = lazy(() => import('./sites/SitesPage').then((m) => ({ default: m.SitesPage })));
const BeltsPage = lazy(() => import('./belts/BeltsPage').then((m) => ({ default: m.BeltsPage })));
const MapPage = lazy(() => import('./map/MapPage').then((m) => ({ default: m.MapPage })));
const ImportExportPage = lazy(() => import('./transfer/ImportExportPage').then((m) => ({ default: m.ImportExportPage })));
const AccountsPage = lazy(() => import('./accounts/AccountsPage').then((m) => ({ default: m.AccountsPage })));
const AuditPage = lazy(() => import('./audit/AuditPage').then((m) => ({ default: m.AuditPage })));
const VolunteersPage = lazy(() => import('./volunteers/VolunteersPage').then((m) => ({ default: m.VolunteersPage })));
const OutboxPage = lazy(() => import('./volunteers/OutboxPage').then((m) => ({ default: m.OutboxPage })));
const TeamsPage = lazy(() => import('./teams/TeamsPage').then((m) => ({ default: m.TeamsPage })));
const FederationPage = lazy(() => import('./teams/FederationPage').then((m) => ({ default: m.FederationPage })));
const RosterImportPage = lazy(() => import('./roster/RosterImportPage').then((m) => ({ default: m.RosterImportPage })));
const DuplicatesPage = lazy(() => import('./roster/DuplicatesPage').then((m) => ({ default: m.DuplicatesPage })));
const ActivitiesPage = lazy(() => import('./activities/ActivitiesPage').then((m) => ({ default: m.ActivitiesPage })));
const ProgrammesPage = lazy(() => import('./activities/ProgrammesPage').then((m) => ({ default: m.ProgrammesPage })));
const ThemesPage = lazy(() => import('./activities/ThemesPage').then((m) => ({ default: m.ThemesPage })));
const CoveragePage = lazy(() => import('./activities/CoveragePage').then((m) => ({ default: m.CoveragePage })));
const HoursPage = lazy(() => import('./hours/HoursPage').then((m) => ({ default: m.HoursPage })));
const StarsPage = lazy(() => import('./hours/StarsPage').then((m) => ({ default: m.StarsPage })));
const CertificatesPage = lazy(() => import('./certificates/CertificatesPage').then((m) => ({ default: m.CertificatesPage })));
const MenuPage = lazy(() => import('./menu/MenuPage').then((m) => ({ default: m.MenuPage })));
const SchoolPage = lazy(() => import('./school/SchoolPage').then((m) => ({ default: m.SchoolPage })));

function RequireSignIn({ children }: { children: React.ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Spin fullscreen />;
  if (me.isError) return <PageState error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) {
    const next = location.pathname + location.search;
    return <Navigate to={`/sign-in${next && next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`} replace />;
  }
  return <>{children}</>;
}

/** Staff start at the network; a team leader without a staff role starts at their teams. */
function HomeRedirect() {
  const me = useMe();
  return <Navigate to={me.data && me.data.grants.length === 0 ? '/teams' : '/network'} replace />;
}

function SessionWatcher() {
  const queryClient = useQueryClient();
  // Any 401 (session expired, signed out elsewhere) drops the cached account; the gate then shows sign-in.
  useEffect(() => onUnauthorized(() => queryClient.setQueryData(ME_KEY, null)), [queryClient]);
  return null;
}

export function AdminApp() {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  useEffect(() => {
    dayjs.locale(en ? 'en' : 'zh-cn');
  }, [en]);
  return (
    <ConfigProvider locale={en ? enUS : zhCN} theme={{ token: { colorPrimary: '#c8161d', borderRadius: 6 } }}>
      <AntApp>
        <BrowserRouter basename="/admin">
          <SessionWatcher />
          <Suspense fallback={<Spin fullscreen />}>
            <Routes>
              <Route path="/sign-in" element={<SignInPage />} />
              <Route
                element={
                  <RequireSignIn>
                    <AppLayout />
                  </RequireSignIn>
                }
              >
                <Route index element={<HomeRedirect />} />
                <Route path="/network" element={<NetworkPage />} />
                <Route path="/sites" element={<SitesPage />} />
                <Route path="/belts" element={<BeltsPage />} />
                <Route path="/map" element={<MapPage />} />
                <Route path="/transfer" element={<ImportExportPage />} />
                <Route path="/accounts" element={<AccountsPage />} />
                <Route path="/audit" element={<AuditPage />} />
                {/* Module pages own their sub-paths (lists, details) with nested routes. */}
                <Route path="/volunteers/*" element={<VolunteersPage />} />
                <Route path="/outbox/*" element={<OutboxPage />} />
                <Route path="/teams/*" element={<TeamsPage />} />
                <Route path="/federation/*" element={<FederationPage />} />
                <Route path="/roster/*" element={<RosterImportPage />} />
                <Route path="/duplicates/*" element={<DuplicatesPage />} />
                <Route path="/school/*" element={<SchoolPage />} />
                <Route path="/activities/*" element={<ActivitiesPage />} />
                <Route path="/programmes/*" element={<ProgrammesPage />} />
                <Route path="/themes/*" element={<ThemesPage />} />
                <Route path="/coverage/*" element={<CoveragePage />} />
                <Route path="/hours/*" element={<HoursPage />} />
                <Route path="/stars/*" element={<StarsPage />} />
                <Route path="/certificates/*" element={<CertificatesPage />} />
                <Route path="/menu/*" element={<MenuPage />} />
                <Route path="*" element={<PageState notFound />} />
              </Route>
            </Routes>
          </Suspense>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}
