// 报名: an activity's volunteer sign-ups and citizen bookings, filtered by kind and status, with the waiting-list
// place; the organizer adds a registered volunteer, cancels a sign-up (a reason and a second confirmation; the
// waiting list moves up on the server) and downloads the whole list as a spreadsheet.
import { useState } from 'react';
import { App, Button, Select, Space, Tag, Typography } from 'antd';
import { DownloadOutlined, UserAddOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ActivityDetail } from '../../api/activities';
import { activityDayPaths, cancelSignup, getActivityCounts, listSignups, signupKinds, signupStatuses, type SignupStatus, type StaffSignup } from '../../api/activity-day';
import { CursorTable } from '../ui/CursorTable';
import { formatDateTime } from '../ui/format';
import { ReasonConfirmModal } from '../ui/ReasonConfirmModal';
import { useCursorList } from '../ui/use-cursor-pages';
import { AddVolunteerModal } from './AddVolunteerModal';
import { countsKey, DAY_KEY, formatMinutes, signupsKey, signupStatusColor } from './day-ui';

type Props = { activity: ActivityDetail; canEdit: boolean };

export function SignupsPanel({ activity, canEdit }: Props) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<string | undefined>();
  const [status, setStatus] = useState<string | undefined>();
  const [adding, setAdding] = useState(false);
  const [cancelling, setCancelling] = useState<StaffSignup | null>(null);
  const { pages, list } = useCursorList(signupsKey(activity.id), { kind, status }, (q, signal) => listSignups(activity.id, q, signal));
  const counts = useQuery({ queryKey: countsKey(activity.id), queryFn: ({ signal }) => getActivityCounts(activity.id, signal) });
  const c = counts.data;

  return (
    <>
      {c && (
        <Typography.Paragraph type="secondary" data-testid="signup-counts" style={{ marginBottom: 8 }}>
          {t('activityDay.signups.volunteerCounts', { confirmed: c.volunteers.confirmed, slots: c.volunteers.slots, waitlisted: c.volunteers.waitlisted })}
          {c.citizens.places > 0 && ` · ${t('activityDay.signups.citizenCounts', { confirmed: c.citizens.confirmed, places: c.citizens.places, waitlisted: c.citizens.waitlisted })}`}
          {` · ${t('activityDay.signups.cutoff', { minutes: c.cancelCutoffMinutes })}`}
        </Typography.Paragraph>
      )}
      <Space wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Space wrap role="search">
          <Select
            value={kind}
            onChange={setKind}
            allowClear
            placeholder={t('activityDay.signups.kind')}
            aria-label={t('activityDay.signups.kind')}
            style={{ width: 120 }}
            options={signupKinds.map((k) => ({ value: k, label: t(`activityDay.kind.${k}`) }))}
          />
          <Select
            value={status}
            onChange={setStatus}
            allowClear
            placeholder={t('activityDay.signups.status')}
            aria-label={t('activityDay.signups.status')}
            style={{ width: 120 }}
            options={signupStatuses.map((s) => ({ value: s, label: t(`activityDay.status.${s}`) }))}
          />
        </Space>
        <Space wrap>
          {canEdit && (
            <Button icon={<UserAddOutlined />} onClick={() => setAdding(true)}>
              {t('activityDay.signups.add')}
            </Button>
          )}
          <Button icon={<DownloadOutlined />} href={activityDayPaths.signupsXlsx(activity.id)} download>
            {t('activityDay.signups.export')}
          </Button>
        </Space>
      </Space>
      <CursorTable<StaffSignup>
        list={list}
        pages={pages}
        emptyText={kind || status ? t('activityDay.signups.noneMatch') : t('activityDay.signups.none')}
        scroll={{ x: 900 }}
        columns={[
          {
            title: t('activityDay.signups.name'),
            key: 'name',
            width: 180,
            render: (_, s) => (
              <Space size={4} wrap>
                <span>{s.name}</span>
                {s.volunteerNumber && <Typography.Text type="secondary">{s.volunteerNumber}</Typography.Text>}
              </Space>
            ),
          },
          { title: t('activityDay.signups.kind'), dataIndex: 'kind', width: 80, render: (k: StaffSignup['kind']) => <Tag color={k === 'citizen' ? 'blue' : undefined}>{t(`activityDay.kind.${k}`)}</Tag> },
          { title: t('activityDay.signups.phone'), dataIndex: 'phone', width: 130 },
          {
            title: t('activityDay.signups.status'),
            key: 'status',
            width: 140,
            render: (_, s) => (
              <Tag color={signupStatusColor[s.status]}>
                {s.status === 'waitlisted' && s.position ? t('activityDay.signups.waitlistedAt', { position: s.position }) : t(`activityDay.status.${s.status}`)}
              </Tag>
            ),
          },
          { title: t('activityDay.signups.createdAt'), dataIndex: 'createdAt', width: 150, render: (v: string) => formatDateTime(v) },
          {
            title: t('activityDay.signups.checkedIn'),
            key: 'checkedIn',
            width: 110,
            render: (_, s) => (s.kind === 'volunteer' ? (s.checkedIn ? <Tag color="green">{t('activityDay.signups.yes')}</Tag> : t('activityDay.signups.no')) : '—'),
          },
          { title: t('activityDay.signups.minutes'), dataIndex: 'minutes', width: 110, render: (m: number, s) => (s.kind === 'volunteer' && m > 0 ? formatMinutes(m, t) : '—') },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 136,
            fixed: 'right',
            render: (_, s) =>
              s.status === 'cancelled' ? (
                <Typography.Text type="secondary">{s.cancelledAt ? formatDateTime(s.cancelledAt) : ''}</Typography.Text>
              ) : (
                canEdit && (
                  <Button size="small" danger onClick={() => setCancelling(s)} aria-label={t('activityDay.signups.cancelFor', { name: s.name })}>
                    {t('activityDay.signups.cancel')}
                  </Button>
                )
              ),
          },
        ]}
      />
      <AddVolunteerModal activity={activity} open={adding} onClose={() => setAdding(false)} />
      <CancelSignupModal activityId={activity.id} signup={cancelling} onClose={() => setCancelling(null)} />
    </>
  );
}

/** A staff cancellation needs a reason (the person is told) and a second confirmation; it works at any time. */
function CancelSignupModal({ activityId, signup, onClose }: { activityId: string; signup: StaffSignup | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const cancel = useMutation({
    mutationFn: (reason: string) => cancelSignup(activityId, signup!.id, reason.trim()),
    onSuccess: () => {
      void message.success(t('activityDay.signups.cancelled'));
      void qc.invalidateQueries({ queryKey: DAY_KEY });
      onClose();
    },
    onError: (err) => void message.error(err.message),
  });
  const confirmBody = (s: SignupStatus) => (s === 'confirmed' ? t('activityDay.signups.cancelConfirmBody') : t('activityDay.signups.cancelConfirmBodyWaitlist'));
  return (
    <ReasonConfirmModal
      open={!!signup}
      title={t('activityDay.signups.cancelTitle', { name: signup?.name ?? '' })}
      okText={t('activityDay.signups.cancel')}
      cancelText={t('activityDay.signups.keep')}
      reasonLabel={t('activityDay.signups.reason')}
      reasonRequired={t('activityDay.signups.reasonRequired')}
      maxLength={200}
      confirmTitle={t('activityDay.signups.cancelConfirm', { name: signup?.name ?? '' })}
      confirmBody={signup ? confirmBody(signup.status) : ''}
      pending={cancel.isPending}
      onConfirm={(reason) => cancel.mutateAsync(reason)}
      onClose={onClose}
    />
  );
}
