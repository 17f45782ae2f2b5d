// Create or edit a site (实践点/阵地). Field messages from the API land on their fields.
import { useEffect } from 'react';
import { App, Button, Col, Drawer, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Site } from '../../api/types';
import { applyApiErrors } from '../ui/form-errors';
import { UnitPicker } from '../ui/UnitPicker';
import { TREE_KEY, useSiteKinds } from '../network/use-network';
import { useKindLabel } from './use-kind-label';

type Values = {
  unitId: string;
  name: string;
  kind: string;
  address?: string;
  lat?: number | null;
  lng?: number | null;
  openingHours?: string;
  facilities?: string[];
  capacity?: number | null;
  photos?: string;
  contactName?: string;
  contactPhone?: string;
  intro?: string;
};
const FIELDS = ['unitId', 'name', 'kind', 'address', 'lat', 'lng', 'openingHours', 'facilities', 'capacity', 'photos', 'contactName', 'contactPhone', 'intro'] as const;

type Props = { open: boolean; site?: Site; defaultUnitId?: string; onClose: (saved?: Site) => void };

export function SiteFormDrawer({ open, site, defaultUnitId, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const kinds = useSiteKinds();
  const kindLabel = useKindLabel();
  const [form] = Form.useForm<Values>();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (site) form.setFieldsValue({ ...site, photos: site.photos.join('\n') });
    else if (defaultUnitId) form.setFieldsValue({ unitId: defaultUnitId });
  }, [open, site, defaultUnitId, form]);

  const save = useMutation({
    mutationFn: (v: Values) => {
      const body: Record<string, unknown> = {
        unitId: v.unitId,
        name: v.name.trim(),
        kind: v.kind,
        address: v.address ?? '',
        lat: v.lat ?? null,
        lng: v.lng ?? null,
        openingHours: v.openingHours ?? '',
        facilities: v.facilities ?? [],
        capacity: v.capacity ?? null,
        photos: (v.photos ?? '').split('\n').map((s) => s.trim()).filter(Boolean),
        contactName: v.contactName ?? '',
        contactPhone: v.contactPhone ?? '',
        intro: v.intro ?? '',
      };
      if (!site) {
        // A new site only sends what was filled in; an edit sends empties so the server clears them.
        const filled = Object.fromEntries(Object.entries(body).filter(([, x]) => x !== null && x !== '' && !(Array.isArray(x) && x.length === 0)));
        return api<Site>('/api/sites', { body: filled });
      }
      return api<Site>(`/api/sites/${site.id}`, { method: 'PATCH', body });
    },
    onSuccess: (saved) => {
      void message.success(site ? t('common.saved') : t('site.created'));
      void qc.invalidateQueries({ queryKey: ['sites'] });
      void qc.invalidateQueries({ queryKey: TREE_KEY });
      onClose(saved);
    },
    onError: (err) => {
      const rest = applyApiErrors(form, err, FIELDS);
      if (rest) void message.error(rest);
    },
  });

  return (
    <Drawer
      open={open}
      size={560}
      title={site ? t('site.editTitle', { name: site.name }) : t('site.create')}
      onClose={() => onClose()}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={() => onClose()}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="unitId" label={t('site.fields.unit')} rules={[{ required: true, message: t('common.required') }]}>
          <UnitPicker />
        </Form.Item>
        <Form.Item name="name" label={t('site.fields.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="kind" label={t('site.fields.kind')} rules={[{ required: true, message: t('common.required') }]}>
          <Select loading={kinds.isPending} options={(kinds.data ?? []).map((k) => ({ value: k.kind, label: kindLabel(k.kind) }))} />
        </Form.Item>
        <Form.Item name="address" label={t('site.fields.address')}>
          <Input maxLength={200} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="lat" label={t('site.fields.lat')}>
              <InputNumber min={-90} max={90} step={0.0001} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="lng" label={t('site.fields.lng')}>
              <InputNumber min={-180} max={180} step={0.0001} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={16}>
            <Form.Item name="openingHours" label={t('site.fields.openingHours')}>
              <Input maxLength={200} placeholder={t('site.openingHoursExample')} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="capacity" label={t('site.fields.capacity')}>
              <InputNumber min={0} max={1000000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="facilities" label={t('site.fields.facilities')} extra={t('site.facilitiesHint')}>
          <Select mode="tags" tokenSeparators={[',', '，', '、']} open={false} suffixIcon={null} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="contactName" label={t('site.fields.contactName')}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="contactPhone" label={t('site.fields.contactPhone')}>
              <Input maxLength={30} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="intro" label={t('site.fields.intro')}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item name="photos" label={t('site.fields.photos')} extra={t('site.photosHint')}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
