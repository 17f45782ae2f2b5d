// Schedule a session of a course: time (picked as Shanghai wall-clock time), a site in scope or a place in words,
// the teacher and the number of places.
import { useEffect, useState } from 'react';
import { App, Button, DatePicker, Drawer, Form, Input, InputNumber, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import type { Page, Site } from '../../api/types';
import { schoolApi } from '../../api/school';
import { applyApiErrors } from '../ui/form-errors';
import { ZONE } from '../ui/format';

type Values = { time: [Dayjs, Dayjs]; siteId?: string; place?: string; teacher?: string; capacity: number };
const FIELDS = ['time', 'siteId', 'place', 'teacher', 'capacity'] as const;

/** The picked wall-clock time read as Shanghai time, whatever the browser's zone. */
function shanghaiIso(d: Dayjs): string {
  return dayjs.tz(d.format('YYYY-MM-DD HH:mm'), ZONE).toISOString();
}

function useSiteOptions(q: string) {
  return useQuery({
    queryKey: ['school', 'site-options', q],
    queryFn: () => api<Page<Site>>('/api/sites', { query: { q, status: 'open', limit: 30 } }),
    staleTime: 60_000,
  });
}

export function SessionFormDrawer({ open, courseId, onClose }: { open: boolean; courseId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [siteQuery, setSiteQuery] = useState('');
  const sites = useSiteOptions(siteQuery);
  const siteId = Form.useWatch('siteId', form);

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const save = useMutation({
    mutationFn: (v: Values) =>
      schoolApi.createSession(courseId, {
        startsAt: shanghaiIso(v.time[0]),
        endsAt: shanghaiIso(v.time[1]),
        siteId: v.siteId ?? null,
        place: v.place?.trim() ?? '',
        teacher: v.teacher?.trim() ?? '',
        capacity: v.capacity,
      }),
    onSuccess: () => {
      void message.success(t('school.session.created'));
      void qc.invalidateQueries({ queryKey: ['school'] });
      onClose();
    },
    onError: (err) => {
      // The API names startsAt / endsAt; both belong to the one time-range field here.
      const timeIssues = err instanceof ApiError ? err.fields.filter((f) => /(^|\.)(startsAt|endsAt)$/.test(f.field)) : [];
      if (timeIssues.length) form.setFields([{ name: 'time', errors: timeIssues.map((f) => f.message) }]);
      const rest = applyApiErrors(form, err, FIELDS);
      if (rest && !timeIssues.length) void message.error(rest);
    },
  });

  return (
    <Drawer
      open={open}
      size={520}
      title={t('school.session.create')}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" initialValues={{ capacity: 30 }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="time" label={t('school.session.timeRange')} rules={[{ required: true, message: t('common.required') }]}>
          <DatePicker.RangePicker
            showTime={{ format: 'HH:mm', minuteStep: 5 }}
            format="YYYY-MM-DD HH:mm"
            placeholder={[t('school.session.fields.startsAt'), t('school.session.fields.endsAt')]}
            style={{ width: '100%' }}
          />
        </Form.Item>
        <Form.Item name="siteId" label={t('school.session.fields.site')} extra={t('school.session.siteHelp')}>
          <Select
            showSearch
            allowClear
            filterOption={false}
            onSearch={setSiteQuery}
            loading={sites.isFetching}
            options={(sites.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.name}（${s.unitName}）` }))}
          />
        </Form.Item>
        <Form.Item
          name="place"
          label={t('school.session.fields.place')}
          extra={t('school.session.placeHelp')}
          rules={[{ required: !siteId, whitespace: true, message: t('school.session.placeOrSite') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="teacher" label={t('school.session.fields.teacher')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="capacity" label={t('school.session.fields.capacity')} rules={[{ required: true, message: t('common.required') }]}>
          <InputNumber min={1} max={10000} precision={0} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
