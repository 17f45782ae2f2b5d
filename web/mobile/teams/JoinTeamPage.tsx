// The page a team's join QR code opens (/m/join/<token>): the team's card and "ask to join". Volunteers who are
// not signed in are offered sign-in (coming back here) or registration (which asks to join this team too).
import { useCallback, useEffect, useState, type AnchorHTMLAttributes, type MouseEvent } from 'react';
import { Button, Image, Result, Tag, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import { teamPaths, type JoinCard, type Membership } from '../../api/teams';
import { MobileHeader } from '../MobileHeader';
import { navigate } from '../volunteer/navigation';
import { LoadFailed, Loading } from '../volunteer/page-states';

/** A real link (works without JavaScript, opens in a new tab) that navigates in place on a plain click. */
function Link({ to, ...rest }: { to: string } & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'>) {
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return <a {...rest} href={to} onClick={onClick} />;
}

type State = { kind: 'loading' } | { kind: 'ok'; card: JoinCard } | { kind: 'missing' } | { kind: 'failed' };

export function JoinTeamPage({ token }: { token: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const load = useCallback(() => {
    setState({ kind: 'loading' });
    api<JoinCard>(teamPaths.joinCard(token))
      .then((card) => setState({ kind: 'ok', card }))
      .catch((err) => setState({ kind: err instanceof ApiError && err.status === 404 ? 'missing' : 'failed' }));
  }, [token]);
  useEffect(load, [load]);
  useEffect(() => {
    document.title = `${state.kind === 'ok' ? state.card.name : t('teams.join.title')} · ${t('brand')}`;
  }, [state, t]);

  return (
    <div className="wm-page">
      <MobileHeader back="/m/" />
      <main className="wm-main">
        {state.kind === 'loading' && <Loading />}
        {state.kind === 'failed' && <LoadFailed onRetry={load} />}
        {state.kind === 'missing' && (
          <Result
            status="warning"
            title={<span className="wm-result-title">{t('teams.join.missingTitle')}</span>}
            description={<p className="wm-result-body">{t('teams.join.missingBody')}</p>}
          />
        )}
        {state.kind === 'ok' && <TeamCard card={state.card} token={token} onJoined={(m) => setState({ kind: 'ok', card: { ...state.card, myMembership: m } })} />}
      </main>
    </div>
  );
}

function TeamCard({ card, token, onJoined }: { card: JoinCard; token: string; onJoined: (m: JoinCard['myMembership']) => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const join = async () => {
    setBusy(true);
    try {
      const m = await api<Membership>(teamPaths.join, { body: { token } });
      onJoined({ status: m.status, role: m.role });
      Toast.show({ icon: 'success', content: m.status === 'active' ? t('teams.join.already') : t('teams.join.sent') });
    } catch (err) {
      Toast.show({ content: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };
  const here = `/m/join/${encodeURIComponent(token)}`;
  const status = card.myMembership?.status;

  return (
    <div className="wm-stack">
      <section className="wm-card" aria-labelledby="team-name">
        <div style={{ display: 'flex', gap: 12, alignItems: 'center', marginBottom: 10 }}>
          {card.logoUrl && <Image src={card.logoUrl} alt="" width={56} height={56} fit="cover" style={{ borderRadius: 8, flex: 'none' }} />}
          <h1 id="team-name" className="wm-site-name" style={{ margin: 0 }}>
            {card.name}
          </h1>
        </div>
        <div className="wm-tags">
          <Tag color="primary" fill="outline" className="wm-tag">
            {card.specialtyLabel}
          </Tag>
          {card.federationMember && (
            <Tag color="success" fill="outline" className="wm-tag">
              {t('teams.join.federationMember')}
            </Tag>
          )}
        </div>
        <dl className="wm-fields">
          <dt>{t('teams.join.unit')}</dt>
          <dd>{card.orgName ? `${card.orgName}（${card.unitName}）` : card.unitName}</dd>
          <dt>{t('teams.join.members')}</dt>
          <dd>{t('teams.join.memberCount', { n: card.memberCount })}</dd>
          {card.contactName && (
            <>
              <dt>{t('teams.join.contact')}</dt>
              <dd>{[card.contactName, card.contactPhoneMasked].filter(Boolean).join(' ')}</dd>
            </>
          )}
        </dl>
      </section>
      {card.intro && (
        <section className="wm-card">
          <h2 className="wm-section-title">{t('teams.join.intro')}</h2>
          <p className="wm-intro">{card.intro}</p>
        </section>
      )}
      <section className="wm-form-actions" aria-live="polite">
        {!card.signedInAsVolunteer ? (
          <>
            <p className="wm-notice">{t('teams.join.signInFirst')}</p>
            <Link to={`/m/sign-in?next=${encodeURIComponent(here)}`} className="adm-button adm-button-primary adm-button-block adm-button-large adm-button-shape-default" style={{ textDecoration: 'none' }}>
              {t('teams.join.signIn')}
            </Link>
            <Link to={`/m/register?team=${encodeURIComponent(token)}`} className="adm-button adm-button-default adm-button-block adm-button-large adm-button-shape-default" style={{ textDecoration: 'none' }}>
              {t('teams.join.register')}
            </Link>
          </>
        ) : status === 'active' ? (
          <p className="wm-notice" role="status">
            {t('teams.join.already')} <Link to="/m/teams">{t('teams.join.myTeams')}</Link>
          </p>
        ) : status === 'pending' ? (
          <p className="wm-notice" role="status">
            {t('teams.join.pending')} <Link to="/m/teams">{t('teams.join.myTeams')}</Link>
          </p>
        ) : (
          <Button block color="primary" size="large" loading={busy} onClick={() => void join()}>
            {t('teams.join.apply')}
          </Button>
        )}
      </section>
    </div>
  );
}
