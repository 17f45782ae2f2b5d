// A team's people: members (roles, remove, hand over leadership), join requests (approve / reject with a
// reason, the volunteer gets a text message) and former members. Staff may also add a volunteer by number.
import { useState } from 'react';
import { App, Badge, Button, Card, Form, Input, Modal, Segmented, Select, Space, Tabs, Tag } from 'antd';
import { CheckOutlined, CloseOutlined, CrownOutlined, UserAddOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import { teamPaths, type MemberStatus, type Team, type TeamMember } from '../../api/teams';
import { CursorTable } from '../ui/CursorTable';
import { applyApiErrors } from '../ui/form-errors';
import { formatDateTime } from '../ui/format';
import { useCursorList } from '../ui/use-cursor-pages';
import { memberStatusColor, TEAMS_KEY } from './team-labels';

type Props = { team: Team; staff: boolean; onChanged: () => void };
type Tab = 'active' | 'pending' | 'former';

export function TeamMembers({ team, staff, onChanged }: Props) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>(team.pendingCount > 0 ? 'pending' : 'active');
  const [former, setFormer] = useState<MemberStatus>('left');
  const [adding, setAdding] = useState(false);
  const status: MemberStatus = tab === 'former' ? former : tab;
  const editable = team.canEdit;

  return (
    <Card
      size="small"
      title={t('teams.members.title')}
      extra={
        editable &&
        staff && (
          <Button icon={<UserAddOutlined />} onClick={() => setAdding(true)}>
            {t('teams.members.add')}
          </Button>
        )
      }
    >
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as Tab)}
        items={[
          { key: 'active', label: `${t('teams.members.tabActive')} (${team.memberCount})` },
          {
            key: 'pending',
            label: (
              <Badge count={team.pendingCount} size="small" offset={[8, -2]}>
                {t('teams.members.tabPending')}
              </Badge>
            ),
          },
          { key: 'former', label: t('teams.members.tabFormer') },
        ]}
      />
      {tab === 'former' && (
        <Segmented
          style={{ marginBottom: 12 }}
          value={former}
          onChange={(v) => setFormer(v as MemberStatus)}
          options={(['left', 'removed', 'rejected'] as const).map((s) => ({ value: s, label: t(`teams.memberStatus.${s}`) }))}
        />
      )}
      <MemberTable key={status} team={team} status={status} editable={editable} onChanged={onChanged} />
      <AddMemberModal open={adding} team={team} onClose={() => setAdding(false)} onAdded={onChanged} />
    </Card>
  );
}

