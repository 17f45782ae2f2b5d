// Mobile H5 entry. Kept tiny on purpose: the page a QR code opens must stay under the gzipped-JS budget
// (scripts/check-mobile-size.mjs), so pages are loaded by path and later pages load lazily.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../i18n/setup';
import { mobileZh } from '../i18n/mobile-zh';
import { mobileEn } from '../i18n/mobile-en';
import { MobileApp } from './MobileApp';
import './mobile.css';

const i18n = createI18n({ zh: { translation: mobileZh }, en: { translation: mobileEn } });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <MobileApp />
    </I18nextProvider>
  </StrictMode>,
);
