// Create or edit an item of a unit's programme list (项目清单): title, topic, service platform, brands and
// description. New items start as drafts; publishing is a separate, confirmed step on the list.
import { useEffect } from 'react';
import { App, Col, Form, Input, Modal, Row, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { knownBrands } from '../../../common/activity-topics';
import { activityPaths, type Programme, type ProgrammeInput } from '../../api/activities';
import { applyApiErrors } from '../ui/form-errors';
import { UnitPicker } from '../ui/UnitPicker';
import { PROGRAMMES_KEY, useActivityLabels } from './activity-ui';

const FIELDS = ['unitId', 'title', 'topic', 'platform', 'brands', 'description'] as const;
type Values = { unitId: string; title: string; topic: string; platform?: string; brands?: string[]; description?: string };

export function ProgrammeFormModal({ open, programme, defaultUnitId, onClose }: { open: boolean; programme?: Programme; defaultUnitId?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const labels = useActivityLabels();
  const [form] = Form.useForm<Values>();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (programme) form.setFieldsValue({ ...programme, unitId: programme.unit.id, platform: programme.platform ?? undefined });
    else form.setFieldsValue({ unitId: defaultUnitId, brands: [] });
  }, [open, programme, defaultUnitId, form]);

  const save = useMutation({
    mutationFn: (v: Values) => {
      const body: ProgrammeInput = { title: v.title.trim(), topic: v.topic, platform: v.platform ?? null, brands: v.brands ?? [], description: v.description ?? '' };
      return programme
        ? api<Programme>(activityPaths.programme(programme.id), { method: 'PATCH', body })
        : api<Programme>(activityPaths.programmes, { body: { ...body, unitId: v.unitId } });
    },
    onSuccess: () => {
      void message.success(programme ? t('common.saved') : t('activities.programmes.created'));
      void qc.invalidateQueries({ queryKey: PROGRAMMES_KEY });
      onClose();
    },
    onError: (err) => {
      const rest = applyApiErrors(form, err, FIELDS);
      if (rest) void message.error(rest);
    },
  });

  const required = { required: true, message: t('common.required') };
  return (
    <Modal
      open={open}
      width={620}
      title={programme ? t('activities.programmes.editTitle', { title: programme.title }) : t('activities.programmes.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} disabled={save.isPending}>
        {programme ? (
          <Form.Item label={t('activities.fields.unit')}>
            <Input disabled value={programme.unit.name} />
          </Form.Item>
        ) : (
          <Form.Item name="unitId" label={t('activities.fields.unit')} rules={[required]}>
            <UnitPicker aria-label={t('activities.fields.unit')} style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Form.Item name="title" label={t('activities.programmes.fields.title')} rules={[{ ...required, whitespace: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={14}>
            <Form.Item name="topic" label={t('activities.fields.topic')} rules={[required]}>
              <Select options={labels.topics} aria-label={t('activities.fields.topic')} />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="platform" label={t('activities.fields.platform')}>
              <Select allowClear options={labels.platforms} aria-label={t('activities.fields.platform')} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="brands" label={t('activities.fields.brands')} extra={t('activities.programmes.brandsHint')}>
          <Select mode="tags" options={knownBrands.map((b) => ({ value: b, label: b }))} aria-label={t('activities.fields.brands')} />
        </Form.Item>
        <Form.Item name="description" label={t('activities.fields.description')}>
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
