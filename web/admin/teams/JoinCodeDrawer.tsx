// A team's join QR code: the code as the server draws it, the link it opens, downloads, and regeneration
// (which makes printed codes stop working, so it asks first).
import { Alert, App, Button, Drawer, Space, Spin, Typography } from 'antd';
import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import { teamPaths, type Team } from '../../api/teams';
import { TEAMS_KEY } from './team-labels';

export function JoinCodeDrawer({ team, onClose }: { team: Team; onClose: () => void }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const qc = useQueryClient();
  const qr = useQuery({
    // The join URL is part of the key so a regenerated code is fetched afresh.
    queryKey: ['team-join-svg', team.id, team.joinUrl],
    queryFn: async () => {
      const res = await fetch(teamPaths.joinCode(team.id, 'svg'), { cache: 'no-store', credentials: 'same-origin' });
      if (!res.ok) throw new ApiError(res.status, `http_${res.status}`, `HTTP ${res.status}`);
      return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(await res.text())}`;
    },
    staleTime: Infinity,
  });
  const regenerate = useMutation({
    mutationFn: () => api<Team>(teamPaths.regenerate(team.id), { method: 'POST' }),
    onSuccess: (saved) => {
      qc.setQueryData([...TEAMS_KEY, 'one', team.id], saved);
      void qc.invalidateQueries({ queryKey: TEAMS_KEY });
      void message.success(t('teams.qr.regenerated'));
    },
    onError: (err) => void message.error(err.message),
  });
  const confirmRegenerate = () =>
    modal.confirm({
      title: t('teams.qr.regenerateTitle'),
      content: t('teams.qr.regenerateBody'),
      okText: t('teams.qr.regenerate'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => regenerate.mutateAsync(),
    });

  return (
    <Drawer open size={440} title={t('teams.qr.title', { name: team.name })} onClose={onClose}>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <div style={{ display: 'grid', placeItems: 'center', minHeight: 280, border: '1px solid #f0f0f0', borderRadius: 8, padding: 16 }}>
          {qr.isPending && <Spin />}
          {qr.isError && <Alert type="error" showIcon title={t('teams.qr.failed')} />}
          {qr.data && <img src={qr.data} alt={t('teams.qr.alt', { name: team.name })} style={{ width: 260, height: 260 }} data-testid="team-join-qr" />}
        </div>
        <Typography.Text type="secondary">{t('teams.qr.hint')}</Typography.Text>
        <Typography.Paragraph copyable={{ text: team.joinUrl }} style={{ marginBottom: 0 }}>
          <a href={team.joinUrl} target="_blank" rel="noopener" data-testid="team-join-url">
            {team.joinUrl}
          </a>
        </Typography.Paragraph>
        <Space wrap>
          <Button icon={<DownloadOutlined />} href={teamPaths.joinCode(team.id, 'svg')} download>
            {t('teams.qr.downloadSvg')}
          </Button>
          <Button icon={<DownloadOutlined />} href={teamPaths.joinCode(team.id, 'png')} download>
            {t('teams.qr.downloadPng')}
          </Button>
        </Space>
        {team.canEdit && (
          <Button danger icon={<ReloadOutlined />} loading={regenerate.isPending} onClick={confirmRegenerate}>
            {t('teams.qr.regenerate')}
          </Button>
        )}
      </Space>
    </Drawer>
  );
}
