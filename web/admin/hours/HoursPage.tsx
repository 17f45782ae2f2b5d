// 服务时长: the approval queue (pending records, flagged ones highlighted with why), every record of the scope with
// filters and the XLSX export, and monthly totals by unit or team. Organisers enter hours for someone here too.
// The tab and the filters live in the URL so a filtered list can be linked to.
import { useState } from 'react';
import { Button, Card, Space, Tabs } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { recordPaths } from '../../api/records';
import { useSignedIn } from '../auth/use-me';
import { PageState } from '../ui/PageState';
import { useUrlFilters } from '../ui/use-url-filters';
import { HourEntryDrawer } from './HourEntryDrawer';
import { HourList, hourFilterKeys, listQueryOf } from './HourList';
import { HourTotals } from './HourTotals';
import { mayManageHours } from './hours-ui';

export function HoursPage() {
  return (
    <Routes>
      <Route index element={<HoursHome />} />
      <Route path="*" element={<PageState notFound />} />
    </Routes>
  );
}

const KEYS = ['tab', ...hourFilterKeys, 'by', 'mfrom', 'mto'] as const;
type Tab = 'pending' | 'all' | 'totals';

function HoursHome() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const [filters, setFilter, setFilters] = useUrlFilters(KEYS);
  const [entering, setEntering] = useState(false);
  const tab: Tab = filters.tab === 'all' || filters.tab === 'totals' ? filters.tab : 'pending';
  const manage = mayManageHours(me);
  const exportQuery = listQueryOf(filters, tab === 'pending');

  return (
    <Card
      title={t('menu.hours')}
      size="small"
      extra={
        <Space wrap>
          {tab !== 'totals' && (
            <Button icon={<DownloadOutlined />} href={recordPaths.hoursXlsx(exportQuery)} target="_blank" rel="noopener">
              {t('records.hours.export')}
            </Button>
          )}
          {manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEntering(true)}>
              {t('records.hours.enter')}
            </Button>
          )}
        </Space>
      }
    >
      <Tabs
        activeKey={tab}
        // Each tab keeps its own filters: switching starts from a clean list.
        onChange={(k) => setFilters(Object.fromEntries(KEYS.map((key) => [key, key === 'tab' && k !== 'pending' ? k : undefined])))}
        items={[
          { key: 'pending', label: t('records.hours.tabs.pending'), children: tab === 'pending' && <HourList mode="pending" filters={filters} setFilter={setFilter} setFilters={setFilters} /> },
          { key: 'all', label: t('records.hours.tabs.all'), children: tab === 'all' && <HourList mode="all" filters={filters} setFilter={setFilter} setFilters={setFilters} /> },
          { key: 'totals', label: t('records.hours.tabs.totals'), children: tab === 'totals' && <HourTotals filters={filters} setFilters={setFilters} /> },
        ]}
      />
      <HourEntryDrawer open={entering} onClose={() => setEntering(false)} />
    </Card>
  );
}
