// The row-level report of a roster check: errors highlighted, and a keep/take choice on rows whose details
// differ from the registry.
import { Radio, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Decision, RosterRow, RowStatus } from '../../api/roster';

const statusColor: Record<RowStatus, string> = { error: 'red', new: 'green', match: 'blue', member: 'default' };

type Props = { rows: RosterRow[]; decisions: Record<number, Decision>; onDecide?: (row: number, d: Decision) => void };

export function RosterRowsTable({ rows, decisions, onDecide }: Props) {
  const { t } = useTranslation();
  return (
    <Table<RosterRow>
      size="small"
      rowKey="row"
      dataSource={rows}
      pagination={{ defaultPageSize: 20, showSizeChanger: true, hideOnSinglePage: true }}
      onRow={(r) => ({ style: r.status === 'error' ? { background: '#fff1f0' } : undefined, 'data-status': r.status } as React.HTMLAttributes<HTMLElement>)}
      columns={[
        { title: t('roster.columns.row'), dataIndex: 'row', width: 70 },
        { title: t('roster.columns.status'), dataIndex: 'status', width: 100, render: (s: RowStatus) => <Tag color={statusColor[s]}>{t(`roster.status.${s}`)}</Tag> },
        { title: t('roster.columns.name'), dataIndex: 'name', width: 110 },
        { title: t('roster.columns.phone'), dataIndex: 'phoneMasked', width: 130 },
        { title: t('roster.columns.id'), dataIndex: 'idMasked', width: 190 },
        { title: t('roster.columns.number'), dataIndex: 'volunteerNumber', width: 120, render: (n: string | null) => n ?? '' },
        {
          title: t('roster.columns.detail'),
          key: 'detail',
          render: (_, r) => (
            <Space direction="vertical" size={2}>
              {r.errors.map((e, i) => (
                <Typography.Text key={i} type="danger">
                  {e.message}
                </Typography.Text>
              ))}
              {r.matchedBy && r.status !== 'error' && <Typography.Text type="secondary">{t(`roster.matchedBy.${r.matchedBy}`)}</Typography.Text>}
              {r.status !== 'error' &&
                r.conflicts.map((c) => (
                  <Typography.Text key={c.field} type="warning">
                    {t('roster.conflictLine', { field: t(`roster.fields.${c.field}`), registry: c.registry, roster: c.roster })}
                  </Typography.Text>
                ))}
              {r.status !== 'error' && r.conflicts.length > 0 && (
                <Radio.Group
                  size="small"
                  disabled={!onDecide}
                  aria-label={t('roster.columns.detail')}
                  value={decisions[r.row] ?? 'keep'}
                  onChange={(e) => onDecide?.(r.row, e.target.value as Decision)}
                  options={[
                    { value: 'keep', label: t('roster.keep') },
                    { value: 'take', label: t('roster.take') },
                  ]}
                />
              )}
            </Space>
          ),
        },
      ]}
    />
  );
}
