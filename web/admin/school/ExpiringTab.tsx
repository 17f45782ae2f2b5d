// Qualifications of volunteers in scope that expire within N days (30 by default) and have not been renewed, so
// staff can invite them to the next session. Exported to XLSX in the browser (exceljs loads only on export).
import { useState } from 'react';
import { App, Button, Select, Space, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { schoolApi, type ExpiringQualification } from '../../api/school';
import { CursorTable } from '../ui/CursorTable';
import { formatDateTime } from '../ui/format';
import { useCursorList } from '../ui/use-cursor-pages';

const DAY_CHOICES = [7, 30, 60, 90];

async function everyRow(days: number): Promise<ExpiringQualification[]> {
  const rows: ExpiringQualification[] = [];
  let cursor: string | undefined;
  do {
    const page = await schoolApi.expiring({ days, cursor, limit: 100 });
    rows.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return rows;
}

export function ExpiringTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [days, setDays] = useState(30);
  const { pages, list } = useCursorList(['school', 'expiring'], { days }, (query) => schoolApi.expiring(query));

  const exportXlsx = useMutation({
    mutationFn: async () => {
      const [rows, { default: ExcelJS }] = await Promise.all([everyRow(days), import('exceljs')]);
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet(t('school.expiring.sheet'));
      ws.columns = [
        { header: t('school.expiring.qualification'), width: 16 },
        { header: t('school.expiring.number'), width: 14 },
        { header: t('school.expiring.volunteer'), width: 12 },
        { header: t('school.expiring.phone'), width: 14 },
        { header: t('school.expiring.homeUnit'), width: 30 },
        { header: t('school.expiring.grantedAt'), width: 18 },
        { header: t('school.expiring.expiresAt'), width: 18 },
        { header: t('school.expiring.daysLeft'), width: 10 },
      ];
      ws.getRow(1).font = { bold: true };
      for (const r of rows) {
        ws.addRow([r.name, r.volunteer.number, r.volunteer.name, r.volunteer.phoneMasked, r.volunteer.homeUnitName, formatDateTime(r.grantedAt), formatDateTime(r.expiresAt), r.daysLeft]);
      }
      const blob = new Blob([await wb.xlsx.writeBuffer()], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = `${t('school.expiring.sheet')}-${days}.xlsx`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
      return rows.length;
    },
    onSuccess: (n) => void message.success(t('school.expiring.exported', { n })),
    onError: (err) => void message.error(err.message),
  });

  return (
    <>
      <Space wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <Select
            value={days}
            onChange={setDays}
            aria-label={t('school.expiring.days')}
            style={{ width: 110 }}
            options={DAY_CHOICES.map((n) => ({ value: n, label: t('school.expiring.daysLeftValue', { n }) }))}
          />
          <Typography.Text type="secondary">{t('school.expiring.intro', { days })}</Typography.Text>
        </Space>
        <Button icon={<DownloadOutlined />} loading={exportXlsx.isPending} disabled={!list.data?.total} onClick={() => exportXlsx.mutate()}>
          {t('school.expiring.export')}
        </Button>
      </Space>
      <CursorTable<ExpiringQualification>
        list={list}
        pages={pages}
        emptyText={t('school.expiring.none', { days })}
        scroll={{ x: 960 }}
        columns={[
          { title: t('school.expiring.qualification'), dataIndex: 'name', width: 140 },
          { title: t('school.expiring.number'), key: 'number', width: 130, render: (_, r) => r.volunteer.number },
          { title: t('school.expiring.volunteer'), key: 'volunteer', width: 110, render: (_, r) => r.volunteer.name },
          { title: t('school.expiring.phone'), key: 'phone', width: 130, render: (_, r) => r.volunteer.phoneMasked },
          { title: t('school.expiring.homeUnit'), key: 'home', ellipsis: true, render: (_, r) => r.volunteer.homeUnitName },
          { title: t('school.expiring.grantedAt'), dataIndex: 'grantedAt', width: 140, render: (v: string) => formatDateTime(v) },
          { title: t('school.expiring.expiresAt'), dataIndex: 'expiresAt', width: 140, render: (v: string) => formatDateTime(v) },
          {
            title: t('school.expiring.daysLeft'),
            dataIndex: 'daysLeft',
            width: 90,
            render: (n: number) => <Tag color={n <= 7 ? 'red' : 'orange'}>{t('school.expiring.daysLeftValue', { n })}</Tag>,
          },
        ]}
      />
    </>
  );
}
