// The records table of the 待审核 and 全部记录 tabs: filters (unit, status, flagged, a search over activity and
// volunteer, a date range, one activity or one volunteer picked from a row), keyset pages, the row actions
// (approve, reject, correct, history) and, in the queue, several approved at once after a confirmation.
import { useEffect, useState } from 'react';
import { App, Button, DatePicker, Input, Select, Space, Tag, Typography } from 'antd';
import { CheckOutlined, WarningOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { approveHour, approveHours, hourStatuses, listHours, type HourFilters, type HourRecord, type HourStatus } from '../../api/records';
import { timeRange } from '../activities/activity-ui';
import { CursorTable } from '../ui/CursorTable';
import { errorText } from '../ui/PageState';
import { UnitPicker } from '../ui/UnitPicker';
import { useCursorList } from '../ui/use-cursor-pages';
import { useSignedIn } from '../auth/use-me';
import { CorrectionModal, RejectModal } from './HourModals';
import { HourHistoryDrawer } from './HourHistoryDrawer';
import { durationText, hourStatusColor, HOURS_KEY, mayManageHours, refusalText } from './hours-ui';
import './hours.css';

export const hourFilterKeys = ['unit', 'status', 'flagged', 'q', 'activity', 'volunteer', 'from', 'to'] as const;
type FilterKey = (typeof hourFilterKeys)[number];
type Filters = Record<FilterKey, string>;

/** The list's query from the URL filters; the queue always shows pending records. */
export function listQueryOf(f: Filters, pending: boolean): HourFilters {
  return {
    unit: f.unit || undefined,
    status: pending ? 'pending' : f.status || undefined,
    flagged: f.flagged === 'true' ? 'true' : undefined,
    q: f.q || undefined,
    activity: f.activity || undefined,
    volunteer: f.volunteer || undefined,
    from: f.from || undefined,
    to: f.to || undefined,
  };
}

type Props = {
  mode: 'pending' | 'all';
  filters: Filters;
  setFilter: (k: FilterKey, v: string | undefined) => void;
  setFilters: (patch: Partial<Record<FilterKey, string | undefined>>) => void;
};

export function HourList({ mode, filters, setFilter, setFilters }: Props) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const qc = useQueryClient();
  const me = useSignedIn();
  const manage = mayManageHours(me);
  const pendingMode = mode === 'pending';
  const { pages, list, filtersKey } = useCursorList([...HOURS_KEY, 'list'], listQueryOf(filters, pendingMode), (q, signal) => listHours(q, signal));
  const [selected, setSelected] = useState<string[]>([]);
  useEffect(() => setSelected([]), [filtersKey, pages.cursor]);
  const [rejecting, setRejecting] = useState<HourRecord | null>(null);
  const [correcting, setCorrecting] = useState<HourRecord | null>(null);
  const [history, setHistory] = useState<string | null>(null);
  const flagReasons = (r: HourRecord) => r.flags.map((f) => t(`records.flags.${f}`, { defaultValue: f }));

  const refresh = () => {
    void qc.invalidateQueries({ queryKey: HOURS_KEY });
    void qc.invalidateQueries({ queryKey: ['stars'] });
  };
  const refused = (title: string, err: unknown) => modal.error({ title, content: errorText(err, t) });

  const approve = useMutation({
    mutationFn: (r: HourRecord) => approveHour(r.id),
    onSuccess: (r) => {
      void message.success(t('records.hours.approved', { name: r.volunteerName }));
      refresh();
    },
    onError: (err) => refused(t('records.hours.approveFailed'), err),
  });
  const askApprove = (r: HourRecord) => {
    if (!r.flags.length) return approve.mutate(r);
    // A flagged record is approved only once its reasons have been read.
    modal.confirm({
      title: t('records.hours.approveFlaggedTitle', { name: r.volunteerName }),
      content: (
        <ul style={{ paddingInlineStart: 18, margin: 0 }}>
          {flagReasons(r).map((x) => (
            <li key={x}>{x}</li>
          ))}
        </ul>
      ),
      okText: t('records.hours.approve'),
      cancelText: t('common.cancel'),
      onOk: () => approve.mutateAsync(r).catch(() => undefined),
    });
  };

  const bulk = useMutation({
    mutationFn: (ids: string[]) => approveHours(ids),
    onSuccess: (res) => {
      setSelected([]);
      refresh();
      if (!res.skipped.length) return void message.success(t('records.hours.bulkDone', { n: res.approved }));
      const rows = list.data?.items ?? [];
      modal.warning({
        title: t('records.hours.bulkPartial', { n: res.approved, skipped: res.skipped.length }),
        content: (
          <ul style={{ paddingInlineStart: 18, margin: 0 }}>
            {res.skipped.map((s) => {
              const r = rows.find((x) => x.id === s.id);
              return <li key={s.id}>{`${r ? `${r.volunteerName}（${r.activityTitle}）` : s.id}：${refusalText(t, s.code)}`}</li>;
            })}
          </ul>
        ),
      });
    },
    onError: (err) => refused(t('records.hours.approveFailed'), err),
  });
  const askBulk = () =>
    modal.confirm({
      title: t('records.hours.bulkTitle', { n: selected.length }),
      content: t('records.hours.bulkBody'),
      okText: t('records.hours.bulkApprove'),
      cancelText: t('common.cancel'),
      onOk: () => bulk.mutateAsync(selected).catch(() => undefined),
    });

  const first = list.data?.items[0];
  const label = (r: HourRecord) => `${r.volunteerName}（${r.activityTitle}）`;

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }} role="search">
        <Input.Search
          key={`q-${filters.q}`}
          defaultValue={filters.q}
          placeholder={t('records.hours.searchPlaceholder')}
          aria-label={t('records.hours.searchPlaceholder')}
          allowClear
          onSearch={(v) => setFilter('q', v.trim())}
          style={{ width: 260 }}
        />
        <UnitPicker value={filters.unit || undefined} onChange={(v) => setFilter('unit', v)} allowClear placeholder={t('records.filterUnit')} aria-label={t('records.filterUnit')} />
        {!pendingMode && (
          <Select
            value={filters.status || undefined}
            onChange={(v) => setFilter('status', v)}
            allowClear
            placeholder={t('records.hours.fields.status')}
            aria-label={t('records.hours.fields.status')}
            style={{ width: 120 }}
            options={hourStatuses.map((s) => ({ value: s, label: t(`records.hours.status.${s}`) }))}
          />
        )}
        <Select
          value={filters.flagged || undefined}
          onChange={(v) => setFilter('flagged', v)}
          allowClear
          placeholder={t('records.hours.filterFlagged')}
          aria-label={t('records.hours.filterFlagged')}
          style={{ width: 140 }}
          options={[{ value: 'true', label: t('records.hours.flaggedOnly') }]}
        />
        <DatePicker.RangePicker
          value={filters.from && filters.to ? [dayjs(filters.from), dayjs(filters.to)] : null}
          onChange={(r) => setFilters({ from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') })}
          aria-label={t('records.hours.dateRange')}
          placeholder={[t('records.fromDate'), t('records.toDate')]}
          style={{ width: 240 }}
        />
        {filters.activity && (
          <Tag closable onClose={() => setFilter('activity', undefined)} color="blue">
            {t('records.hours.onlyActivity', { title: first?.activityId === filters.activity ? first.activityTitle : '…' })}
          </Tag>
        )}
        {filters.volunteer && (
          <Tag closable onClose={() => setFilter('volunteer', undefined)} color="blue">
            {t('records.hours.onlyVolunteer', { name: first?.volunteerId === filters.volunteer ? first.volunteerName : '…' })}
          </Tag>
        )}
      </Space>
      {pendingMode && manage && (
        <Space style={{ marginBottom: 8 }}>
          <Button icon={<CheckOutlined />} type="primary" ghost disabled={!selected.length} loading={bulk.isPending} onClick={askBulk}>
            {t('records.hours.bulkApprove')}
            {selected.length ? ` (${selected.length})` : ''}
          </Button>
          <Typography.Text type="secondary">{t('records.hours.bulkHint')}</Typography.Text>
        </Space>
      )}
      <CursorTable<HourRecord>
        list={list}
        pages={pages}
        emptyText={pendingMode ? t('records.hours.noPending') : t('records.hours.none')}
        scroll={{ x: 1100 }}
        rowClassName={(r) => (r.flags.length && r.status === 'pending' ? 'wm-flagged' : '')}
        rowSelection={
          pendingMode && manage
            ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]), getCheckboxProps: (r) => ({ 'aria-label': `${t('records.hours.select')} ${label(r)}` }) }
            : undefined
        }
        columns={[
          {
            title: t('records.hours.fields.volunteer'),
            key: 'volunteer',
            width: 120,
            render: (_, r) => (
              <div>
                <Button type="link" size="small" className="wm-cell-link" autoInsertSpace={false} onClick={() => setFilter('volunteer', r.volunteerId)} title={t('records.hours.filterByVolunteer')}>
                  {r.volunteerName}
                </Button>
                <div className="wm-cell-sub">{r.volunteerNumber}</div>
              </div>
            ),
          },
          {
            title: t('records.hours.fields.activity'),
            key: 'activity',
            width: 180,
            render: (_, r) => (
              <div>
                <Button type="link" size="small" className="wm-cell-link" autoInsertSpace={false} onClick={() => setFilter('activity', r.activityId)} title={`${r.activityTitle} · ${t('records.hours.filterByActivity')}`}>
                  {r.activityTitle}
                </Button>
                <div className="wm-cell-sub" title={[r.unitName, r.teamName].filter(Boolean).join(' · ')}>
                  {[r.unitName, r.teamName].filter(Boolean).join(' · ')}
                </div>
              </div>
            ),
          },
          {
            title: t('records.hours.fields.time'),
            key: 'time',
            width: 180,
            render: (_, r) => (
              <div style={{ whiteSpace: 'nowrap' }}>
                {timeRange(r.startedAt, r.endedAt)}
                <div className="wm-cell-sub">{t(`records.hours.source.${r.source}`)}</div>
              </div>
            ),
          },
          { title: t('records.hours.fields.duration'), dataIndex: 'minutes', width: 150, render: (m: number) => <span style={{ whiteSpace: 'nowrap' }}>{durationText(t, m)}</span> },
          {
            title: t('records.hours.fields.flags'),
            key: 'flags',
            width: 180,
            render: (_, r) => (
              <Space orientation="vertical" size={0}>
                {flagReasons(r).map((x) => (
                  <Typography.Text key={x} type="warning" style={{ fontSize: 12 }}>
                    <WarningOutlined /> {x}
                  </Typography.Text>
                ))}
                {r.version > 1 && r.reason && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('records.hours.history.reason', { reason: r.reason })}
                  </Typography.Text>
                )}
                {r.status === 'rejected' && r.decisionNote && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('records.hours.rejectedBecause', { reason: r.decisionNote })}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: t('records.hours.fields.status'),
            dataIndex: 'status',
            width: 96,
            render: (s: HourStatus, r) => (
              <Space size={2} wrap>
                <Tag color={hourStatusColor[s]}>{t(`records.hours.status.${s}`)}</Tag>
                {r.version > 1 && <Tag color="purple">{t('records.hours.versionTag', { n: r.version })}</Tag>}
                {r.frozen && <Tag>{t('records.hours.frozen')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 160,
            fixed: 'right',
            render: (_, r) => (
              <Space size={0} wrap>
                {manage && r.status === 'pending' && (
                  <>
                    <Button size="small" type="link" loading={approve.isPending && approve.variables?.id === r.id} onClick={() => askApprove(r)} aria-label={`${t('records.hours.approve')} ${label(r)}`}>
                      {t('records.hours.approve')}
                    </Button>
                    <Button size="small" type="link" danger onClick={() => setRejecting(r)} aria-label={`${t('records.hours.reject')} ${label(r)}`}>
                      {t('records.hours.reject')}
                    </Button>
                  </>
                )}
                {manage && r.status === 'approved' && !r.frozen && (
                  <Button size="small" type="link" onClick={() => setCorrecting(r)} aria-label={`${t('records.hours.correct')} ${label(r)}`}>
                    {t('records.hours.correct')}
                  </Button>
                )}
                <Button size="small" type="link" onClick={() => setHistory(r.id)} aria-label={`${t('records.hours.showHistory')} ${label(r)}`}>
                  {t('records.hours.showHistory')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <RejectModal record={rejecting} onClose={() => setRejecting(null)} onDone={refresh} />
      <CorrectionModal record={correcting} onClose={() => setCorrecting(null)} onDone={refresh} />
      <HourHistoryDrawer id={history} onClose={() => setHistory(null)} />
    </>
  );
}
