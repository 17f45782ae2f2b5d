// The roles of one account: remove a role (after confirming) or grant another on a unit.
import { App, Button, Form, List, Modal, Popconfirm, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Account } from '../../api/types';
import { applyApiErrors } from '../ui/form-errors';
import { RoleUnitFields } from './RoleUnitFields';

type Values = { role: string; unitId: string };

export function GrantsModal({ account, onClose, onChanged }: { account: Account; onClose: () => void; onChanged: (a: Account) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const done = (a: Account) => {
    onChanged(a);
    void qc.invalidateQueries({ queryKey: ['accounts'] });
  };
  const grant = useMutation({
    mutationFn: (v: Values) => api<Account>(`/api/accounts/${account.id}/grants`, { body: v }),
    onSuccess: (a) => {
      void message.success(t('accounts.granted'));
      form.resetFields();
      done(a);
    },
    onError: (err) => {
      const rest = applyApiErrors(form, err, ['role', 'unitId']);
      if (rest) void message.error(rest);
    },
  });
  const revoke = useMutation({
    mutationFn: (grantId: string) => api<Account>(`/api/accounts/${account.id}/grants/${grantId}`, { method: 'DELETE' }),
    onSuccess: (a) => {
      void message.success(t('accounts.revoked'));
      done(a);
    },
    onError: (err) => void message.error(err.message),
  });

  return (
    <Modal open title={t('accounts.grantsTitle', { name: account.name })} footer={null} onCancel={onClose} destroyOnHidden width={560}>
      <List
        size="small"
        bordered
        dataSource={account.grants}
        locale={{ emptyText: t('accounts.noGrants') }}
        renderItem={(g) => (
          <List.Item
            actions={[
              <Popconfirm
                key="rm"
                title={t('accounts.revokeConfirm', { role: t(`roles.${g.role}`), unit: g.unitName })}
                okText={t('accounts.revoke')}
                okButtonProps={{ danger: true }}
                cancelText={t('common.cancel')}
                onConfirm={() => revoke.mutateAsync(g.id)}
              >
                <Button size="small" danger icon={<DeleteOutlined />} aria-label={`${t('accounts.revoke')} ${t(`roles.${g.role}`)} ${g.unitName}`}>
                  {t('accounts.revoke')}
                </Button>
              </Popconfirm>,
            ]}
          >
            <Tag color="red">{t(`roles.${g.role}`)}</Tag>
            <Typography.Text>{g.unitName}</Typography.Text>
            <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
              {g.unitCode}
            </Typography.Text>
          </List.Item>
        )}
      />
      <Typography.Title level={5} style={{ marginTop: 20 }}>
        {t('accounts.addGrant')}
      </Typography.Title>
      <Form form={form} layout="vertical" onFinish={(v) => grant.mutate(v)}>
        <RoleUnitFields />
        <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={grant.isPending}>
          {t('accounts.grant')}
        </Button>
      </Form>
    </Modal>
  );
}
