// A volunteer's teams (/m/teams): every team they belong to or asked to join, with its status, and a way to
// leave (or withdraw a request) after a confirmation.
import { useCallback, useEffect, useState } from 'react';
import { Button, Dialog, Tag, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { teamPaths, type MyTeam } from '../../api/teams';
import { VolunteerFrame } from '../volunteer/VolunteerFrame';
import { LoadFailed, Loading } from '../volunteer/page-states';

export function MyTeamsPage() {
  const { t } = useTranslation();
  return <VolunteerFrame title={t('teams.mine.title')} back="/m/me">{() => <MyTeamList />}</VolunteerFrame>;
}

const STATUS_COLOR: Record<string, 'warning' | 'success' | 'danger' | 'default'> = { pending: 'warning', active: 'success', rejected: 'danger', left: 'default', removed: 'default' };

function MyTeamList() {
  const { t } = useTranslation();
  const [teams, setTeams] = useState<MyTeam[] | null | 'failed'>(null);
  const load = useCallback(() => {
    setTeams(null);
    api<{ items: MyTeam[] }>(teamPaths.mine)
      .then((r) => setTeams(r.items))
      .catch(() => setTeams('failed'));
  }, []);
  useEffect(load, [load]);

  const leave = async (team: MyTeam) => {
    const pending = team.status === 'pending';
    const sure = await Dialog.confirm({
      title: pending ? t('teams.mine.withdrawTitle') : t('teams.mine.leaveTitle'),
      content: pending ? t('teams.mine.withdrawBody', { name: team.name }) : t('teams.mine.leaveBody', { name: team.name }),
      confirmText: pending ? t('teams.mine.withdraw') : t('teams.mine.leave'),
      cancelText: t('teams.mine.cancel'),
    });
    if (!sure) return;
    try {
      await api(teamPaths.leave(team.teamId), { method: 'POST', body: {} });
      Toast.show({ icon: 'success', content: pending ? t('teams.mine.withdrawn') : t('teams.mine.left') });
      load();
    } catch (err) {
      Toast.show({ content: err instanceof Error ? err.message : String(err), duration: 4000 });
    }
  };

  if (teams === null) return <Loading />;
  if (teams === 'failed') return <LoadFailed onRetry={load} />;
  if (teams.length === 0) return <p className="wm-notice">{t('teams.mine.none')}</p>;
  return (
    <ul className="wm-stack" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {teams.map((team) => (
        <li key={team.teamId} className="wm-card" aria-label={team.name}>
          <div className="wm-section-title">{team.name}</div>
          <div className="wm-tags">
            <Tag color={STATUS_COLOR[team.status] ?? 'default'} fill="outline" className="wm-tag">
              {team.teamStatus === 'dissolved' ? t('teams.mine.dissolved') : t(`teams.status.${team.status}`)}
            </Tag>
            {team.status === 'active' && (
              <Tag color="primary" fill="outline" className="wm-tag">
                {t(`teams.role.${team.role}`)}
              </Tag>
            )}
            <Tag fill="outline" className="wm-tag">
              {team.specialtyLabel}
            </Tag>
          </div>
          <p className="wm-muted" style={{ margin: '0 0 8px', fontSize: 17 }}>
            {team.unitName}
          </p>
          {team.status === 'active' && team.role === 'leader' ? (
            <p className="wm-muted" style={{ margin: 0, fontSize: 16 }}>
              {t('teams.mine.leaderCannotLeave')}
            </p>
          ) : (team.status === 'active' || team.status === 'pending') && team.teamStatus === 'active' && (
            <Button size="middle" fill="outline" color="danger" onClick={() => void leave(team)}>
              {team.status === 'pending' ? t('teams.mine.withdraw') : t('teams.mine.leave')}
            </Button>
          )}
        </li>
      ))}
    </ul>
  );
}
