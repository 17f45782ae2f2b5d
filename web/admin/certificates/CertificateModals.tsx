// The certificate forms: requesting one for a volunteer (period and purpose), issuing a request (the person in
// charge; handler and contact default to the signed-in account), and rejecting or revoking with a reason
// (revoking asks once more: the certificate stops verifying).
import { useState } from 'react';
import { Alert, App, DatePicker, Form, Input, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { issueCertificate, rejectCertificate, requestCertificate, revokeCertificate, type Certificate } from '../../api/records';
import { useSignedIn } from '../auth/use-me';
import { applyApiErrors } from '../ui/form-errors';
import { CERTIFICATES_KEY, durationText } from '../hours/hours-ui';
import { VolunteerSelect } from '../hours/RemoteSelect';

type RequestValues = { volunteerId: string; period: [Dayjs, Dayjs]; purpose?: string };

export function RequestCertificateModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (c: Certificate) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<RequestValues>();
  const [failure, setFailure] = useState<string | null>(null);
  const close = () => {
    setFailure(null);
    onClose();
  };
  const create = useMutation({
    mutationFn: (v: RequestValues) =>
      requestCertificate({ volunteerId: v.volunteerId, from: v.period[0].format('YYYY-MM-DD'), to: v.period[1].format('YYYY-MM-DD'), purpose: v.purpose?.trim() || undefined }),
    onSuccess: (c) => {
      void message.success(t('records.certs.requested', { name: c.volunteerName }));
      void qc.invalidateQueries({ queryKey: CERTIFICATES_KEY });
      close();
      onCreated(c);
    },
    onError: (err) => {
      const rest = applyApiErrors(form, err, ['volunteerId', 'purpose', 'from', 'to']);
      // The period's two ends are one field here.
      const period = err instanceof ApiError ? err.fields.filter((f) => /(^|\.)(from|to)$/.test(f.field)) : [];
      if (period.length) form.setFields([{ name: 'period', errors: period.map((f) => f.message) }]);
      setFailure(rest);
    },
  });
  return (
    <Modal
      open={open}
      title={t('records.certs.requestTitle')}
      okText={t('records.certs.requestSubmit')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={close}
      destroyOnHidden
      width={560}
    >
      <Typography.Paragraph type="secondary">{t('records.certs.requestHint')}</Typography.Paragraph>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} />}
      <Form<RequestValues> form={form} layout="vertical" onFinish={(v) => create.mutate(v)} requiredMark>
        <Form.Item name="volunteerId" label={t('records.certs.fields.volunteer')} rules={[{ required: true, message: t('records.entry.volunteerRequired') }]}>
          <VolunteerSelect placeholder={t('records.entry.volunteerPlaceholder')} aria-label={t('records.certs.fields.volunteer')} />
        </Form.Item>
        <Form.Item name="period" label={t('records.certs.fields.period')} rules={[{ required: true, message: t('records.certs.periodRequired') }]}>
          <DatePicker.RangePicker style={{ width: '100%' }} aria-label={t('records.certs.fields.period')} placeholder={[t('records.fromDate'), t('records.toDate')]} />
        </Form.Item>
        <Form.Item name="purpose" label={t('records.certs.fields.purpose')}>
          <Input maxLength={200} showCount placeholder={t('records.certs.purposePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

// common/network.ts's CONTACT_PHONE_PATTERN (a mobile or a landline with area code); copied because that file
// brings zod into the console bundle. The server checks it again.
const CONTACT_PHONE_PATTERN = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

type IssueValues = { personInCharge: string; handler?: string; handlerPhone?: string };

export function IssueModal({ certificate: c, onClose }: { certificate: Certificate; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const me = useSignedIn();
  const [form] = Form.useForm<IssueValues>();
  const [failure, setFailure] = useState<string | null>(null);
  const issue = useMutation({
    mutationFn: (v: IssueValues) => issueCertificate(c.id, { personInCharge: v.personInCharge.trim(), handler: v.handler?.trim() || undefined, handlerPhone: v.handlerPhone?.trim() || undefined }),
    onSuccess: (done) => {
      void message.success(t('records.certs.issued', { number: done.number ?? '' }));
      void qc.invalidateQueries({ queryKey: CERTIFICATES_KEY });
      void qc.invalidateQueries({ queryKey: ['hours'] });
      onClose();
    },
    onError: (err) => setFailure(applyApiErrors(form, err, ['personInCharge', 'handler', 'handlerPhone'])),
  });
  return (
    <Modal
      open
      title={t('records.certs.issueTitle', { name: c.volunteerName })}
      okText={t('records.certs.issue')}
      cancelText={t('common.cancel')}
      confirmLoading={issue.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('records.certs.issueHint', { period: `${c.periodFrom} ~ ${c.periodTo}` })}</Typography.Paragraph>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} />}
      <Form<IssueValues> form={form} layout="vertical" initialValues={{ handler: me.name, handlerPhone: me.phone }} onFinish={(v) => issue.mutate(v)} requiredMark>
        <Form.Item name="personInCharge" label={t('records.certs.snap.personInCharge')} rules={[{ required: true, whitespace: true, message: t('records.certs.personRequired') }]} extra={t('records.certs.personHint')}>
          <Input maxLength={50} autoFocus />
        </Form.Item>
        <Form.Item name="handler" label={t('records.certs.snap.handler')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="handlerPhone" label={t('records.certs.handlerPhone')} rules={[{ pattern: CONTACT_PHONE_PATTERN, message: t('records.certs.phoneInvalid') }]}>
          <Input maxLength={20} inputMode="tel" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ReasonModal({ certificate: c, kind, onClose }: { certificate: Certificate; kind: 'reject' | 'revoke'; onClose: () => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ reason: string }>();
  const [failure, setFailure] = useState<string | null>(null);
  const decide = useMutation({
    mutationFn: (reason: string) => (kind === 'reject' ? rejectCertificate(c.id, reason) : revokeCertificate(c.id, reason)),
    onSuccess: () => {
      void message.success(t(kind === 'reject' ? 'records.certs.rejectedDone' : 'records.certs.revokedDone'));
      void qc.invalidateQueries({ queryKey: CERTIFICATES_KEY });
      onClose();
    },
    onError: (err) => setFailure(applyApiErrors(form, err, ['reason'])),
  });
  const submit = ({ reason }: { reason: string }) => {
    if (kind === 'reject') return decide.mutate(reason.trim());
    modal.confirm({
      title: t('records.certs.revokeConfirmTitle', { number: c.number ?? '' }),
      content: t('records.certs.revokeConfirmBody', { name: c.volunteerName, duration: c.totalMinutes != null ? durationText(t, c.totalMinutes) : '' }),
      okText: t('records.certs.revoke'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => decide.mutateAsync(reason.trim()).catch(() => undefined),
    });
  };
  return (
    <Modal
      open
      title={t(kind === 'reject' ? 'records.certs.rejectTitle' : 'records.certs.revokeTitle', { name: c.volunteerName })}
      okText={t(kind === 'reject' ? 'records.certs.reject' : 'records.certs.revoke')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={decide.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="reason"
          label={t(kind === 'reject' ? 'records.certs.rejectReason' : 'records.certs.revokeReason')}
          rules={[{ required: true, whitespace: true, message: t('records.hours.reasonRequired') }]}
          extra={kind === 'revoke' ? t('records.certs.revokeHint') : t('records.certs.rejectHint')}
        >
          <Input.TextArea rows={3} maxLength={200} showCount autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
