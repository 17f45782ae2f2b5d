// One team: its details and actions (edit, logo, join QR code, federation, dissolve) above its members and
// join requests. Staff in scope and the team's own leaders see it; what each may do comes from team.canEdit.
import { useState } from 'react';
import { Alert, App, Avatar, Button, Card, Descriptions, Space, Tag, Upload } from 'antd';
import { ArrowLeftOutlined, CalendarOutlined, ClusterOutlined, EditOutlined, QrcodeOutlined, StopOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import { teamPaths, type Team } from '../../api/teams';
import { TEAM_LOGO_MAX_BYTES } from '../../../common/team-specialties';
import { useSignedIn } from '../auth/use-me';
import { formatDateTime } from '../ui/format';
import { PageState } from '../ui/PageState';
import { JoinCodeDrawer } from './JoinCodeDrawer';
import { TeamFormModal } from './TeamFormModal';
import { TeamMembers } from './TeamMembers';
import { federationColor, TEAMS_KEY, useTeamLabels } from './team-labels';

export function TeamDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const qc = useQueryClient();
  const me = useSignedIn();
  const labels = useTeamLabels();
  const [editing, setEditing] = useState(false);
  const [showCode, setShowCode] = useState(false);
  const key = [...TEAMS_KEY, 'one', id];
  const team = useQuery({ queryKey: key, queryFn: () => api<Team>(teamPaths.one(id)) });

  const onSaved = (saved: Team) => {
    qc.setQueryData(key, saved);
    void qc.invalidateQueries({ queryKey: TEAMS_KEY });
  };
  const action = useMutation({
    mutationFn: (a: { path: string; body?: unknown; method?: string; done: string }) => api<Team>(a.path, { method: a.method ?? 'POST', body: a.body ?? {} }),
    onSuccess: (saved, a) => {
      onSaved(saved);
      void message.success(t(a.done));
    },
    onError: (err) => void message.error(err.message),
  });
  const uploadLogo = useMutation({
    mutationFn: (file: File) => {
      const body = new FormData();
      body.append('file', file);
      return api<Team>(teamPaths.logo(id), { method: 'PUT', body });
    },
    onSuccess: (saved) => {
      onSaved(saved);
      void message.success(t('teams.detail.logoUploaded'));
    },
    onError: (err) => void message.error(err.message),
  });

  if (team.isPending) return <PageState loading />;
  if (team.isError) return <PageState error={team.error} onRetry={() => void team.refetch()} />;
  const tm = team.data;
  const staff = me.grants.length > 0;
  const canApply = tm.canEdit && (tm.federationStatus === 'none' || tm.federationStatus === 'rejected');

  const confirmDissolve = () =>
    modal.confirm({
      title: t('teams.detail.dissolveTitle', { name: tm.name }),
      content: t('teams.detail.dissolveBody'),
      okText: t('teams.detail.dissolve'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => action.mutateAsync({ path: teamPaths.dissolve(id), done: 'teams.detail.dissolved' }),
    });
  const confirmApply = () =>
    modal.confirm({
      title: t('teams.detail.applyTitle'),
      content: t('teams.detail.applyBody', { name: tm.name }),
      okText: t('teams.detail.apply'),
      cancelText: t('common.cancel'),
      onOk: () => action.mutateAsync({ path: teamPaths.federationApply(id), done: 'teams.detail.applied' }),
    });

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Card
        size="small"
        title={
          <Space>
            <Link to=".." relative="path" aria-label={t('teams.detail.back')}>
              <ArrowLeftOutlined />
            </Link>
            {tm.hasLogo ? <Avatar src={`${teamPaths.publicLogo(tm.id)}?v=${encodeURIComponent(tm.updatedAt)}`} alt="" /> : <Avatar>{tm.name.replace(/^["“「『]+/, '').slice(0, 1)}</Avatar>}
            <span>{tm.name}</span>
            {tm.status === 'dissolved' && <Tag>{t('teams.status.dissolved')}</Tag>}
          </Space>
        }
        extra={
          <Space wrap>
            <Button icon={<QrcodeOutlined />} onClick={() => setShowCode(true)} disabled={tm.status !== 'active'}>
              {t('teams.qr.short')}
            </Button>
            {/* The team's published activities as an iCalendar feed members can subscribe to. */}
            <Button icon={<CalendarOutlined />} href={`/api/calendars/teams/${encodeURIComponent(tm.id)}.ics`} target="_blank" rel="noopener">
              {t('teams.detail.calendar')}
            </Button>
            {tm.canEdit && (
              <>
                <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                  {t('common.edit')}
                </Button>
                <Upload
                  accept="image/png,image/jpeg,image/webp"
                  showUploadList={false}
                  beforeUpload={(file) => {
                    if (file.size > TEAM_LOGO_MAX_BYTES) void message.error(t('teams.detail.logoTooLarge'));
                    else uploadLogo.mutate(file);
                    return false;
                  }}
                >
                  <Button icon={<UploadOutlined />} loading={uploadLogo.isPending}>
                    {t('teams.detail.uploadLogo')}
                  </Button>
                </Upload>
              </>
            )}
            {canApply && (
              <Button icon={<ClusterOutlined />} onClick={confirmApply}>
                {t('teams.detail.apply')}
              </Button>
            )}
            {tm.canEdit && staff && (
              <Button danger icon={<StopOutlined />} onClick={confirmDissolve}>
                {t('teams.detail.dissolve')}
              </Button>
            )}
          </Space>
        }
      >
        {tm.federationStatus === 'rejected' && tm.federationNote && (
          <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('teams.detail.federationRejected', { note: tm.federationNote })} />
        )}
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={t('teams.fields.specialty')}>{labels.specialty(tm.specialty)}</Descriptions.Item>
          <Descriptions.Item label={t('teams.fields.kind')}>{t(`teams.kind.${tm.kind}`)}</Descriptions.Item>
          <Descriptions.Item label={tm.kind === 'organization' ? t('teams.fields.overseeingUnit') : t('teams.fields.unit')}>{tm.unitName}</Descriptions.Item>
          {tm.kind === 'organization' && (
            <Descriptions.Item label={t('teams.fields.orgName')}>
              {tm.orgName}（{labels.orgType(tm.orgType)}）
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('teams.fields.leader')}>{tm.leader?.name ?? t('teams.noLeader')}</Descriptions.Item>
          <Descriptions.Item label={t('teams.fields.members')}>{tm.memberCount}</Descriptions.Item>
          <Descriptions.Item label={t('teams.fields.contactName')}>{[tm.contactName, tm.contactPhone].filter(Boolean).join(' ') || t('common.notSet')}</Descriptions.Item>
          <Descriptions.Item label={t('teams.fields.federation')}>
            <Tag color={federationColor[tm.federationStatus]}>{t(`teams.federation.${tm.federationStatus}`)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('teams.fields.createdAt')}>{formatDateTime(tm.createdAt)}</Descriptions.Item>
          <Descriptions.Item label={t('teams.fields.intro')} span={3}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{tm.intro || t('common.notSet')}</span>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <TeamMembers team={tm} staff={staff} onChanged={() => void qc.invalidateQueries({ queryKey: TEAMS_KEY })} />
      <TeamFormModal
        open={editing}
        team={tm}
        staff={staff}
        onClose={(saved) => {
          setEditing(false);
          if (saved) onSaved(saved);
        }}
      />
      {showCode && <JoinCodeDrawer team={tm} onClose={() => setShowCode(false)} />}
    </Space>
  );
}
