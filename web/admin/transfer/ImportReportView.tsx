// What an import preview found: the summary counts and a table of every row error.
import { Alert, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../api/types';

type Counts = { created: number; updated: number; unchanged: number };
type Summary = { units: Counts; sites: Counts; errorRows: number };
type ErrorRow = { key: string; sheet: string; row: number; field: string; message: string };

export function ImportReportView({ report }: { report: ImportReport }) {
  const { t, i18n } = useTranslation();
  // Fields are named by their API names (code, kind, …); show the form label when there is one.
  const fieldLabel = (f: string) => ['site', 'unit'].map((k) => `${k}.fields.${f}`).find((k) => i18n.exists(k)) ?? null;
  const rows: ErrorRow[] = report.rows.flatMap((r) => r.errors.map((e, i) => ({ key: `${r.sheet}-${r.row}-${i}`, sheet: r.sheet, row: r.row, field: e.field, message: e.message })));
  const summary = report.summary as Partial<Summary> | undefined;
  const counts = (['units', 'sites'] as const).filter((k) => summary?.[k]);
  return (
    <div>
      <Alert
        role="status"
        type={report.ok && rows.length === 0 ? 'success' : 'error'}
        showIcon
        title={report.committed ? t('transfer.imported') : report.ok && rows.length === 0 ? t('transfer.previewOk') : t('transfer.previewErrors', { n: rows.length })}
        style={{ marginBottom: 12 }}
      />
      {counts.length > 0 && (
        <Typography.Text strong>{report.committed ? t('transfer.summaryDone') : t('transfer.summary')}</Typography.Text>
      )}
      {counts.length > 0 && (
        <Table
          size="small"
          style={{ margin: '8px 0 12px', maxWidth: 560 }}
          pagination={false}
          rowKey="what"
          dataSource={counts.map((k) => ({ what: k, ...summary![k]! }))}
          columns={[
            { title: '', dataIndex: 'what', render: (k: string) => t(`transfer.kinds.${k}`) },
            { title: t('transfer.created'), dataIndex: 'created' },
            { title: t('transfer.updated'), dataIndex: 'updated' },
            { title: t('transfer.unchanged'), dataIndex: 'unchanged' },
          ]}
        />
      )}
      {rows.length > 0 && (
        <Table<ErrorRow>
          size="small"
          dataSource={rows}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          columns={[
            { title: t('transfer.sheet'), dataIndex: 'sheet', width: 120 },
            { title: t('transfer.row'), dataIndex: 'row', width: 80 },
            { title: t('transfer.field'), dataIndex: 'field', width: 160, render: (f: string) => { const k = fieldLabel(f); return k ? `${t(k)} (${f})` : f; } },
            { title: t('transfer.problem'), dataIndex: 'message' },
          ]}
        />
      )}
    </div>
  );
}
