// Create a child unit or edit a unit. Field messages from the API land on their fields.
import { useEffect } from 'react';
import { App, Col, Form, Input, InputNumber, Modal, Row } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Unit } from '../../api/types';
import { applyApiErrors } from '../ui/form-errors';
import { TREE_KEY, useNetworkTree } from './use-network';
import { nextChildCode } from './unit-tree';

type Values = {
  code?: string;
  name: string;
  address?: string;
  lat?: number | null;
  lng?: number | null;
  contactName?: string;
  contactPhone?: string;
  openingHours?: string;
  intro?: string;
};
const FIELDS = ['code', 'name', 'address', 'lat', 'lng', 'contactName', 'contactPhone', 'openingHours', 'intro'] as const;

type Props = { open: boolean; onClose: (saved?: Unit) => void } & ({ mode: 'create'; parent: Unit } | { mode: 'edit'; unit: Unit });

export function UnitFormModal(props: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const { byId } = useNetworkTree();
  const parentCode = props.mode === 'create' ? props.parent.code : '';

  useEffect(() => {
    if (!props.open) return;
    if (props.mode === 'edit') form.setFieldsValue({ ...props.unit });
    else {
      const parentNode = byId.get(props.parent.id);
      form.setFieldsValue({ code: parentNode ? nextChildCode(parentNode) : parentCode });
    }
  }, [props.open]); // eslint-disable-line react-hooks/exhaustive-deps

  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== '')) as Record<string, unknown>;
      if (props.mode === 'create') return api<Unit>('/api/units', { body: { ...body, parentId: props.parent.id } });
      delete body.code;
      // Emptied optional fields are sent as empty so the server clears them.
      for (const f of ['address', 'contactName', 'contactPhone', 'openingHours', 'intro'] as const) body[f] = v[f] ?? '';
      for (const f of ['lat', 'lng'] as const) body[f] = v[f] ?? null;
      return api<Unit>(`/api/units/${props.unit.id}`, { method: 'PATCH', body });
    },
    onSuccess: (unit) => {
      void message.success(props.mode === 'create' ? t('unit.created') : t('common.saved'));
      void qc.invalidateQueries({ queryKey: TREE_KEY });
      void qc.invalidateQueries({ queryKey: ['unit'] });
      form.resetFields();
      props.onClose(unit);
    },
    onError: (err) => {
      const rest = applyApiErrors(form, err, FIELDS);
      if (rest) void message.error(rest);
    },
  });

  const title = props.mode === 'create' ? t('unit.createChildOf', { name: props.parent.name }) : t('unit.editTitle', { name: props.unit.name });
  return (
    <Modal
      open={props.open}
      title={title}
      width={640}
      style={{ top: 24 }}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={() => props.onClose()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} preserve={false}>
        {props.mode === 'create' && (
          <Form.Item
            name="code"
            label={t('unit.fields.code')}
            extra={t('unit.codeHint', { parent: parentCode })}
            rules={[
              { required: true, message: t('common.required') },
              { pattern: /^\d+$/, message: t('unit.codeDigits') },
              { validator: (_, v: string) => (!v || (v.startsWith(parentCode) && v.length > parentCode.length) ? Promise.resolve() : Promise.reject(new Error(t('unit.codeHint', { parent: parentCode })))) },
            ]}
          >
            <Input inputMode="numeric" maxLength={24} />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('unit.fields.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="address" label={t('unit.fields.address')}>
          <Input maxLength={200} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="lat" label={t('unit.fields.lat')}>
              <InputNumber min={-90} max={90} step={0.0001} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="lng" label={t('unit.fields.lng')}>
              <InputNumber min={-180} max={180} step={0.0001} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="contactName" label={t('unit.fields.contactName')}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="contactPhone" label={t('unit.fields.contactPhone')}>
              <Input maxLength={30} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="openingHours" label={t('unit.fields.openingHours')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="intro" label={t('unit.fields.intro')}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
