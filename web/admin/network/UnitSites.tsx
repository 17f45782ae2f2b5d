// The sites of a unit and everything under it, as a short paged table with a link to manage them.
import { Button, Card, Table, Tag } from 'antd';
import { useQuery, keepPreviousData } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { Page, Site, Unit } from '../../api/types';
import { CursorPager } from '../ui/CursorPager';
import { PageState } from '../ui/PageState';
import { useCursorPages } from '../ui/use-cursor-pages';
import { siteStatusColor } from '../sites/site-status';
import { useKindLabel } from '../sites/use-kind-label';

export function UnitSites({ unit }: { unit: Unit }) {
  const { t } = useTranslation();
  const kindLabel = useKindLabel();
  const pages = useCursorPages(unit.id, 10);
  const sites = useQuery({
    queryKey: ['sites', { unitId: unit.id, cursor: pages.cursor, limit: pages.pageSize }],
    queryFn: () => api<Page<Site>>('/api/sites', { query: { unitId: unit.id, cursor: pages.cursor, limit: pages.pageSize } }),
    placeholderData: keepPreviousData,
  });
  return (
    <Card
      size="small"
      title={t('unit.sitesOf', { name: unit.name })}
      extra={
        <Link to={`/sites?unitId=${unit.id}`}>
          <Button type="link">{t('unit.manageSites')}</Button>
        </Link>
      }
    >
      {sites.isError ? (
        <PageState error={sites.error} onRetry={() => void sites.refetch()} />
      ) : (
        <>
          <Table<Site>
            size="small"
            rowKey="id"
            loading={sites.isFetching}
            dataSource={sites.data?.items ?? []}
            pagination={false}
            locale={{ emptyText: <PageState empty={t('site.none')} /> }}
            columns={[
              { title: t('site.fields.name'), dataIndex: 'name', ellipsis: true },
              { title: t('site.fields.kind'), dataIndex: 'kind', render: (k: string) => kindLabel(k), width: 150 },
              { title: t('site.fields.unit'), dataIndex: 'unitName', width: 220, ellipsis: { showTitle: true } },
              { title: t('site.fields.status'), dataIndex: 'status', width: 90, render: (s: Site['status']) => <Tag color={siteStatusColor[s]}>{t(`site.status.${s}`)}</Tag> },
            ]}
          />
          <CursorPager pages={pages} total={sites.data?.total} nextCursor={sites.data?.nextCursor} />
        </>
      )}
    </Card>
  );
}
