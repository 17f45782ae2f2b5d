// Create or edit a service menu item: its unit (fixed once created), the team and sites of that unit that offer
// it, category, provider, availability, weekly quota and home visits. New items start as drafts; publishing is a
// separate, confirmed step on the list.
import { useEffect } from 'react';
import { App, Button, Col, Drawer, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { createMenuItem, updateMenuItem, type MenuItem, type MenuItemInput } from '../../api/menu';
import { teamPaths, type Team } from '../../api/teams';
import type { Page, Site } from '../../api/types';
import { applyApiErrors } from '../ui/form-errors';
import { UnitPicker } from '../ui/UnitPicker';
import { MENU_KEY, useCategoryLabels } from './menu-ui';

const FIELDS = ['unitId', 'teamId', 'title', 'category', 'description', 'provider', 'siteIds', 'availability', 'weeklyQuota', 'homeVisit'] as const;
type Values = {
  unitId: string;
  teamId?: string;
  title: string;
  category: string;
  description?: string;
  provider?: string;
  siteIds?: string[];
  availability?: string;
  weeklyQuota?: number | null;
  homeVisit?: boolean;
};

type Props = { open: boolean; item?: MenuItem; defaultUnitId?: string; onClose: () => void };

export function MenuItemDrawer({ open, item, defaultUnitId, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const categories = useCategoryLabels();
  const [form] = Form.useForm<Values>();
  const watchedUnit = Form.useWatch('unitId', form);
  const unitId = item?.unitId ?? watchedUnit;

  // Teams and sites of the unit's whole subtree: the server accepts those of the unit or a unit under it.
  const teams = useQuery({
    queryKey: ['teams', 'picker', unitId],
    queryFn: () => api<Page<Team>>(teamPaths.list, { query: { unitId, status: 'active', limit: 100 } }),
    enabled: open && !!unitId,
  });
  const sites = useQuery({
    queryKey: ['sites', 'picker', unitId],
    queryFn: () => api<Page<Site>>('/api/sites', { query: { unitId, limit: 100 } }),
    enabled: open && !!unitId,
  });

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (item)
      form.setFieldsValue({
        ...item,
        teamId: item.teamId ?? undefined,
        siteIds: item.sites.map((s) => s.id),
      });
    else form.setFieldsValue({ unitId: defaultUnitId, siteIds: [], homeVisit: false });
  }, [open, item, defaultUnitId, form]);

  const save = useMutation({
    mutationFn: (v: Values) => {
      const body: Omit<MenuItemInput, 'unitId'> = {
        title: v.title.trim(),
        category: v.category,
        teamId: v.teamId ?? null,
        description: (v.description ?? '').trim(),
        provider: (v.provider ?? '').trim(),
        siteIds: v.siteIds ?? [],
        availability: (v.availability ?? '').trim(),
        weeklyQuota: v.weeklyQuota ?? null,
        homeVisit: !!v.homeVisit,
      };
      if (item) return updateMenuItem(item.id, body);
      // A new item leaves out what is empty rather than sending nulls.
      const { teamId, weeklyQuota, ...rest } = body;
      return createMenuItem({ ...rest, unitId: v.unitId, ...(teamId ? { teamId } : {}), ...(weeklyQuota ? { weeklyQuota } : {}) });
    },
    onSuccess: () => {
      void message.success(item ? t('common.saved') : t('serviceMenu.created'));
      void qc.invalidateQueries({ queryKey: MENU_KEY });
      onClose();
    },
    onError: (err) => {
      const rest = applyApiErrors(form, err, FIELDS);
      if (rest) void message.error(rest);
    },
  });

  // Another unit has other teams and sites.
  const onUnit = () => form.setFieldsValue({ teamId: undefined, siteIds: [] });

  const required = { required: true, message: t('common.required') };
  const noUnit = !unitId;
  return (
    <Drawer
      title={item ? t('serviceMenu.editTitle', { title: item.title }) : t('serviceMenu.create')}
      open={open}
      onClose={onClose}
      size={600}
      destroyOnHidden
      extra={
        <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
          {t('common.save')}
        </Button>
      }
    >
      <Form<Values> form={form} layout="vertical" onFinish={(v) => save.mutate(v)} disabled={save.isPending} requiredMark>
        {item ? (
          <Form.Item label={t('serviceMenu.fields.unit')}>
            <Input disabled value={item.unitName} aria-label={t('serviceMenu.fields.unit')} />
          </Form.Item>
        ) : (
          <Form.Item name="unitId" label={t('serviceMenu.fields.unit')} rules={[required]}>
            <UnitPicker aria-label={t('serviceMenu.fields.unit')} onChange={onUnit} style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Form.Item name="title" label={t('serviceMenu.fields.title')} rules={[{ ...required, whitespace: true }, { max: 60 }]}>
          <Input maxLength={60} showCount />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="category" label={t('serviceMenu.fields.category')} rules={[required]}>
              <Select options={categories.options} aria-label={t('serviceMenu.fields.category')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="teamId" label={t('serviceMenu.fields.team')} extra={noUnit ? t('serviceMenu.hints.pickUnitFirst') : t('serviceMenu.hints.team')}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                disabled={noUnit}
                loading={teams.isFetching}
                options={(teams.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }))}
                aria-label={t('serviceMenu.fields.team')}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="siteIds" label={t('serviceMenu.fields.sites')} extra={noUnit ? t('serviceMenu.hints.pickUnitFirst') : t('serviceMenu.hints.sites')}>
          <Select
            mode="multiple"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            disabled={noUnit}
            loading={sites.isFetching}
            placeholder={t('serviceMenu.allSites')}
            options={(sites.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }))}
            aria-label={t('serviceMenu.fields.sites')}
          />
        </Form.Item>
        <Form.Item name="provider" label={t('serviceMenu.fields.provider')} extra={t('serviceMenu.hints.provider')} rules={[{ max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="availability" label={t('serviceMenu.fields.availability')} extra={t('serviceMenu.hints.availability')} rules={[{ max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="weeklyQuota" label={t('serviceMenu.fields.weeklyQuota')} extra={t('serviceMenu.hints.weeklyQuota')}>
              <InputNumber min={1} max={1000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="homeVisit" label={t('serviceMenu.fields.homeVisit')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="description" label={t('serviceMenu.fields.description')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
