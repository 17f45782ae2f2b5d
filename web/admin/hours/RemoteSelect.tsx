// Pickers that search the server as one types: volunteers of the caller's scope (GET /api/volunteers?q=) and
// activities (GET /api/activities?q=). Extra options (e.g. the people signed up for an activity) can be offered
// before anything is typed.
import { useEffect, useState } from 'react';
import { Select, Spin } from 'antd';
import dayjs from 'dayjs';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import type { ActivityRow } from '../../api/activities';
import { listVolunteers } from '../../api/volunteers';
import { timeRange } from '../activities/activity-ui';
import { ZONE } from '../ui/format';

const RECORDABLE: string[] = ['published', 'in_progress', 'finished'];

export type Option = { value: string; label: string };

function useDebounced(value: string, ms = 300): string {
  const [v, setV] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setV(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return v;
}

type Props = {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined, option?: Option) => void;
  placeholder?: string;
  'aria-label'?: string;
  style?: React.CSSProperties;
  allowClear?: boolean;
};

function SearchSelect({
  search,
  minLength,
  extra,
  queryKey,
  ...props
}: Props & { search: string; minLength: number; extra: Option[]; queryKey: string; onSearch: (s: string) => void; options: Option[] | undefined; loading: boolean }) {
  const { t } = useTranslation();
  const { onSearch, options, loading, id, value, onChange, placeholder, style, allowClear } = props;
  // The chosen option stays among the options so its label keeps showing while another search runs.
  const [known, setKnown] = useState<Option[]>([]);
  const merged = [...(options ?? []), ...extra, ...known].filter((o, i, all) => all.findIndex((x) => x.value === o.value) === i);
  return (
    <Select
      id={id}
      data-search={queryKey}
      aria-label={props['aria-label']}
      value={value}
      placeholder={placeholder}
      allowClear={allowClear}
      style={style}
      showSearch={{ filterOption: false, onSearch }}
      onChange={(v: string | undefined) => {
        const o = merged.find((x) => x.value === v);
        if (o) setKnown([o]);
        onChange?.(v, o);
      }}
      options={merged}
      notFoundContent={loading ? <Spin size="small" /> : search.length < minLength ? t('records.searchHint', { n: minLength }) : t('common.empty')}
    />
  );
}

const volunteerLabel = (v: { name: string; number: string; homeUnit?: { name: string } | null }) => `${v.name}（${v.number}${v.homeUnit ? ` · ${v.homeUnit.name}` : ''}）`;

/** A volunteer in the caller's scope, found by name, phone (at least 4 digits) or volunteer number. */
export function VolunteerSelect({ extra = [], ...props }: Props & { extra?: Option[] }) {
  const [text, setText] = useState('');
  const q = useDebounced(text.trim());
  const found = useQuery({
    queryKey: ['volunteers', 'pick', q],
    queryFn: ({ signal }) => listVolunteers({ q, status: 'active', limit: 20 }, signal),
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
  });
  const options = found.data?.items.map((v) => ({ value: v.id, label: volunteerLabel(v) }));
  return <SearchSelect {...props} queryKey="volunteer" search={q} minLength={2} extra={extra} onSearch={setText} options={options} loading={found.isFetching} />;
}

/**
 * An activity the caller's units organise that has taken place or is under way (hours are recorded for those only),
 * most recent first: the last two weeks, or the last year when searching by title.
 */
export function ActivitySelect({ onPicked, ...props }: Props & { onPicked?: (a: ActivityRow | undefined) => void }) {
  const [text, setText] = useState('');
  const q = useDebounced(text.trim());
  const today = dayjs().tz(ZONE);
  const query = { q: q || undefined, from: today.subtract(q ? 365 : 14, 'day').format('YYYY-MM-DD'), to: today.format('YYYY-MM-DD'), limit: 100 };
  const found = useQuery({
    queryKey: ['activities', 'pick', query],
    queryFn: ({ signal }) => api<Page<ActivityRow>>('/api/activities', { query, signal }),
    placeholderData: keepPreviousData,
  });
  const rows = (found.data?.items ?? []).filter((a) => RECORDABLE.includes(a.status) && dayjs(a.startsAt).isBefore(dayjs())).reverse();
  const options = rows.map((a) => ({ value: a.id, label: `${a.title}（${timeRange(a.startsAt, a.endsAt)}）` }));
  return (
    <SearchSelect
      {...props}
      onChange={(v, o) => {
        props.onChange?.(v, o);
        onPicked?.(rows.find((a) => a.id === v));
      }}
      queryKey="activity"
      search={q}
      minLength={0}
      extra={[]}
      onSearch={setText}
      options={options}
      loading={found.isFetching}
    />
  );
}
