// The month calendar of the activities in the list's scope and filters: each day shows its activities (time and
// title, coloured by status); a click opens the activity.
import { useState } from 'react';
import { Badge, Calendar, Tooltip, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import { activityPaths, type ActivityFilters, type ActivityRow } from '../../api/activities';
import { PageState } from '../ui/PageState';
import { ZONE } from '../ui/format';
import { ACTIVITIES_KEY, inZone, statusColor } from './activity-ui';

const badgeStatus: Record<string, 'default' | 'processing' | 'success' | 'warning' | 'error'> = {
  draft: 'default',
  submitted: 'processing',
  published: 'success',
  in_progress: 'warning',
  finished: 'default',
  cancelled: 'error',
};
// A month of a busy district can hold many activities; read at most this many pages of 100.
const MAX_PAGES = 10;

async function monthActivities(filters: ActivityFilters, month: Dayjs, signal: AbortSignal): Promise<{ items: ActivityRow[]; truncated: boolean }> {
  const from = month.startOf('month').format('YYYY-MM-DD');
  const to = month.endOf('month').format('YYYY-MM-DD');
  const items: ActivityRow[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < MAX_PAGES; i++) {
    const page = await api<Page<ActivityRow>>(activityPaths.activities, { query: { ...filters, from, to, cursor, limit: 100 }, signal });
    items.push(...page.items);
    if (!page.nextCursor) return { items, truncated: false };
    cursor = page.nextCursor;
  }
  return { items, truncated: true };
}

export function ActivityCalendar({ filters }: { filters: ActivityFilters }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [month, setMonth] = useState(() => dayjs().tz(ZONE).startOf('month'));
  const key = month.format('YYYY-MM');
  const q = useQuery({ queryKey: [...ACTIVITIES_KEY, 'calendar', filters, key], queryFn: ({ signal }) => monthActivities(filters, month, signal) });

  if (q.isError) return <PageState error={q.error} onRetry={() => void q.refetch()} />;
  const byDay = new Map<string, ActivityRow[]>();
  for (const a of q.data?.items ?? []) {
    const d = inZone(a.startsAt).format('YYYY-MM-DD');
    byDay.set(d, [...(byDay.get(d) ?? []), a]);
  }
  return (
    <div aria-busy={q.isFetching}>
      {q.data?.truncated && <Typography.Text type="warning">{t('activities.calendar.truncated')}</Typography.Text>}
      <Calendar
        value={month}
        onPanelChange={(d) => setMonth(d.startOf('month'))}
        onSelect={(d, info) => {
          if (info.source !== 'date') setMonth(d.startOf('month'));
        }}
        cellRender={(d, info) => {
          if (info.type !== 'date') return info.originNode;
          const list = byDay.get(d.format('YYYY-MM-DD')) ?? [];
          return (
            <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={t('activities.calendar.day', { date: d.format('YYYY-MM-DD'), count: list.length })}>
              {list.map((a) => (
                <li key={a.id} style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', fontSize: 12 }}>
                  <Tooltip title={`${inZone(a.startsAt).format('HH:mm')} ${a.title} · ${a.unit.name} · ${t(`activities.status.${a.status}`)}`}>
                    <a
                      href={`/admin/activities/${a.id}`}
                      onClick={(e) => {
                        e.preventDefault();
                        e.stopPropagation();
                        navigate(a.id);
                      }}
                    >
                      <Badge status={badgeStatus[a.status] ?? 'default'} color={a.status === 'finished' ? statusColor.finished : undefined} /> {inZone(a.startsAt).format('HH:mm')} {a.title}
                    </a>
                  </Tooltip>
                </li>
              ))}
            </ul>
          );
        }}
      />
    </div>
  );
}
