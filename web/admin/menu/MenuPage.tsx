// 服务菜单: the service items of the units in scope, filtered by unit, status, category and words. Create / edit in
// a drawer; publish / withdraw after a confirmation. Published items show on the sites' civic-code pages.
import { useState } from 'react';
import { App, Button, Card, Input, Select, Space, Tag, Typography } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import { menuItemStatuses, menuPaths, setMenuItemStatus, type MenuItem, type MenuItemStatus } from '../../api/menu';
import { CursorTable } from '../ui/CursorTable';
import { formatDateTime } from '../ui/format';
import { PageState } from '../ui/PageState';
import { UnitPicker } from '../ui/UnitPicker';
import { useCursorList } from '../ui/use-cursor-pages';
import { useUrlFilters } from '../ui/use-url-filters';
import { MenuItemDrawer } from './MenuItemDrawer';
import { MENU_KEY, menuStatusColor, useCategoryLabels } from './menu-ui';

export function MenuPage() {
  return (
    <Routes>
      <Route index element={<MenuList />} />
      <Route path="*" element={<PageState notFound />} />
    </Routes>
  );
}

const FILTERS = ['q', 'unit', 'status', 'category'] as const;

function MenuList() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const qc = useQueryClient();
  const categories = useCategoryLabels();
  const [filters, setFilter] = useUrlFilters(FILTERS);
  const { pages, list } = useCursorList([...MENU_KEY, 'list'], filters, (query, signal) => api<Page<MenuItem>>(menuPaths.list, { query, signal }));
  const [editing, setEditing] = useState<MenuItem | 'new' | null>(null);

  const change = useMutation({
    mutationFn: ({ item, action }: { item: MenuItem; action: 'publish' | 'withdraw' }) => setMenuItemStatus(item.id, action),
    onSuccess: (_, { action }) => {
      void message.success(t(action === 'publish' ? 'serviceMenu.publishedMsg' : 'serviceMenu.withdrawnMsg'));
      void qc.invalidateQueries({ queryKey: MENU_KEY });
    },
    onError: (err) => void message.error(err.message),
  });
  const confirm = (item: MenuItem, action: 'publish' | 'withdraw') =>
    modal.confirm({
      title: t(`serviceMenu.${action}Title`, { title: item.title }),
      content: t(`serviceMenu.${action}Body`),
      okText: t(`serviceMenu.${action}`),
      okButtonProps: { danger: action === 'withdraw' },
      cancelText: t('common.cancel'),
      onOk: () => change.mutateAsync({ item, action }),
    });

  return (
    <Card
      title={t('menu.menu')}
      size="small"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('serviceMenu.create')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('serviceMenu.intro')}
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }} role="search">
        <Input.Search
          key={`q-${filters.q}`}
          defaultValue={filters.q}
          placeholder={t('serviceMenu.searchPlaceholder')}
          aria-label={t('serviceMenu.searchPlaceholder')}
          allowClear
          onSearch={(v) => setFilter('q', v.trim())}
          style={{ width: 220 }}
        />
        <UnitPicker value={filters.unit || undefined} onChange={(v) => setFilter('unit', v)} allowClear placeholder={t('serviceMenu.filterUnit')} aria-label={t('serviceMenu.filterUnit')} />
        <Select
          value={filters.category || undefined}
          onChange={(v) => setFilter('category', v)}
          allowClear
          placeholder={t('serviceMenu.fields.category')}
          aria-label={t('serviceMenu.fields.category')}
          style={{ width: 150 }}
          popupMatchSelectWidth={false}
          options={categories.options}
        />
        <Select
          value={filters.status || undefined}
          onChange={(v) => setFilter('status', v)}
          allowClear
          placeholder={t('serviceMenu.fields.status')}
          aria-label={t('serviceMenu.fields.status')}
          style={{ width: 110 }}
          options={menuItemStatuses.map((s) => ({ value: s, label: t(`serviceMenu.status.${s}`) }))}
        />
      </Space>
      <CursorTable<MenuItem>
        list={list}
        pages={pages}
        emptyText={t('serviceMenu.noneFound')}
        scroll={{ x: 1200 }}
        columns={[
          {
            title: t('serviceMenu.fields.title'),
            dataIndex: 'title',
            width: 220,
            render: (title: string, item) => (
              <Space size={4} wrap>
                <span>{title}</span>
                {item.homeVisit && <Tag color="blue">{t('serviceMenu.homeVisitTag')}</Tag>}
              </Space>
            ),
          },
          { title: t('serviceMenu.fields.category'), dataIndex: 'category', width: 110, render: (k: string) => categories.label(k) },
          { title: t('serviceMenu.fields.unit'), dataIndex: 'unitName', width: 170, ellipsis: true },
          { title: t('serviceMenu.fields.team'), dataIndex: 'teamName', width: 150, ellipsis: true, render: (n: string | null) => n ?? '—' },
          {
            title: t('serviceMenu.fields.sites'),
            dataIndex: 'sites',
            width: 200,
            render: (sites: MenuItem['sites']) => (sites.length ? sites.map((s) => <Tag key={s.id}>{s.name}</Tag>) : <Typography.Text type="secondary">{t('serviceMenu.allSites')}</Typography.Text>),
          },
          { title: t('serviceMenu.fields.availability'), dataIndex: 'availability', width: 160, ellipsis: true, render: (s: string) => s || '—' },
          {
            title: t('serviceMenu.fields.weeklyQuota'),
            dataIndex: 'weeklyQuota',
            width: 100,
            render: (n: number | null) => (n == null ? t('serviceMenu.noQuota') : t('serviceMenu.quotaPerWeek', { n })),
          },
          { title: t('serviceMenu.fields.status'), dataIndex: 'status', width: 80, render: (s: MenuItemStatus) => <Tag color={menuStatusColor[s]}>{t(`serviceMenu.status.${s}`)}</Tag> },
          { title: t('serviceMenu.fields.updatedAt'), dataIndex: 'updatedAt', width: 140, render: (iso: string) => formatDateTime(iso) },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 150,
            fixed: 'right',
            render: (_, item) => (
              <Space size={0}>
                <Button size="small" type="link" icon={<EditOutlined />} onClick={() => setEditing(item)} aria-label={`${t('common.edit')} ${item.title}`}>
                  {t('common.edit')}
                </Button>
                {item.status === 'published' ? (
                  <Button size="small" type="link" danger onClick={() => confirm(item, 'withdraw')} aria-label={`${t('serviceMenu.withdraw')} ${item.title}`}>
                    {t('serviceMenu.withdraw')}
                  </Button>
                ) : (
                  <Button size="small" type="link" onClick={() => confirm(item, 'publish')} aria-label={`${t('serviceMenu.publish')} ${item.title}`}>
                    {t('serviceMenu.publish')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <MenuItemDrawer open={editing !== null} item={editing && editing !== 'new' ? editing : undefined} defaultUnitId={filters.unit || undefined} onClose={() => setEditing(null)} />
    </Card>
  );
}
