// A destructive action that needs a reason (the people affected are told it) and then a second confirmation:
// cancelling an activity, cancelling someone's sign-up. The caller owns the mutation and the words.
import type { ReactNode } from 'react';
import { App, Form, Input, Modal } from 'antd';

type Props = {
  open: boolean;
  title: ReactNode;
  /** The danger button, in the modal and in the confirmation. */
  okText: string;
  cancelText: string;
  reasonLabel: ReactNode;
  reasonRequired: string;
  maxLength: number;
  confirmTitle: ReactNode;
  confirmBody: ReactNode;
  pending: boolean;
  /** Runs after the second confirmation; the confirmation stays open (loading) until it settles. */
  onConfirm: (reason: string) => Promise<unknown>;
  onClose: () => void;
};

export function ReasonConfirmModal(p: Props) {
  const { modal } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open={p.open}
      title={p.title}
      okText={p.okText}
      okButtonProps={{ danger: true }}
      cancelText={p.cancelText}
      confirmLoading={p.pending}
      onOk={() => form.submit()}
      onCancel={p.onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          modal.confirm({
            title: p.confirmTitle,
            content: p.confirmBody,
            okText: p.okText,
            okButtonProps: { danger: true },
            cancelText: p.cancelText,
            onOk: () => p.onConfirm(v.reason),
          })
        }
      >
        <Form.Item name="reason" label={p.reasonLabel} rules={[{ required: true, whitespace: true, message: p.reasonRequired }]}>
          <Input.TextArea rows={3} maxLength={p.maxLength} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
