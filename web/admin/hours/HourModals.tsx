// Deciding one record: rejecting it (the reason is required: the volunteer is told), and correcting an approved one
// (new start and end with the reason; it becomes a new pending version that someone else approves).
import { useEffect, useState } from 'react';
import { Alert, App, DatePicker, Descriptions, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { correctHour, rejectHour, type HourRecord } from '../../api/records';
import { timeRange } from '../activities/activity-ui';
import { applyApiErrors } from '../ui/form-errors';
import { applyTimeErrors, durationText, instantOf, pickerValue } from './hours-ui';

type Props = { record: HourRecord | null; onClose: () => void; onDone: () => void };

function RecordSummary({ r }: { r: HourRecord }) {
  const { t } = useTranslation();
  return (
    <Descriptions
      size="small"
      column={1}
      style={{ marginBottom: 12 }}
      items={[
        { key: 'v', label: t('records.hours.fields.volunteer'), children: `${r.volunteerName}（${r.volunteerNumber}）` },
        { key: 'a', label: t('records.hours.fields.activity'), children: r.activityTitle },
        { key: 't', label: t('records.hours.fields.time'), children: timeRange(r.startedAt, r.endedAt) },
        { key: 'd', label: t('records.hours.fields.duration'), children: durationText(t, r.minutes) },
      ]}
    />
  );
}

export function RejectModal({ record, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => setFailure(null), [record]);
  const reject = useMutation({
    mutationFn: (reason: string) => rejectHour(record!.id, reason),
    onSuccess: (r) => {
      void message.success(t('records.hours.rejected', { name: r.volunteerName }));
      onDone();
      onClose();
    },
    onError: (err) => setFailure(applyApiErrors(form, err, ['reason'])),
  });
  return (
    <Modal
      open={!!record}
      title={t('records.hours.rejectTitle')}
      okText={t('records.hours.reject')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={reject.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {record && <RecordSummary r={record} />}
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => reject.mutate(v.reason.trim())}>
        <Form.Item name="reason" label={t('records.hours.rejectReason')} rules={[{ required: true, whitespace: true, message: t('records.hours.reasonRequired') }]} extra={t('records.hours.rejectHint')}>
          <Input.TextArea rows={3} maxLength={200} showCount autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type CorrectionValues = { range: [Dayjs, Dayjs]; reason: string };

export function CorrectionModal({ record, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CorrectionValues>();
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => setFailure(null), [record]);
  const correct = useMutation({
    mutationFn: (v: CorrectionValues) => correctHour(record!.id, { startedAt: instantOf(v.range[0]), endedAt: instantOf(v.range[1]), reason: v.reason.trim() }),
    onSuccess: () => {
      void message.success(t('records.hours.correctionSent'));
      onDone();
      onClose();
    },
    onError: (err) => setFailure(applyTimeErrors(form, err, ['reason'])),
  });
  return (
    <Modal
      open={!!record}
      title={t('records.hours.correctTitle')}
      okText={t('records.hours.submitCorrection')}
      cancelText={t('common.cancel')}
      confirmLoading={correct.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={560}
    >
      {record && <RecordSummary r={record} />}
      <Alert type="info" showIcon title={t('records.hours.correctHint')} style={{ marginBottom: 12 }} />
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} />}
      {record && (
        <Form<CorrectionValues>
          form={form}
          layout="vertical"
          initialValues={{ range: [pickerValue(record.startedAt), pickerValue(record.endedAt)] }}
          onFinish={(v) => correct.mutate(v)}
        >
          <Form.Item
            name="range"
            label={t('records.hours.newTime')}
            rules={[
              { required: true, message: t('records.hours.timeRequired') },
              {
                validator: async (_, v: [Dayjs, Dayjs] | undefined) => {
                  if (v && !v[1].isAfter(v[0])) throw new Error(t('records.hours.endAfterStart'));
                },
              },
            ]}
          >
            <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} aria-label={t('records.hours.newTime')} placeholder={[t('records.startTime'), t('records.endTime')]} />
          </Form.Item>
          <Form.Item name="reason" label={t('records.hours.correctReason')} rules={[{ required: true, whitespace: true, message: t('records.hours.reasonRequired') }]}>
            <Input.TextArea rows={3} maxLength={200} showCount />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
