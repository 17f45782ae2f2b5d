// 账号: staff accounts in scope. Search, create with a role on a unit, change roles, reset a password, disable or
// enable (disabling ends the account's sessions at once, so it asks first).
import { useState } from 'react';
import { App, Button, Card, Input, Space, Tag } from 'antd';
import { KeyOutlined, PlusOutlined, SafetyCertificateOutlined, StopOutlined, CheckCircleOutlined, EditOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Account, Page } from '../../api/types';
import { CursorTable } from '../ui/CursorTable';
import { formatDateTime } from '../ui/format';
import { useCursorList } from '../ui/use-cursor-pages';
import { useSignedIn } from '../auth/use-me';
import { AccountFormModal } from './AccountFormModal';
import { GrantsModal } from './GrantsModal';
import { ResetPasswordModal } from './ResetPasswordModal';

type Dialog = { kind: 'create' } | { kind: 'edit' | 'grants' | 'reset'; account: Account } | null;

export function AccountsPage() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const qc = useQueryClient();
  const me = useSignedIn();
  const [q, setQ] = useState('');
  const [dialog, setDialog] = useState<Dialog>(null);
  const { pages, list } = useCursorList(['accounts'], { q }, (query) => api<Page<Account>>('/api/accounts', { query }));
  const setStatus = useMutation({
    mutationFn: ({ account, status }: { account: Account; status: Account['status'] }) => api<Account>(`/api/accounts/${account.id}`, { method: 'PATCH', body: { status } }),
    onSuccess: (_a, v) => {
      void message.success(v.status === 'disabled' ? t('accounts.disabledDone') : t('accounts.enabledDone'));
      void qc.invalidateQueries({ queryKey: ['accounts'] });
    },
    onError: (err) => void message.error(err.message),
  });
  const confirmStatus = (account: Account) => {
    const status = account.status === 'active' ? 'disabled' : 'active';
    modal.confirm({
      title: t(status === 'disabled' ? 'accounts.disableConfirm' : 'accounts.enableConfirm', { name: account.name }),
      content: status === 'disabled' ? t('accounts.disableBody') : undefined,
      okText: t(status === 'disabled' ? 'accounts.disable' : 'accounts.enable'),
      okButtonProps: { danger: status === 'disabled' },
      cancelText: t('common.cancel'),
      onOk: () => setStatus.mutateAsync({ account, status }),
    });
  };

  return (
    <Card
      size="small"
      title={t('menu.accounts')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>
          {t('accounts.create')}
        </Button>
      }
    >
      <Input.Search placeholder={t('accounts.searchPlaceholder')} aria-label={t('accounts.searchPlaceholder')} allowClear onSearch={(v) => setQ(v.trim())} style={{ width: 280, marginBottom: 12 }} />
      <CursorTable<Account>
        list={list}
        pages={pages}
        emptyText={t('accounts.none')}
        scroll={{ x: 1000 }}
        columns={[
          { title: t('accounts.name'), dataIndex: 'name', width: 160 },
          { title: t('auth.phone'), dataIndex: 'phone', width: 130 },
          {
            title: t('accounts.roles'),
            dataIndex: 'grants',
            render: (gs: Account['grants']) => (
              <Space size={[4, 4]} wrap>
                {gs.map((g) => (
                  <Tag key={g.id} color="red">
                    {t(`roles.${g.role}`)} · {g.unitName}
                  </Tag>
                ))}
              </Space>
            ),
          },
          {
            title: t('accounts.status'),
            dataIndex: 'status',
            width: 80,
            render: (s: Account['status']) => <Tag color={s === 'active' ? 'green' : 'default'}>{t(`accounts.statuses.${s}`)}</Tag>,
          },
          { title: t('accounts.createdAt'), dataIndex: 'createdAt', width: 140, render: (v: string) => formatDateTime(v) },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 330,
            fixed: 'right',
            render: (_, a) => (
              <Space size={4}>
                <Button size="small" icon={<EditOutlined />} onClick={() => setDialog({ kind: 'edit', account: a })} aria-label={`${t('common.edit')} ${a.name}`} />
                <Button size="small" icon={<SafetyCertificateOutlined />} onClick={() => setDialog({ kind: 'grants', account: a })}>
                  {t('accounts.manageRoles')}
                </Button>
                <Button size="small" icon={<KeyOutlined />} onClick={() => setDialog({ kind: 'reset', account: a })}>
                  {t('accounts.resetPassword')}
                </Button>
                <Button
                  size="small"
                  danger={a.status === 'active'}
                  disabled={a.id === me.id}
                  icon={a.status === 'active' ? <StopOutlined /> : <CheckCircleOutlined />}
                  onClick={() => confirmStatus(a)}
                >
                  {a.status === 'active' ? t('accounts.disable') : t('accounts.enable')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <AccountFormModal open={dialog?.kind === 'create' || dialog?.kind === 'edit'} account={dialog?.kind === 'edit' ? dialog.account : undefined} onClose={() => setDialog(null)} />
      {dialog?.kind === 'grants' && <GrantsModal account={dialog.account} onClose={() => setDialog(null)} onChanged={(a) => setDialog({ kind: 'grants', account: a })} />}
      {dialog?.kind === 'reset' && <ResetPasswordModal account={dialog.account} onClose={() => setDialog(null)} />}
    </Card>
  );
}
