// 活动: the activities in scope as a filtered, paged list or a month calendar; reviewers (institute and district
// admins) also see the review queue and set which units below them need review. /activities/:id is one activity,
// /activities/:id/checkin its check-in screen.
import { useState } from 'react';
import { Button, Card, DatePicker, Input, Segmented, Select, Space, Tabs, Tag } from 'antd';
import { CalendarOutlined, DownloadOutlined, PlusOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes, useNavigate } from 'react-router';
import dayjs from 'dayjs';
import { api, withQuery } from '../../api/client';
import type { Page } from '../../api/types';
import { activityPaths, activityStatuses, type ActivityRow } from '../../api/activities';
import { useSignedIn } from '../auth/use-me';
import { CursorTable } from '../ui/CursorTable';
import { PageState } from '../ui/PageState';
import { UnitPicker } from '../ui/UnitPicker';
import { useCursorList } from '../ui/use-cursor-pages';
import { useUrlFilters } from '../ui/use-url-filters';
import { CheckinScreen } from '../activity-day/CheckinScreen';
import { ActivityCalendar } from './ActivityCalendar';
import { ActivityDetailPage } from './ActivityDetailPage';
import { ActivityFormDrawer } from './ActivityFormDrawer';
import { ReviewQueue } from './ReviewQueue';
import { ACTIVITIES_KEY, isReviewer, statusColor, timeRange, useActivityLabels } from './activity-ui';

export function ActivitiesPage() {
  return (
    <Routes>
      <Route index element={<ActivitiesHome />} />
      <Route path=":id" element={<ActivityDetailPage />} />
      <Route path=":id/checkin" element={<CheckinScreen />} />
      <Route path="*" element={<PageState notFound />} />
    </Routes>
  );
}

const FILTERS = ['q', 'unit', 'status', 'topic', 'from', 'to', 'series', 'view', 'tab'] as const;

function ActivitiesHome() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const [filters, setFilter, setFilters] = useUrlFilters(FILTERS);
  const [creating, setCreating] = useState(false);
  const reviewer = isReviewer(me);
  const tab = reviewer && filters.tab === 'review' ? 'review' : 'all';
  return (
    <Card
      title={t('menu.activities')}
      size="small"
      extra={
        me.grants.length > 0 && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('activities.create')}
          </Button>
        )
      }
    >
      <Tabs
        activeKey={tab}
        onChange={(k) => setFilter('tab', k === 'all' ? undefined : k)}
        items={[
          { key: 'all', label: t('activities.tabs.all'), children: tab === 'all' && <ActivityList filters={filters} setFilter={setFilter} setFilters={setFilters} /> },
          ...(reviewer ? [{ key: 'review', label: t('activities.tabs.review'), children: tab === 'review' && <ReviewQueue /> }] : []),
        ]}
      />
      <ActivityFormDrawer
        open={creating}
        // A station admin's activities are the station's own unless another unit is chosen.
        defaultUnitId={filters.unit || (me.grants.length === 1 ? me.grants[0].unitId : undefined)}
        onClose={() => setCreating(false)}
      />
    </Card>
  );
}

type Filters = Record<(typeof FILTERS)[number], string>;

type FilterKey = (typeof FILTERS)[number];

