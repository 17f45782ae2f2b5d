// 签到: every confirmed volunteer of the activity (and anyone with a check-in) with their check-in/out pairs — by
// code (扫码), by hand (手动) or closed by the system after the end (自动签退, the hours need a review) — and the
// organizer checking someone in or out by hand, after a confirmation and optionally at an earlier time.
import { useState } from 'react';
import { App, Button, DatePicker, Modal, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { LoginOutlined, LogoutOutlined, ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import type { ActivityDetail } from '../../api/activities';
import { getAttendance, recordManual, type Attendance, type AttendanceRow, type CheckinMode } from '../../api/activity-day';
import { PageState } from '../ui/PageState';
import { ZONE } from '../ui/format';
import { attendanceKey, DAY_KEY, formatMinutes, signupStatusColor, timeOfDay } from './day-ui';

type Props = { activity: ActivityDetail; canEdit: boolean };
type Pending = { row: AttendanceRow; action: CheckinMode };

export const openPair = (r: AttendanceRow): Attendance | undefined => r.pairs.find((p) => !p.checkedOutAt);

export function AttendancePanel({ activity, canEdit }: Props) {
  const { t } = useTranslation();
  const [pending, setPending] = useState<Pending | null>(null);
  // Kept fresh while the tab is open: people are scanning the code at the same time.
  const q = useQuery({ queryKey: attendanceKey(activity.id), queryFn: ({ signal }) => getAttendance(activity.id, signal), refetchInterval: 15_000 });
  if (q.isPending) return <PageState loading />;
  if (q.isError) return <PageState error={q.error} onRetry={() => void q.refetch()} />;
  const rows = q.data.items;
  const expected = rows.filter((r) => r.signupStatus === 'confirmed').length;
  const arrived = rows.filter((r) => r.pairs.length > 0).length;
  const present = rows.filter((r) => openPair(r)).length;

  return (
    <>
      <Space wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Typography.Text data-testid="attendance-summary">{t('activityDay.attendance.summary', { expected, arrived, present })}</Typography.Text>
        <Button icon={<ReloadOutlined />} onClick={() => void q.refetch()} loading={q.isFetching}>
          {t('activityDay.attendance.refresh')}
        </Button>
      </Space>
      <Table<AttendanceRow>
        size="small"
        rowKey="volunteerId"
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        scroll={{ x: 760 }}
        locale={{ emptyText: <PageState empty={t('activityDay.attendance.none')} /> }}
        columns={[
          {
            title: t('activityDay.signups.name'),
            key: 'name',
            width: 170,
            render: (_, r) => (
              <Space size={4} wrap>
                <span>{r.name}</span>
                <Typography.Text type="secondary">{r.volunteerNumber}</Typography.Text>
              </Space>
            ),
          },
          {
            title: t('activityDay.signups.status'),
            key: 'signupStatus',
            width: 90,
            render: (_, r) => (r.signupStatus ? <Tag color={signupStatusColor[r.signupStatus]}>{t(`activityDay.status.${r.signupStatus}`)}</Tag> : '—'),
          },
          {
            title: t('activityDay.attendance.pairs'),
            key: 'pairs',
            render: (_, r) =>
              r.pairs.length === 0 ? (
                <Typography.Text type="secondary">{t('activityDay.attendance.notYet')}</Typography.Text>
              ) : (
                <Space direction="vertical" size={2}>
                  {r.pairs.map((p) => (
                    <PairLine key={p.id} pair={p} day={activity.startsAt} />
                  ))}
                </Space>
              ),
          },
          { title: t('activityDay.signups.minutes'), dataIndex: 'minutes', width: 110, render: (m: number) => (m > 0 ? formatMinutes(m, t) : '—') },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 136,
            fixed: 'right',
            render: (_, r) => {
              if (!canEdit) return null;
              const open = openPair(r);
              return open ? (
                <Button size="small" icon={<LogoutOutlined />} onClick={() => setPending({ row: r, action: 'out' })} aria-label={t('activityDay.attendance.outFor', { name: r.name })}>
                  {t('activityDay.attendance.checkOut')}
                </Button>
              ) : (
                r.signupStatus === 'confirmed' && (
                  <Button size="small" type="primary" ghost icon={<LoginOutlined />} onClick={() => setPending({ row: r, action: 'in' })} aria-label={t('activityDay.attendance.inFor', { name: r.name })}>
                    {t('activityDay.attendance.checkIn')}
                  </Button>
                )
              );
            },
          },
        ]}
      />
      <ManualModal activity={activity} pending={pending} onClose={() => setPending(null)} />
    </>
  );
}

const methodColor: Record<string, string | undefined> = { manual: 'gold', auto: 'orange' };

function MethodTag({ method }: { method: string }) {
  const { t } = useTranslation();
  const known = ['qr', 'manual', 'auto'].includes(method);
  return <Tag color={methodColor[method]}>{known ? t(`activityDay.method.${method}`) : method}</Tag>;
}

/** "09:02 扫码 → 11:05 手动", or "09:02 扫码 → 在场" while the pair is open. */
function PairLine({ pair, day }: { pair: Attendance; day: string }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap data-testid="attendance-pair">
      <span>{timeOfDay(pair.checkedInAt, day)}</span>
      <MethodTag method={pair.inMethod} />
      <span aria-hidden>→</span>
      {pair.checkedOutAt ? (
        <>
          <span>{timeOfDay(pair.checkedOutAt, day)}</span>
          {pair.autoClosed ? (
            <Tooltip title={t('activityDay.attendance.autoClosedHint')}>
              <Tag color="orange">{t('activityDay.attendance.autoClosed')}</Tag>
            </Tooltip>
          ) : (
            pair.outMethod && <MethodTag method={pair.outMethod} />
          )}
        </>
      ) : (
        <Tag color="green">{t('activityDay.attendance.present')}</Tag>
      )}
    </Space>
  );
}

