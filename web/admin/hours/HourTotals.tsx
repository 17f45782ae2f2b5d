// 统计: approved hours over a range of months, by unit (the chosen unit and the units directly under it) or by team,
// with a total row. Read from the monthly rollup, so it is quick at district scale.
import { DatePicker, Segmented, Space, Table, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { hourTotals, hoursOf, type HourTotals as Totals } from '../../api/records';
import { PageState } from '../ui/PageState';
import { UnitPicker } from '../ui/UnitPicker';
import { ZONE } from '../ui/format';
import { HOURS_KEY } from './hours-ui';

type Keys = 'unit' | 'by' | 'mfrom' | 'mto';
type Row = Totals['rows'][number];

export function HourTotals({ filters, setFilters }: { filters: Record<Keys, string>; setFilters: (patch: Partial<Record<Keys, string | undefined>>) => void }) {
  const { t } = useTranslation();
  const thisMonth = dayjs().tz(ZONE).format('YYYY-MM');
  // Without a chosen range: this year so far.
  const from = filters.mfrom || `${thisMonth.slice(0, 4)}-01`;
  const to = filters.mto || thisMonth;
  const by = filters.by === 'team' ? 'team' : 'unit';
  const query = { unit: filters.unit || undefined, from, to, by } as const;
  const q = useQuery({ queryKey: [...HOURS_KEY, 'totals', query], queryFn: ({ signal }) => hourTotals(query, signal), placeholderData: keepPreviousData });

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }} role="search">
        <Segmented
          value={by}
          onChange={(v) => setFilters({ by: v === 'team' ? 'team' : undefined })}
          options={[
            { value: 'unit', label: t('records.totals.byUnit') },
            { value: 'team', label: t('records.totals.byTeam') },
          ]}
          aria-label={t('records.totals.by')}
        />
        <UnitPicker value={filters.unit || undefined} onChange={(v) => setFilters({ unit: v })} allowClear placeholder={t('records.totals.unit')} aria-label={t('records.totals.unit')} />
        <DatePicker.RangePicker
          picker="month"
          value={[dayjs(`${from}-01`), dayjs(`${to}-01`)]}
          onChange={(r) => setFilters({ mfrom: r?.[0]?.format('YYYY-MM'), mto: r?.[1]?.format('YYYY-MM') })}
          allowClear={false}
          aria-label={t('records.totals.months')}
          style={{ width: 220 }}
        />
      </Space>
      {q.isError ? (
        <PageState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Table<Row>
          size="small"
          rowKey="id"
          loading={q.isFetching}
          dataSource={q.data?.rows ?? []}
          pagination={false}
          // The total row stays in view under a long list of units.
          scroll={{ y: 'max(240px, calc(100vh - 340px))' }}
          locale={{ emptyText: <PageState empty={q.isPending ? t('common.loading') : t('records.totals.none')} /> }}
          columns={[
            { title: by === 'team' ? t('records.totals.team') : t('records.totals.unitName'), dataIndex: 'name', render: (n: string, r) => (r.code ? `${n}（${r.code}）` : n) },
            { title: t('records.totals.hours'), dataIndex: 'minutes', width: 140, align: 'right', render: (m: number) => hoursOf(m), sorter: (a, b) => a.minutes - b.minutes },
            { title: t('records.totals.minutes'), dataIndex: 'minutes', key: 'minutes', width: 140, align: 'right' },
            { title: t('records.totals.records'), dataIndex: 'records', width: 120, align: 'right', sorter: (a, b) => a.records - b.records },
          ]}
          summary={() =>
            q.data && (
              <Table.Summary fixed>
                <Table.Summary.Row style={{ background: '#fafafa' }}>
                  <Table.Summary.Cell index={0}>
                    <Typography.Text strong>{t('records.totals.total', { from, to })}</Typography.Text>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={1} align="right">
                    <Typography.Text strong data-testid="hours-total">
                      {hoursOf(q.data.total.minutes)}
                    </Typography.Text>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={2} align="right">
                    <Typography.Text strong data-testid="minutes-total">
                      {q.data.total.minutes}
                    </Typography.Text>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={3} align="right">
                    <Typography.Text strong>{q.data.total.records}</Typography.Text>
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              </Table.Summary>
            )
          }
        />
      )}
    </>
  );
}
