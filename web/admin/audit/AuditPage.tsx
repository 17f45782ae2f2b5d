// 审计日志: the append-only log of the caller's scope, filtered by text, action, result and time, newest first.
import { useState } from 'react';
import { Card, DatePicker, Input, Select, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { AuditEntry, Page } from '../../api/types';
import { CursorTable } from '../ui/CursorTable';
import { formatDateTimeSeconds, ZONE } from '../ui/format';
import { useCursorList } from '../ui/use-cursor-pages';
import { adminZh } from '../../i18n/admin-zh';

const knownActions = Object.keys(adminZh.audit.actions);

const hasDetails = (r: AuditEntry) => r.details != null && typeof r.details === 'object' && Object.keys(r.details).length > 0;

type Filters = { q: string; action?: string; result?: string; range?: [Dayjs | null, Dayjs | null] | null };

export function AuditPage() {
  const { t, i18n } = useTranslation();
  const [f, setF] = useState<Filters>({ q: '' });
  const query = {
    q: f.q,
    action: f.action,
    result: f.result,
    from: f.range?.[0]?.tz(ZONE, true).startOf('day').toISOString(),
    to: f.range?.[1]?.tz(ZONE, true).endOf('day').toISOString(),
  };
  const { pages, list } = useCursorList(['audit'], query, (q) => api<Page<AuditEntry>>('/api/audit', { query: q }));
  // Action names contain dots (the key separator), so they are looked up in the actions table directly.
  const actionLabel = (a: string) => (i18n.getResource(i18n.language, 'translation', 'audit.actions') as Record<string, string> | undefined)?.[a] ?? a;

  return (
    <Card size="small" title={t('menu.audit')}>
      <Space wrap style={{ marginBottom: 12 }} role="search">
        <Input.Search placeholder={t('audit.searchPlaceholder')} aria-label={t('audit.searchPlaceholder')} allowClear onSearch={(q) => setF((x) => ({ ...x, q: q.trim() }))} style={{ width: 240 }} />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('audit.action')}
          aria-label={t('audit.action')}
          style={{ width: 200 }}
          value={f.action}
          onChange={(action) => setF((x) => ({ ...x, action }))}
          options={knownActions.map((a) => ({ value: a, label: actionLabel(a) }))}
        />
        <Select
          allowClear
          placeholder={t('audit.result')}
          aria-label={t('audit.result')}
          style={{ width: 120 }}
          value={f.result}
          onChange={(result) => setF((x) => ({ ...x, result }))}
          options={['ok', 'denied', 'failed'].map((r) => ({ value: r, label: t(`audit.results.${r}`) }))}
        />
        <DatePicker.RangePicker aria-label={t('audit.timeRange')} value={f.range ?? null} onChange={(range) => setF((x) => ({ ...x, range }))} />
      </Space>
      <CursorTable<AuditEntry>
        list={list}
        pages={pages}
        emptyText={t('audit.none')}
        scroll={{ x: 1000 }}
        expandable={
          (list.data?.items ?? []).some(hasDetails)
            ? {
          rowExpandable: hasDetails,
          expandedRowRender: (r) => <Typography.Text code style={{ whiteSpace: 'pre-wrap' }}>{JSON.stringify(r.details, null, 2)}</Typography.Text>,
              }
            : undefined
        }
        columns={[
          { title: t('audit.at'), dataIndex: 'at', width: 170, render: (v: string) => formatDateTimeSeconds(v) },
          { title: t('audit.actor'), dataIndex: 'actorLabel', width: 210, ellipsis: true },
          { title: t('audit.action'), dataIndex: 'action', width: 170, render: (a: string) => actionLabel(a) },
          {
            title: t('audit.object'),
            key: 'object',
            ellipsis: true,
            render: (_, r) => (
              <span title={r.objectId ?? undefined}>
                {[i18n.exists(`audit.objects.${r.objectType}`) ? t(`audit.objects.${r.objectType}`) : r.objectType, r.objectId?.slice(0, 8)].filter(Boolean).join(' · ')}
              </span>
            ),
          },
          { title: t('audit.unitCode'), dataIndex: 'unitCode', width: 130 },
          { title: 'IP', dataIndex: 'ip', width: 130 },
          {
            title: t('audit.result'),
            dataIndex: 'result',
            width: 90,
            render: (r: string) => <Tag color={r === 'ok' ? 'green' : r === 'denied' ? 'orange' : 'red'}>{i18n.exists(`audit.results.${r}`) ? t(`audit.results.${r}`) : r}</Tag>,
          },
        ]}
      />
    </Card>
  );
}