/** Confirms a check-in or check-out by hand; the time defaults to now and may be set earlier (never later). */
function ManualModal({ activity, pending, onClose }: { activity: ActivityDetail; pending: Pending | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [at, setAt] = useState<Dayjs | null>(null);
  // The picker shows wall-clock time; it is Beijing time whatever the browser's zone is.
  const instant = at ? dayjs.tz(at.format('YYYY-MM-DDTHH:mm'), ZONE) : null;
  const future = !!instant && instant.isAfter(dayjs());
  const record = useMutation({
    mutationFn: (p: Pending) => recordManual(activity.id, { volunteerId: p.row.volunteerId, action: p.action, ...(instant ? { at: instant.toISOString() } : {}) }),
    onSuccess: (_, p) => {
      void message.success(t(p.action === 'in' ? 'activityDay.attendance.checkedIn' : 'activityDay.attendance.checkedOut', { name: p.row.name }));
      void qc.invalidateQueries({ queryKey: DAY_KEY });
      setAt(null);
      onClose();
    },
    onError: (err) => void message.error(err.message),
  });
  const close = () => {
    setAt(null);
    record.reset();
    onClose();
  };
  const action = pending?.action ?? 'in';
  const open = pending ? openPair(pending.row) : undefined;
  return (
    <Modal
      open={!!pending}
      title={t(action === 'in' ? 'activityDay.attendance.confirmIn' : 'activityDay.attendance.confirmOut', { name: pending?.row.name ?? '' })}
      okText={t(action === 'in' ? 'activityDay.attendance.checkIn' : 'activityDay.attendance.checkOut')}
      cancelText={t('common.cancel')}
      confirmLoading={record.isPending}
      okButtonProps={{ disabled: future }}
      onOk={() => pending && record.mutate(pending)}
      onCancel={close}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('activityDay.attendance.manualHint')}</Typography.Paragraph>
      {open && <Typography.Paragraph type="secondary">{t('activityDay.attendance.inSince', { time: timeOfDay(open.checkedInAt, activity.startsAt) })}</Typography.Paragraph>}
      <Space direction="vertical" size={4} style={{ width: '100%' }}>
        <label htmlFor="manual-at">{t('activityDay.attendance.at')}</label>
        <DatePicker
          id="manual-at"
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          value={at}
          onChange={setAt}
          placeholder={t('activityDay.attendance.now')}
          disabledDate={(d) => d.isAfter(dayjs().tz(ZONE), 'day')}
          style={{ width: 220 }}
        />
        {future && <Typography.Text type="danger">{t('activityDay.attendance.future')}</Typography.Text>}
      </Space>
    </Modal>
  );
}
