// 活动覆盖 (/admin/coverage): for a unit and a date range, which weeks each institute and station held nothing and
// which months had no activity on the center's theme; a cell opens the week; exports the plan and a month calendar.
import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Space, Typography } from 'antd';
import { FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { calendarPdfUrl, getCoverage, planXlsxUrl, type CoverageRow } from '../../api/coverage';
import { PageState } from '../ui/PageState';
import { UnitPicker } from '../ui/UnitPicker';
import { useUrlFilters } from '../ui/use-url-filters';
import { CoverageGrid } from './CoverageGrid';
import { CoverageWeekDrawer } from './CoverageWeekDrawer';

export function CoveragePage() {
  const { t } = useTranslation();
  const [filters, setFilter, setFilters] = useUrlFilters(['unit', 'from', 'to'] as const);
  const [month, setMonth] = useState<Dayjs>(dayjs());
  const [open, setOpen] = useState<{ unitId: string; unitName: string; week: string } | null>(null);
  const query = { unit: filters.unit || undefined, from: filters.from || undefined, to: filters.to || undefined };
  const q = useQuery({ queryKey: ['coverage', query], queryFn: () => getCoverage(query), placeholderData: keepPreviousData });
  const report = q.data;
  const unitId = filters.unit || report?.unit.id;

  const onOpen = (row: CoverageRow, i: number) => setOpen({ unitId: row.unit.id, unitName: row.unit.name, week: report!.weeks[i].key });
  const setRange = (range: [Dayjs | null, Dayjs | null] | null) => {
    setFilters({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') });
  };

  return (
    <Card
      title={t('coverage.title')}
      size="small"
      extra={
        <Space wrap>
          <Button icon={<FileExcelOutlined />} href={planXlsxUrl({ ...query, unit: unitId })} download>
            {t('coverage.exportXlsx')}
          </Button>
          <DatePicker picker="month" allowClear={false} value={month} onChange={(v) => v && setMonth(v)} aria-label={t('coverage.calendarMonth')} />
          <Button icon={<FilePdfOutlined />} href={calendarPdfUrl({ unit: unitId, month: month.format('YYYY-MM') })} target="_blank" rel="noopener">
            {t('coverage.exportPdf')}
          </Button>
        </Space>
      }
    >
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('coverage.intro')}</Typography.Text>
        <Space wrap>
          <UnitPicker value={unitId} onChange={(v) => setFilter('unit', v)} aria-label={t('coverage.unit')} />
          <DatePicker.RangePicker
            aria-label={t('coverage.range')}
            value={report ? [dayjs(filters.from || report.from), dayjs(filters.to || report.to)] : null}
            onChange={(v) => setRange(v as [Dayjs | null, Dayjs | null] | null)}
          />
        </Space>
        {q.error && !report ? (
          <PageState error={q.error} onRetry={() => void q.refetch()} />
        ) : !report ? (
          <PageState loading />
        ) : report.rows.length === 0 ? (
          <PageState empty={t('coverage.empty')} />
        ) : (
          <>
            {q.error && <Alert type="error" showIcon title={(q.error as Error).message} />}
            <Space wrap size={16}>
              <Typography.Text>
                {t('coverage.summary', {
                  stations: report.summary.stations,
                  institutes: report.summary.institutes,
                  weekGaps: report.summary.stationWeekGaps,
                  monthGaps: report.summary.stationMonthGaps,
                })}
              </Typography.Text>
              <Legend color="#ff4d4f" text={t('coverage.legendGap')} />
              <Legend color="#f6ffed" text={t('coverage.legendCovered')} />
            </Space>
            <CoverageGrid report={report} onOpen={onOpen} />
          </>
        )}
      </Space>
      <CoverageWeekDrawer target={open} onClose={() => setOpen(null)} />
    </Card>
  );
}

function Legend({ color, text }: { color: string; text: string }) {
  return (
    <Space size={4}>
      <span style={{ display: 'inline-block', width: 12, height: 12, background: color, border: '1px solid #d9d9d9' }} />
      <Typography.Text type="secondary">{text}</Typography.Text>
    </Space>
  );
}
