// The mobile home (/m/): a signed-in volunteer sees their card and where to go next; anyone else sees what
// volunteering here means and the two big ways in (register, sign in). The civic-code hint stays for visitors.
import { useEffect } from 'react';
import { Button, List, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import type { MyVolunteer } from '../../api/mobile-volunteer';
import { MobileHeader } from '../MobileHeader';
import { useMe } from '../volunteer/my-volunteer';
import { navigate } from '../volunteer/navigation';
import { Loading, statusText } from '../volunteer/page-states';

export function MobileHomePage() {
  const { t } = useTranslation();
  const me = useMe();
  useEffect(() => {
    document.title = t('home.title');
  }, [t]);
  return (
    <div className="wm-page">
      <MobileHeader />
      <main className="wm-main">
        {me.kind === 'loading' && <Loading />}
        {me.kind === 'ok' && <SignedInHome volunteer={me.volunteer} />}
        {me.kind !== 'loading' && me.kind !== 'ok' && <Welcome />}
        <Button block size="large" className="wm-secondary-button" onClick={() => navigate('/m/activities')}>
          {t('activities.title')}
        </Button>
        <p className="wm-home-civic">{t('home.body')}</p>
      </main>
      <footer className="wm-footer">{t('platform')}</footer>
    </div>
  );
}

function Welcome() {
  const { t } = useTranslation();
  return (
    <section className="wm-stack">
      <div className="wm-card wm-welcome">
        <h1 className="wm-page-title">{t('volunteer.home.title')}</h1>
        <p className="wm-intro">{t('volunteer.home.intro')}</p>
      </div>
      <div className="wm-form-actions">
        <Button block color="primary" size="large" onClick={() => navigate('/m/register')}>
          {t('volunteer.home.register')}
        </Button>
        <Button block size="large" onClick={() => navigate('/m/sign-in')}>
          {t('volunteer.home.signIn')}
        </Button>
      </div>
    </section>
  );
}

function SignedInHome({ volunteer: v }: { volunteer: MyVolunteer }) {
  const { t } = useTranslation();
  return (
    <section className="wm-stack">
      <div className="wm-card wm-home-card">
        <h1 className="wm-page-title">{t('volunteer.home.hello', { name: v.name })}</h1>
        <div className="wm-profile-number">
          {t('volunteer.me.number')} <span data-testid="volunteer-number">{v.number}</span>
        </div>
        <div className="wm-tags">
          <Tag color={v.status === 'active' ? 'success' : 'warning'} fill="outline" className="wm-tag">
            {statusText(t, v.status)}
          </Tag>
        </div>
      </div>
      <List className="wm-list">
        <List.Item onClick={() => navigate('/m/me')}>{t('volunteer.me.title')}</List.Item>
        <List.Item onClick={() => navigate('/m/teams')}>{t('volunteer.me.teams')}</List.Item>
        <List.Item onClick={() => navigate('/m/school')}>{t('volunteer.me.school')}</List.Item>
      </List>
    </section>
  );
}
