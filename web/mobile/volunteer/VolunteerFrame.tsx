// The frame of every page that needs a signed-in volunteer: the header, and the page only once we know who is
// signed in. Signed out → the sign-in page, coming back here afterwards; a staff account without a volunteer
// record is told so instead of seeing an error.
import { useEffect, type ReactNode } from 'react';
import { Button, Result } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import type { MyVolunteer } from '../../api/mobile-volunteer';
import { signOut } from '../../api/mobile-volunteer';
import { MobileHeader } from '../MobileHeader';
import { forgetMe, reloadMe, useMe } from './my-volunteer';
import { navigate } from './navigation';
import { LoadFailed, Loading } from './page-states';

export function VolunteerFrame(props: { title: string; back?: string; children: (v: MyVolunteer) => ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  useEffect(() => {
    document.title = `${props.title} · ${t('brand')}`;
  }, [props.title, t]);
  useEffect(() => {
    if (me.kind === 'signed-out') {
      const here = window.location.pathname + window.location.search;
      navigate(`/m/sign-in?next=${encodeURIComponent(here)}`, { replace: true });
    }
  }, [me.kind]);
  return (
    <div className="wm-page">
      <MobileHeader back={props.back ?? '/m/'} />
      <main className="wm-main">
        <h1 className="wm-page-title">{props.title}</h1>
        {(me.kind === 'loading' || me.kind === 'signed-out') && <Loading />}
        {me.kind === 'failed' && <LoadFailed onRetry={() => void reloadMe()} />}
        {me.kind === 'not-volunteer' && <NotVolunteer />}
        {me.kind === 'ok' && props.children(me.volunteer)}
      </main>
    </div>
  );
}

function NotVolunteer() {
  const { t } = useTranslation();
  return (
    <div>
      <Result status="info" title={<span className="wm-result-title">{t('volunteer.me.notVolunteerTitle')}</span>} description={<p className="wm-result-body">{t('volunteer.me.notVolunteerBody')}</p>} />
      <div className="wm-form-actions">
        <Button
          block
          size="large"
          onClick={() =>
            void signOut()
              .catch(() => undefined)
              .then(() => {
                forgetMe();
                navigate('/m/', { replace: true });
              })
          }
        >
          {t('volunteer.me.signOut')}
        </Button>
      </div>
    </div>
  );
}
