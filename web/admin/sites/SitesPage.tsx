// 阵地: every site in scope with search, filters (unit subtree, kind, status) and paging; create, edit, change
// status, and the civic code of each. Filters live in the URL so a filtered list can be linked to.
import { useState } from 'react';
import { App, Button, Card, Dropdown, Input, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { DownOutlined, EditOutlined, FilePdfOutlined, PlusOutlined, QrcodeOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Page, Site, SiteStatus } from '../../api/types';
import { CursorTable } from '../ui/CursorTable';
import { formatDateTime } from '../ui/format';
import { UnitPicker } from '../ui/UnitPicker';
import { useCursorList } from '../ui/use-cursor-pages';
import { useUrlFilters } from '../ui/use-url-filters';
import { TREE_KEY, useSiteKinds } from '../network/use-network';
import { CivicCodeDrawer } from './CivicCodeDrawer';
import { SiteFormDrawer } from './SiteFormDrawer';
import { siteStatusColor, siteStatuses } from './site-status';
import { useKindLabel } from './use-kind-label';

const SITE_FILTERS = ['q', 'unitId', 'kind', 'status'] as const;

export function SitesPage() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const qc = useQueryClient();
  const kinds = useSiteKinds();
  const kindLabel = useKindLabel();
  const [filters, setFilter] = useUrlFilters(SITE_FILTERS);
  const { pages, list } = useCursorList(['sites'], filters, (query) => api<Page<Site>>('/api/sites', { query }));
  const [editing, setEditing] = useState<Site | 'new' | null>(null);
  const [coding, setCoding] = useState<Site | null>(null);

  const setStatus = useMutation({
    mutationFn: ({ site, status }: { site: Site; status: SiteStatus }) => api<Site>(`/api/sites/${site.id}/status`, { body: { status } }),
    onSuccess: () => {
      void message.success(t('site.statusChanged'));
      void qc.invalidateQueries({ queryKey: ['sites'] });
      void qc.invalidateQueries({ queryKey: TREE_KEY });
    },
    onError: (err) => void message.error(err.message),
  });
  const confirmStatus = (site: Site, status: SiteStatus) =>
    modal.confirm({
      title: t('site.statusConfirm', { name: site.name, status: t(`site.status.${status}`) }),
      content: status === 'open' ? undefined : t('site.statusConfirmBody'),
      okText: t('common.confirm'),
      okButtonProps: { danger: status !== 'open' },
      cancelText: t('common.cancel'),
      onOk: () => setStatus.mutateAsync({ site, status }),
    });

  return (
    <Card
      title={t('menu.sites')}
      size="small"
      extra={
        <Space>
          <Tooltip title={filters.unitId ? undefined : t('site.printNeedsUnit')}>
            <Button icon={<FilePdfOutlined />} disabled={!filters.unitId} href={filters.unitId ? `/api/units/${filters.unitId}/civic-code-sheet.pdf` : undefined} target="_blank" rel="noopener">
              {t('unit.printSheet')}
            </Button>
          </Tooltip>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('site.create')}
          </Button>
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }} role="search">
        <Input.Search
          key={`q-${filters.q}`}
          defaultValue={filters.q}
          placeholder={t('site.searchPlaceholder')}
          aria-label={t('site.searchPlaceholder')}
          allowClear
          onSearch={(v) => setFilter('q', v.trim())}
          style={{ width: 240 }}
        />
        <UnitPicker value={filters.unitId || undefined} onChange={(v) => setFilter('unitId', v)} allowClear placeholder={t('site.filterUnit')} aria-label={t('site.filterUnit')} />
        <Select
          value={filters.kind || undefined}
          onChange={(v) => setFilter('kind', v)}
          allowClear
          placeholder={t('site.filterKind')}
          aria-label={t('site.filterKind')}
          style={{ width: 170 }}
          options={(kinds.data ?? []).map((k) => ({ value: k.kind, label: kindLabel(k.kind) }))}
        />
        <Select
          value={filters.status || undefined}
          onChange={(v) => setFilter('status', v)}
          allowClear
          placeholder={t('site.filterStatus')}
          aria-label={t('site.filterStatus')}
          style={{ width: 120 }}
          options={siteStatuses.map((s) => ({ value: s, label: t(`site.status.${s}`) }))}
        />
      </Space>
      <CursorTable<Site>
        list={list}
        pages={pages}
        emptyText={t('site.noneFound')}
        scroll={{ x: 1000 }}
        columns={[
          { title: t('site.fields.name'), dataIndex: 'name', ellipsis: true, render: (n: string, s) => <Typography.Link onClick={() => setEditing(s)}>{n}</Typography.Link> },
          { title: t('site.fields.kind'), dataIndex: 'kind', width: 140, render: (k: string) => kindLabel(k) },
          { title: t('site.fields.unit'), dataIndex: 'unitName', width: 220, ellipsis: { showTitle: true } },
          { title: t('site.fields.address'), dataIndex: 'address', ellipsis: true },
          { title: t('site.fields.status'), dataIndex: 'status', width: 80, render: (s: SiteStatus) => <Tag color={siteStatusColor[s]}>{t(`site.status.${s}`)}</Tag> },
          { title: t('site.fields.updatedAt'), dataIndex: 'updatedAt', width: 140, render: (v: string) => formatDateTime(v) },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 250,
            fixed: 'right',
            render: (_, s) => (
              <Space size={4}>
                <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(s)} aria-label={`${t('common.edit')} ${s.name}`}>
                  {t('common.edit')}
                </Button>
                <Button size="small" icon={<QrcodeOutlined />} onClick={() => setCoding(s)} aria-label={`${t('civic.short')} ${s.name}`}>
                  {t('civic.short')}
                </Button>
                <Dropdown
                  trigger={['click']}
                  menu={{
                    items: siteStatuses.filter((x) => x !== s.status).map((x) => ({ key: x, label: t(`site.setStatus.${x}`), danger: x !== 'open' })),
                    onClick: (e) => confirmStatus(s, e.key as SiteStatus),
                  }}
                >
                  <Button size="small" aria-label={`${t('site.changeStatus')} ${s.name}`}>
                    {t('site.changeStatus')} <DownOutlined />
                  </Button>
                </Dropdown>
              </Space>
            ),
          },
        ]}
      />
      <SiteFormDrawer
        open={editing !== null}
        site={editing && editing !== 'new' ? editing : undefined}
        defaultUnitId={filters.unitId || undefined}
        onClose={() => setEditing(null)}
      />
      {coding && <CivicCodeDrawer site={coding} onClose={() => setCoding(null)} />}
    </Card>
  );
}
