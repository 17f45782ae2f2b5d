// An admin sets a new password for a staff account (its sessions end on the server).
import { App, Form, Input, Modal } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Account } from '../../api/types';
import { applyApiErrors } from '../ui/form-errors';
import { passwordRules } from '../auth/password-rules';

export function ResetPasswordModal({ account, onClose }: { account: Account; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ newPassword: string }>();
  const reset = useMutation({
    mutationFn: (v: { newPassword: string }) => api(`/api/accounts/${account.id}/reset-password`, { body: v }),
    onSuccess: () => {
      void message.success(t('accounts.passwordReset'));
      onClose();
    },
    onError: (err) => {
      const rest = applyApiErrors(form, err, ['newPassword']);
      if (rest) void message.error(rest);
    },
  });
  return (
    <Modal
      open
      title={t('accounts.resetTitle', { name: account.name })}
      okText={t('accounts.resetPassword')}
      cancelText={t('common.cancel')}
      confirmLoading={reset.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => reset.mutate(v)} autoComplete="off">
        <Form.Item name="newPassword" label={t('auth.newPassword')} rules={passwordRules(t)} extra={t('accounts.resetHint')}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
