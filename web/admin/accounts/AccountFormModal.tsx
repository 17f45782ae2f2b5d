// Create a staff account (with its first role) or rename one.
import { useEffect } from 'react';
import { App, Form, Input, Modal } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Account } from '../../api/types';
import { applyApiErrors } from '../ui/form-errors';
import { passwordRules } from '../auth/password-rules';
import { RoleUnitFields } from './RoleUnitFields';
import { MOBILE_PATTERN } from '../../../common/mobile';

type Values = { phone: string; name: string; password: string; role: string; unitId: string };

export function AccountFormModal({ account, open, onClose }: { account?: Account; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (account) form.setFieldsValue({ name: account.name });
  }, [open, account, form]);

  const save = useMutation({
    mutationFn: (v: Values) =>
      account ? api<Account>(`/api/accounts/${account.id}`, { method: 'PATCH', body: { name: v.name.trim() } }) : api<Account>('/api/accounts', { body: { ...v, name: v.name.trim() } }),
    onSuccess: () => {
      void message.success(account ? t('common.saved') : t('accounts.created'));
      void qc.invalidateQueries({ queryKey: ['accounts'] });
      onClose();
    },
    onError: (err) => {
      const rest = applyApiErrors(form, err, ['phone', 'name', 'password', 'role', 'unitId']);
      if (rest) void message.error(rest);
    },
  });

  return (
    <Modal
      open={open}
      title={account ? t('accounts.editTitle', { name: account.name }) : t('accounts.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} autoComplete="off">
        {!account && (
          <Form.Item name="phone" label={t('auth.phone')} rules={[{ required: true, message: t('auth.phoneRequired') }, { pattern: MOBILE_PATTERN, message: t('auth.phoneInvalid') }]}>
            <Input inputMode="numeric" maxLength={11} />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('accounts.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input maxLength={50} />
        </Form.Item>
        {!account && (
          <>
            <Form.Item name="password" label={t('accounts.initialPassword')} rules={passwordRules(t)} extra={t('auth.passwordRule')}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <RoleUnitFields />
          </>
        )}
      </Form>
    </Modal>
  );
}