function ActivityList({
  filters,
  setFilter,
  setFilters,
}: {
  filters: Filters;
  setFilter: (k: FilterKey, v: string | undefined) => void;
  setFilters: (patch: Partial<Record<FilterKey, string | undefined>>) => void;
}) {
  const { t } = useTranslation();
  const labels = useActivityLabels();
  const navigate = useNavigate();
  const calendar = filters.view === 'calendar';
  // Without a chosen date range the list starts today: staff plan ahead; a range shows the past.
  const upcoming = !filters.from && !filters.to && !filters.series;
  const query = {
    q: filters.q,
    unit: filters.unit,
    status: filters.status,
    topic: filters.topic,
    from: upcoming ? dayjs().format('YYYY-MM-DD') : filters.from,
    to: filters.to,
    series: filters.series,
  };
  const { pages, list } = useCursorList([...ACTIVITIES_KEY, 'list'], query, (q, signal) => api<Page<ActivityRow>>(activityPaths.activities, { query: q, signal }));

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }} role="search">
        <Segmented
          value={calendar ? 'calendar' : 'list'}
          onChange={(v) => setFilter('view', v === 'calendar' ? 'calendar' : undefined)}
          options={[
            { value: 'list', icon: <UnorderedListOutlined />, label: t('activities.view.list') },
            { value: 'calendar', icon: <CalendarOutlined />, label: t('activities.view.calendar') },
          ]}
          aria-label={t('activities.view.label')}
        />
        <Input.Search
          key={`q-${filters.q}`}
          defaultValue={filters.q}
          placeholder={t('activities.searchPlaceholder')}
          aria-label={t('activities.searchPlaceholder')}
          allowClear
          onSearch={(v) => setFilter('q', v.trim())}
          style={{ width: 200 }}
        />
        <UnitPicker value={filters.unit || undefined} onChange={(v) => setFilter('unit', v)} allowClear placeholder={t('activities.filterUnit')} aria-label={t('activities.filterUnit')} />
        <Select
          value={filters.status || undefined}
          onChange={(v) => setFilter('status', v)}
          allowClear
          placeholder={t('activities.fields.status')}
          aria-label={t('activities.fields.status')}
          style={{ width: 110 }}
          options={activityStatuses.map((s) => ({ value: s, label: t(`activities.status.${s}`) }))}
        />
        <Select
          value={filters.topic || undefined}
          onChange={(v) => setFilter('topic', v)}
          allowClear
          placeholder={t('activities.fields.topic')}
          aria-label={t('activities.fields.topic')}
          style={{ width: 170 }}
          popupMatchSelectWidth={false}
          options={labels.topics}
        />
        {!calendar && (
          <DatePicker.RangePicker
            value={filters.from && filters.to ? [dayjs(filters.from), dayjs(filters.to)] : null}
            onChange={(r) => {
              setFilters({ from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') });
            }}
            aria-label={t('activities.dateRange')}
            placeholder={[t('activities.rangeFromToday'), t('activities.rangeAnyEnd')]}
            style={{ width: 240 }}
          />
        )}
        {/* The same filters as the list, every page (up to 10,000 activities). */}
        <Button icon={<DownloadOutlined />} href={withQuery(activityPaths.activitiesXlsx, query)} target="_blank" rel="noopener">
          {t('activities.exportXlsx')}
        </Button>
        {filters.series && (
          <Tag closable onClose={() => setFilter('series', undefined)} color="blue">
            {t('activities.seriesOnly')}
          </Tag>
        )}
      </Space>
      {calendar ? (
        <ActivityCalendar filters={{ q: filters.q, unit: filters.unit, status: filters.status, topic: filters.topic, series: filters.series }} />
      ) : (
        <CursorTable<ActivityRow>
          list={list}
          pages={pages}
          emptyText={t('activities.noneFound')}
          scroll={{ x: 1100 }}
          onRow={(a) => ({ onDoubleClick: () => navigate(a.id) })}
          columns={[
            {
              title: t('activities.fields.title'),
              dataIndex: 'title',
              width: 240,
              render: (title: string, a) => (
                <Space size={4} wrap>
                  <Link to={a.id}>{title}</Link>
                  {a.seriesId && <Tag color="blue">{t('activities.series')}</Tag>}
                </Space>
              ),
            },
            { title: t('activities.fields.time'), key: 'time', width: 190, render: (_, a) => timeRange(a.startsAt, a.endsAt) },
            { title: t('activities.fields.topic'), dataIndex: 'topic', width: 150, ellipsis: true, render: (k: string) => labels.topic(k) },
            { title: t('activities.fields.unit'), key: 'unit', width: 200, ellipsis: true, render: (_, a) => a.unit.name },
            { title: t('activities.fields.place'), key: 'place', width: 160, ellipsis: true, render: (_, a) => a.site?.name ?? a.address },
            {
              title: t('activities.fields.slots'),
              key: 'slots',
              width: 150,
              render: (_, a) => t('activities.slotsShort', { v: a.volunteerSlots, c: a.citizenPlaces }),
            },
            { title: t('activities.fields.status'), dataIndex: 'status', width: 90, render: (s: ActivityRow['status']) => <Tag color={statusColor[s]}>{t(`activities.status.${s}`)}</Tag> },
          ]}
        />
      )}
    </>
  );
}