function MemberTable({ team, status, editable, onChanged }: { team: Team; status: MemberStatus; editable: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const qc = useQueryClient();
  const [q, setQ] = useState('');
  const { pages, list } = useCursorList([...TEAMS_KEY, 'members', team.id], { status, q }, (query) => api<Page<TeamMember>>(teamPaths.members(team.id), { query }));
  const [rejecting, setRejecting] = useState<TeamMember | null>(null);
  const act = useMutation({
    mutationFn: (a: { path: string; method?: string; body?: unknown; done: string }) => api<TeamMember>(a.path, { method: a.method ?? 'POST', body: a.body ?? {} }),
    onSuccess: (_m, a) => {
      void message.success(t(a.done));
      void qc.invalidateQueries({ queryKey: TEAMS_KEY });
      onChanged();
    },
    onError: (err) => void message.error(err.message),
  });
  const decide = (m: TeamMember, decision: 'approve' | 'reject', note?: string) =>
    act.mutateAsync({ path: teamPaths.decide(team.id, m.id), body: { decision, ...(note ? { note } : {}) }, done: decision === 'approve' ? 'teams.members.approved' : 'teams.members.rejected' });
  const confirm = (title: string, content: string, onOk: () => Promise<unknown>, danger = true) =>
    modal.confirm({ title, content, okText: t('common.confirm'), okButtonProps: { danger }, cancelText: t('common.cancel'), onOk });

  const actions = (m: TeamMember) => {
    if (!editable) return null;
    if (m.status === 'pending')
      return (
        <Space size={4}>
          <Button size="small" type="primary" icon={<CheckOutlined />} onClick={() => void decide(m, 'approve')} aria-label={`${t('teams.members.approve')} ${m.name}`}>
            {t('teams.members.approve')}
          </Button>
          <Button size="small" danger icon={<CloseOutlined />} onClick={() => setRejecting(m)} aria-label={`${t('teams.members.reject')} ${m.name}`}>
            {t('teams.members.reject')}
          </Button>
        </Space>
      );
    if (m.status !== 'active' || m.role === 'leader') return null;
    return (
      <Space size={4}>
        <Select
          size="small"
          value={m.role}
          style={{ width: 100 }}
          aria-label={`${t('teams.members.changeRole')} ${m.name}`}
          options={(['vice_leader', 'member'] as const).map((r) => ({ value: r, label: t(`teams.role.${r}`) }))}
          onChange={(role) => act.mutate({ path: teamPaths.member(team.id, m.id), method: 'PATCH', body: { role }, done: 'teams.members.roleChanged' })}
        />
        <Button
          size="small"
          icon={<CrownOutlined />}
          onClick={() =>
            confirm(t('teams.members.makeLeaderTitle', { name: m.name }), t('teams.members.makeLeaderBody'), () =>
              act.mutateAsync({ path: teamPaths.leader(team.id), body: { memberId: m.id }, done: 'teams.members.leaderChanged' }),
            false)
          }
        >
          {t('teams.members.makeLeader')}
        </Button>
        <Button
          size="small"
          danger
          onClick={() =>
            confirm(t('teams.members.removeTitle', { name: m.name }), t('teams.members.removeBody'), () =>
              act.mutateAsync({ path: teamPaths.member(team.id, m.id), method: 'DELETE', done: 'teams.members.removed' }),
            )
          }
        >
          {t('teams.members.remove')}
        </Button>
      </Space>
    );
  };

  return (
    <>
      <Input.Search allowClear placeholder={t('teams.members.search')} aria-label={t('teams.members.search')} onSearch={(v) => setQ(v.trim())} style={{ width: 240, marginBottom: 12 }} />
      <CursorTable<TeamMember>
        list={list}
        pages={pages}
        emptyText={t(status === 'pending' ? 'teams.members.nonePending' : 'teams.members.none')}
        scroll={{ x: 900 }}
        columns={[
          { title: t('teams.members.name'), dataIndex: 'name', width: 120 },
          { title: t('teams.members.number'), dataIndex: 'number', width: 120 },
          { title: t('teams.members.phone'), dataIndex: 'phoneMasked', width: 130 },
          {
            title: t('teams.members.role'),
            dataIndex: 'role',
            width: 90,
            render: (r: TeamMember['role']) => <Tag color={r === 'leader' ? 'red' : r === 'vice_leader' ? 'orange' : undefined}>{t(`teams.role.${r}`)}</Tag>,
          },
          { title: t('teams.members.status'), dataIndex: 'status', width: 90, render: (s: MemberStatus) => <Tag color={memberStatusColor[s]}>{t(`teams.memberStatus.${s}`)}</Tag> },
          {
            title: status === 'pending' ? t('teams.members.requestedAt') : status === 'active' ? t('teams.members.joinedAt') : t('teams.members.endedAt'),
            key: 'at',
            width: 140,
            render: (_, m) => formatDateTime(status === 'pending' ? m.requestedAt : status === 'active' ? m.joinedAt : m.endedAt),
          },
          { title: t('teams.members.note'), dataIndex: 'note', ellipsis: true },
          { title: t('common.actions'), key: 'actions', width: 300, fixed: 'right', render: (_, m) => actions(m) },
        ]}
      />
      <RejectModal
        member={rejecting}
        onClose={() => setRejecting(null)}
        onReject={async (note) => {
          if (rejecting) await decide(rejecting, 'reject', note);
          setRejecting(null);
        }}
      />
    </>
  );
}

function RejectModal({ member, onClose, onReject }: { member: TeamMember | null; onClose: () => void; onReject: (note: string) => Promise<void> }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open={member !== null}
      title={t('teams.members.rejectTitle', { name: member?.name ?? '' })}
      okText={t('teams.members.reject')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      afterOpenChange={(open) => open && setNote('')}
      onCancel={onClose}
      onOk={async () => {
        setBusy(true);
        try {
          await onReject(note.trim());
        } finally {
          setBusy(false);
        }
      }}
    >
      <Input.TextArea rows={3} maxLength={200} showCount value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('teams.members.rejectNote')} aria-label={t('teams.members.rejectNote')} />
    </Modal>
  );
}

function AddMemberModal({ open, team, onClose, onAdded }: { open: boolean; team: Team; onClose: () => void; onAdded: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ volunteerNumber: string; role: 'member' | 'vice_leader' }>();
  const add = useMutation({
    mutationFn: (v: { volunteerNumber: string; role: 'member' | 'vice_leader' }) =>
      api<TeamMember>(teamPaths.members(team.id), { body: { volunteerNumber: v.volunteerNumber.trim().toUpperCase(), role: v.role } }),
    onSuccess: (m) => {
      void message.success(t('teams.members.added', { name: m.name }));
      void qc.invalidateQueries({ queryKey: TEAMS_KEY });
      onAdded();
      form.resetFields();
      onClose();
    },
    onError: (err) => {
      const rest = applyApiErrors(form, err, ['volunteerNumber', 'role']);
      if (rest) void message.error(rest);
    },
  });
  return (
    <Modal open={open} title={t('teams.members.addTitle', { name: team.name })} okText={t('teams.members.add')} cancelText={t('common.cancel')} confirmLoading={add.isPending} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ role: 'member' }} onFinish={(v) => add.mutate(v)}>
        <Form.Item
          name="volunteerNumber"
          label={t('teams.members.number')}
          rules={[{ required: true, pattern: /^\s*[Vv]\d{9}\s*$/, message: t('teams.members.numberInvalid') }]}
        >
          <Input placeholder="V000000001" maxLength={12} />
        </Form.Item>
        <Form.Item name="role" label={t('teams.members.role')}>
          <Select options={(['member', 'vice_leader'] as const).map((r) => ({ value: r, label: t(`teams.role.${r}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
