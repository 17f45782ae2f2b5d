// Any /m/ path the app does not know: say so kindly and offer the way home.
import { useEffect } from 'react';
import { Button, Result } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { MobileHeader } from '../MobileHeader';
import { navigate } from './navigation';

export function NotFoundPage() {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${t('volunteer.notFound.title')} · ${t('brand')}`;
  }, [t]);
  return (
    <div className="wm-page">
      <MobileHeader />
      <main className="wm-main">
        <Result
          status="warning"
          title={<h1 className="wm-result-title">{t('volunteer.notFound.title')}</h1>}
          description={<p className="wm-result-body">{t('volunteer.notFound.body')}</p>}
        />
        <div className="wm-form-actions">
          <Button block color="primary" size="large" onClick={() => navigate('/m/', { replace: true })}>
            {t('volunteer.home.backHome')}
          </Button>
        </div>
      </main>
    </div>
  );
}
