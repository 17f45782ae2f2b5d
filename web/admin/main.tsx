// Admin console entry: i18n (zh default, en remembered), data cache, then the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createI18n } from '../i18n/setup';
import { adminZh } from '../i18n/admin-zh';
import { adminEn } from '../i18n/admin-en';
import { ApiError } from '../api/client';
import { AdminApp } from './AdminApp';
import './admin.css';

const i18n = createI18n({ zh: { translation: adminZh }, en: { translation: adminEn } });
const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Errors the user must act on (sign in, no right, not found) are not worth retrying.
      retry: (count, err) => count < 2 && !(err instanceof ApiError && err.status >= 400 && err.status < 500),
    },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <AdminApp />
      </QueryClientProvider>
    </I18nextProvider>
  </StrictMode>,
);
