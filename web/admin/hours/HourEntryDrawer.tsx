// 录入时长: an organiser records hours for someone who served without checking in (pick the activity, then the
// volunteer — the activity's confirmed sign-ups are offered first — and the start and end). The server checks the
// time against the activity and the volunteer's other records and says what does not fit.
import { useState } from 'react';
import { Alert, App, Button, DatePicker, Drawer, Form, Input, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { ActivityRow } from '../../api/activities';
import { enterHours } from '../../api/records';
import { ActivitySelect, VolunteerSelect } from './RemoteSelect';
import { applyTimeErrors, durationText, HOURS_KEY, instantOf, pickerValue } from './hours-ui';

type Values = { activityId: string; volunteerId: string; range: [Dayjs, Dayjs]; content?: string };
type SignupRow = { id: string; volunteerId: string | null; volunteerNumber: string | null; name: string; status: string };

export function HourEntryDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [activity, setActivity] = useState<ActivityRow | undefined>();
  const [failure, setFailure] = useState<string | null>(null);
  const range = Form.useWatch('range', form);
  const minutes = range?.[0] && range[1] ? Math.floor(range[1].diff(range[0], 'minute')) : 0;

  // The people signed up for the activity are the likely ones; anyone else in scope can be searched.
  const signups = useQuery({
    queryKey: ['activities', activity?.id, 'signups', 'volunteer'],
    queryFn: ({ signal }) => api<{ items: SignupRow[] }>(`/api/activities/${activity!.id}/signups`, { query: { kind: 'volunteer', status: 'confirmed', limit: 100 }, signal }),
    enabled: !!activity,
    retry: false,
  });
  const suggested = (signups.data?.items ?? [])
    .filter((s) => s.volunteerId)
    .map((s) => ({ value: s.volunteerId!, label: `${s.name}（${s.volunteerNumber ?? ''}）${t('records.entry.signedUp')}` }));

  const close = () => {
    form.resetFields();
    setActivity(undefined);
    setFailure(null);
    onClose();
  };
  const enter = useMutation({
    mutationFn: (v: Values) =>
      enterHours({ activityId: v.activityId, volunteerId: v.volunteerId, startedAt: instantOf(v.range[0]), endedAt: instantOf(v.range[1]), content: v.content?.trim() || undefined }),
    onSuccess: (r) => {
      void message.success(t('records.entry.done', { name: r.volunteerName, duration: durationText(t, r.minutes) }));
      void qc.invalidateQueries({ queryKey: HOURS_KEY });
      close();
    },
    onError: (err) => setFailure(applyTimeErrors(form, err, ['activityId', 'volunteerId', 'content'])),
  });

  return (
    <Drawer
      title={t('records.entry.title')}
      open={open}
      onClose={close}
      size={520}
      destroyOnHidden
      extra={
        <Button type="primary" loading={enter.isPending} onClick={() => form.submit()}>
          {t('records.entry.submit')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('records.entry.hint')}</Typography.Paragraph>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} />}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => enter.mutate(v)} requiredMark>
        <Form.Item name="activityId" label={t('records.entry.activity')} rules={[{ required: true, message: t('records.entry.activityRequired') }]}>
          <ActivitySelect
            placeholder={t('records.entry.activityPlaceholder')}
            aria-label={t('records.entry.activity')}
            onPicked={(a) => {
              setActivity(a);
              // The activity's own time is the usual answer; the organiser adjusts it for late arrivals.
              if (a) form.setFieldValue('range', [pickerValue(a.startsAt), pickerValue(a.endsAt)]);
            }}
          />
        </Form.Item>
        <Form.Item name="volunteerId" label={t('records.entry.volunteer')} rules={[{ required: true, message: t('records.entry.volunteerRequired') }]} extra={t('records.entry.volunteerHint')}>
          <VolunteerSelect placeholder={t('records.entry.volunteerPlaceholder')} aria-label={t('records.entry.volunteer')} extra={suggested} />
        </Form.Item>
        <Form.Item
          name="range"
          label={t('records.entry.time')}
          extra={minutes > 0 ? durationText(t, minutes) : undefined}
          rules={[
            { required: true, message: t('records.hours.timeRequired') },
            {
              validator: async (_, v: [Dayjs, Dayjs] | undefined) => {
                if (v && !v[1].isAfter(v[0])) throw new Error(t('records.hours.endAfterStart'));
              },
            },
          ]}
        >
          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} aria-label={t('records.entry.time')} placeholder={[t('records.startTime'), t('records.endTime')]} />
        </Form.Item>
        <Form.Item name="content" label={t('records.entry.content')}>
          <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('records.entry.contentPlaceholder')} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
