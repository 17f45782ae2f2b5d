// 志愿者联合会: the district center decides teams' applications and sees the member teams. Only district admins
// hold federation.manage; others see empty lists and a note saying so.
import { useState } from 'react';
import { Alert, App, Button, Card, Input, Modal, Space, Tabs, Tag, Typography } from 'antd';
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import { teamPaths, type Team } from '../../api/teams';
import { useSignedIn } from '../auth/use-me';
import { CursorTable } from '../ui/CursorTable';
import { formatDateTime } from '../ui/format';
import { useCursorList } from '../ui/use-cursor-pages';
import { TEAMS_KEY, useTeamLabels } from './team-labels';

type Tab = 'applied' | 'member' | 'rejected';
type Deciding = { team: Team; decision: 'approve' | 'reject' };

export function FederationPage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const center = me.grants.some((g) => g.role === 'district_admin');
  const [tab, setTab] = useState<Tab>('applied');
  return (
    <Card title={t('menu.federation')} size="small">
      {!center && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('teams.fed.centerOnly')} />}
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as Tab)}
        items={(['applied', 'member', 'rejected'] as const).map((k) => ({ key: k, label: t(`teams.fed.tab.${k}`) }))}
      />
      <FederationTable key={tab} status={tab} />
    </Card>
  );
}

function FederationTable({ status }: { status: Tab }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const labels = useTeamLabels();
  const [q, setQ] = useState('');
  const { pages, list } = useCursorList([...TEAMS_KEY, 'federation'], { status, q }, (query) => api<Page<Team>>(teamPaths.federationList, { query }));
  const [deciding, setDeciding] = useState<Deciding | null>(null);
  const [note, setNote] = useState('');
  const decide = useMutation({
    mutationFn: (d: Deciding & { note: string }) => api<Team>(teamPaths.federationDecide(d.team.id), { body: { decision: d.decision, ...(d.note ? { note: d.note } : {}) } }),
    onSuccess: (saved, d) => {
      void message.success(t(d.decision === 'approve' ? 'teams.fed.approved' : 'teams.fed.rejected', { name: saved.name }));
      void qc.invalidateQueries({ queryKey: TEAMS_KEY });
      setDeciding(null);
    },
    onError: (err) => void message.error(err.message),
  });
  const open = (d: Deciding) => {
    setNote('');
    setDeciding(d);
  };

  return (
    <>
      <Input.Search allowClear placeholder={t('teams.searchPlaceholder')} aria-label={t('teams.searchPlaceholder')} onSearch={(v) => setQ(v.trim())} style={{ width: 240, marginBottom: 12 }} />
      <CursorTable<Team>
        list={list}
        pages={pages}
        emptyText={t(`teams.fed.none.${status}`)}
        scroll={{ x: 1000 }}
        columns={[
          { title: t('teams.fields.name'), dataIndex: 'name', ellipsis: true, render: (n: string, team) => <Link to={`/teams/${team.id}`}>{n}</Link> },
          { title: t('teams.fields.specialty'), dataIndex: 'specialty', width: 130, render: (s: string) => labels.specialty(s) },
          { title: t('teams.fields.unit'), dataIndex: 'unitName', width: 220, ellipsis: { showTitle: true }, render: (u: string, team) => (team.orgName ? `${team.orgName}（${u}）` : u) },
          { title: t('teams.fields.members'), dataIndex: 'memberCount', width: 80, align: 'right' },
          { title: t('teams.fed.appliedAt'), dataIndex: 'federationAppliedAt', width: 140, render: (v: string | null) => formatDateTime(v) },
          ...(status === 'applied'
            ? []
            : [{ title: t('teams.fed.decidedAt'), dataIndex: 'federationDecidedAt', width: 140, render: (v: string | null) => formatDateTime(v) }]),
          {
            title: t('teams.fed.note'),
            dataIndex: 'federationNote',
            ellipsis: true,
            render: (v: string | null) => v ?? <Typography.Text type="secondary">—</Typography.Text>,
          },
          ...(status === 'applied'
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 230,
                  fixed: 'right' as const,
                  render: (_: unknown, team: Team) => (
                    <Space size={4}>
                      <Button size="small" type="primary" icon={<CheckOutlined />} onClick={() => open({ team, decision: 'approve' })} aria-label={`${t('teams.fed.approve')} ${team.name}`}>
                        {t('teams.fed.approve')}
                      </Button>
                      <Button size="small" danger icon={<CloseOutlined />} onClick={() => open({ team, decision: 'reject' })} aria-label={`${t('teams.fed.reject')} ${team.name}`}>
                        {t('teams.fed.reject')}
                      </Button>
                    </Space>
                  ),
                },
              ]
            : [
                {
                  title: t('teams.fields.status'),
                  key: 'status',
                  width: 90,
                  render: (_: unknown, team: Team) => <Tag color={team.status === 'active' ? 'green' : 'default'}>{t(`teams.status.${team.status}`)}</Tag>,
                },
              ]),
        ]}
      />
      <Modal
        open={deciding !== null}
        title={deciding ? t(deciding.decision === 'approve' ? 'teams.fed.approveTitle' : 'teams.fed.rejectTitle', { name: deciding.team.name }) : ''}
        okText={deciding?.decision === 'reject' ? t('teams.fed.reject') : t('teams.fed.approve')}
        okButtonProps={{ danger: deciding?.decision === 'reject' }}
        cancelText={t('common.cancel')}
        confirmLoading={decide.isPending}
        onCancel={() => setDeciding(null)}
        onOk={() => deciding && decide.mutate({ ...deciding, note: note.trim() })}
      >
        <Input.TextArea rows={3} maxLength={200} showCount value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('teams.fed.notePlaceholder')} aria-label={t('teams.fed.note')} />
      </Modal>
    </>
  );
}
