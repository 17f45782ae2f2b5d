// Picks the page from the path: /c/<token> is a civic code (the QR URL); /m/* are the other mobile pages.
import { ConfigProvider } from 'antd-mobile';
import zhCN from 'antd-mobile/es/locales/zh-CN';
import enUS from 'antd-mobile/es/locales/en-US';
import { useTranslation } from 'react-i18next';
import { CivicSitePage } from './pages/CivicSitePage';
import { MobileHomePage } from './pages/MobileHomePage';

/** The token of a civic-code URL (/c/<token>), or null on any other path. */
export function civicTokenFromPath(pathname: string): string | null {
  const m = /^\/c\/([^/?#]+)\/?$/.exec(pathname);
  return m ? decodeURIComponent(m[1]) : null;
}

export function MobileApp() {
  const { i18n } = useTranslation();
  const token = civicTokenFromPath(window.location.pathname);
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN}>
      {token ? <CivicSitePage token={token} /> : <MobileHomePage />}
    </ConfigProvider>
  );
}
