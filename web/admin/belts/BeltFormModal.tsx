// Create or edit a practice belt (实践带): name, theme, description and the unit that curates it.
import { useEffect } from 'react';
import { App, Form, Input, Modal } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Belt } from '../../api/types';
import { applyApiErrors } from '../ui/form-errors';
import { UnitPicker } from '../ui/UnitPicker';
import { useNetworkTree } from '../network/use-network';

type Values = { name: string; theme: string; description?: string; unitId: string };

export function BeltFormModal({ belt, open, onClose }: { belt?: Belt; open: boolean; onClose: (saved?: Belt) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { roots } = useNetworkTree();
  const [form] = Form.useForm<Values>();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(belt ? { ...belt } : { unitId: roots[0]?.id });
  }, [open, belt, roots, form]);

  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = { name: v.name.trim(), theme: v.theme.trim(), description: v.description ?? '' };
      return belt ? api<Belt>(`/api/belts/${belt.id}`, { method: 'PATCH', body }) : api<Belt>('/api/belts', { body: { ...body, unitId: v.unitId } });
    },
    onSuccess: (saved) => {
      void message.success(belt ? t('common.saved') : t('belt.created'));
      void qc.invalidateQueries({ queryKey: ['belts'] });
      onClose(saved);
    },
    onError: (err) => {
      const rest = applyApiErrors(form, err, ['name', 'theme', 'description', 'unitId']);
      if (rest) void message.error(rest);
    },
  });

  return (
    <Modal
      open={open}
      title={belt ? t('belt.editTitle', { name: belt.name }) : t('belt.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={() => onClose()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="name" label={t('belt.fields.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="theme" label={t('belt.fields.theme')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="description" label={t('belt.fields.description')}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        {!belt && (
          <Form.Item name="unitId" label={t('belt.fields.unit')} rules={[{ required: true, message: t('common.required') }]}>
            <UnitPicker />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
