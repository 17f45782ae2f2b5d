// What /m/ shows until later issues add the citizen and volunteer pages.
import { Result } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { MobileHeader } from '../MobileHeader';

export function MobileHomePage() {
  const { t } = useTranslation();
  return (
    <div className="wm-page">
      <MobileHeader />
      <main>
        <Result status="info" title={t('home.title')} description={t('home.body')} />
      </main>
    </div>
  );
}
