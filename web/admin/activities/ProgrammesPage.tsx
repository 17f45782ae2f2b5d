// 项目清单: the programme lists of the units in scope, and the published items of the units above (marked 上级清单)
// that a lower unit may adopt as its own. Create / edit, publish / withdraw (after a confirmation), adopt.
import { useState } from 'react';
import { App, Button, Card, Input, Modal, Select, Space, Tag, Typography } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import { activityPaths, adoptProgramme, publishProgramme, type Programme, type ProgrammeStatus } from '../../api/activities';
import { useSignedIn } from '../auth/use-me';
import { useNetworkTree } from '../network/use-network';
import { CursorTable } from '../ui/CursorTable';
import { PageState } from '../ui/PageState';
import { UnitPicker } from '../ui/UnitPicker';
import { useCursorList } from '../ui/use-cursor-pages';
import { useUrlFilters } from '../ui/use-url-filters';
import { ProgrammeFormModal } from './ProgrammeFormModal';
import { canManageUnit, PROGRAMMES_KEY, programmeStatusColor, useActivityLabels } from './activity-ui';

export function ProgrammesPage() {
  return (
    <Routes>
      <Route index element={<ProgrammeList />} />
      <Route path="*" element={<PageState notFound />} />
    </Routes>
  );
}

const FILTERS = ['q', 'unit', 'topic', 'platform', 'status'] as const;
const STATUSES: ProgrammeStatus[] = ['draft', 'published', 'withdrawn'];

function ProgrammeList() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const qc = useQueryClient();
  const me = useSignedIn();
  const labels = useActivityLabels();
  const [filters, setFilter] = useUrlFilters(FILTERS);
  const { pages, list } = useCursorList([...PROGRAMMES_KEY, 'list'], filters, (query, signal) => api<Page<Programme>>(activityPaths.programmes, { query, signal }));
  const [editing, setEditing] = useState<Programme | 'new' | null>(null);
  const [adopting, setAdopting] = useState<Programme | null>(null);

  const publish = useMutation({
    mutationFn: ({ p, action }: { p: Programme; action: 'publish' | 'withdraw' }) => publishProgramme(p.id, action),
    onSuccess: (_, { action }) => {
      void message.success(t(action === 'publish' ? 'activities.programmes.publishedMsg' : 'activities.programmes.withdrawnMsg'));
      void qc.invalidateQueries({ queryKey: PROGRAMMES_KEY });
    },
    onError: (err) => void message.error(err.message),
  });
  const confirm = (p: Programme, action: 'publish' | 'withdraw') =>
    modal.confirm({
      title: t(`activities.programmes.${action}Title`, { title: p.title }),
      content: t(`activities.programmes.${action}Body`),
      okText: t(`activities.programmes.${action}`),
      okButtonProps: { danger: action === 'withdraw' },
      cancelText: t('common.cancel'),
      onOk: () => publish.mutateAsync({ p, action }),
    });

  return (
    <Card
      title={t('menu.programmes')}
      size="small"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('activities.programmes.create')}
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 12 }} role="search">
        <Input.Search
          key={`q-${filters.q}`}
          defaultValue={filters.q}
          placeholder={t('activities.programmes.searchPlaceholder')}
          aria-label={t('activities.programmes.searchPlaceholder')}
          allowClear
          onSearch={(v) => setFilter('q', v.trim())}
          style={{ width: 200 }}
        />
        <UnitPicker value={filters.unit || undefined} onChange={(v) => setFilter('unit', v)} allowClear placeholder={t('activities.filterUnit')} aria-label={t('activities.filterUnit')} />
        <Select
          value={filters.topic || undefined}
          onChange={(v) => setFilter('topic', v)}
          allowClear
          placeholder={t('activities.fields.topic')}
          aria-label={t('activities.fields.topic')}
          style={{ width: 170 }}
          popupMatchSelectWidth={false}
          options={labels.topics}
        />
        <Select
          value={filters.platform || undefined}
          onChange={(v) => setFilter('platform', v)}
          allowClear
          placeholder={t('activities.fields.platform')}
          aria-label={t('activities.fields.platform')}
          style={{ width: 150 }}
          options={labels.platforms}
        />
        <Select
          value={filters.status || undefined}
          onChange={(v) => setFilter('status', v)}
          allowClear
          placeholder={t('activities.fields.status')}
          aria-label={t('activities.fields.status')}
          style={{ width: 110 }}
          options={STATUSES.map((s) => ({ value: s, label: t(`activities.programmes.status.${s}`) }))}
        />
      </Space>
      <CursorTable<Programme>
        list={list}
        pages={pages}
        emptyText={t('activities.programmes.noneFound')}
        scroll={{ x: 1100 }}
        columns={[
          {
            title: t('activities.programmes.fields.title'),
            dataIndex: 'title',
            width: 280,
            render: (title: string, p) => (
              <Space size={4} wrap>
                <span>{title}</span>
                {p.inherited && <Tag color="gold">{t('activities.programmes.inherited')}</Tag>}
                {p.adoptedFrom && <Tag>{t('activities.programmes.adopted')}</Tag>}
              </Space>
            ),
          },
          { title: t('activities.fields.topic'), dataIndex: 'topic', width: 150, ellipsis: true, render: (k: string) => labels.topic(k) },
          { title: t('activities.fields.platform'), dataIndex: 'platform', width: 120, render: (k: string | null) => labels.platform(k) || '—' },
          { title: t('activities.fields.brands'), dataIndex: 'brands', width: 170, render: (bs: string[]) => bs.map((b) => <Tag key={b}>{b}</Tag>) },
          { title: t('activities.fields.unit'), key: 'unit', width: 180, ellipsis: true, render: (_, p) => p.unit.name },
          { title: t('activities.programmes.fields.activities'), dataIndex: 'activityCount', width: 70, align: 'right' },
          { title: t('activities.fields.status'), dataIndex: 'status', width: 80, render: (s: ProgrammeStatus) => <Tag color={programmeStatusColor[s]}>{t(`activities.programmes.status.${s}`)}</Tag> },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 170,
            fixed: 'right',
            render: (_, p) => {
              if (p.inherited)
                return (
                  <Button size="small" type="link" onClick={() => setAdopting(p)} aria-label={`${t('activities.programmes.adopt')} ${p.title}`}>
                    {t('activities.programmes.adopt')}
                  </Button>
                );
              if (!canManageUnit(me, p.unit.code)) return null;
              return (
                <Space size={0}>
                  <Button size="small" type="link" icon={<EditOutlined />} onClick={() => setEditing(p)} aria-label={`${t('common.edit')} ${p.title}`}>
                    {t('common.edit')}
                  </Button>
                  {p.status === 'published' ? (
                    <Button size="small" type="link" danger onClick={() => confirm(p, 'withdraw')} aria-label={`${t('activities.programmes.withdraw')} ${p.title}`}>
                      {t('activities.programmes.withdraw')}
                    </Button>
                  ) : (
                    <Button size="small" type="link" onClick={() => confirm(p, 'publish')} aria-label={`${t('activities.programmes.publish')} ${p.title}`}>
                      {t('activities.programmes.publish')}
                    </Button>
                  )}
                </Space>
              );
            },
          },
        ]}
      />
      <ProgrammeFormModal open={editing !== null} programme={editing && editing !== 'new' ? editing : undefined} defaultUnitId={filters.unit || undefined} onClose={() => setEditing(null)} />
      <AdoptModal programme={adopting} onClose={() => setAdopting(null)} />
    </Card>
  );
}

/** Adopting copies an item of a unit above into one of my units (strictly below the item's unit), published. */
function AdoptModal({ programme, onClose }: { programme: Programme | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { units } = useNetworkTree();
  const [unitId, setUnitId] = useState<string | undefined>();
  const disabled = new Set(units.filter((u) => !programme || !u.code.startsWith(programme.unit.code) || u.code === programme.unit.code).map((u) => u.id));
  const adopt = useMutation({
    mutationFn: () => adoptProgramme(programme!.id, unitId!),
    onSuccess: () => {
      void message.success(t('activities.programmes.adoptedMsg'));
      void qc.invalidateQueries({ queryKey: PROGRAMMES_KEY });
      setUnitId(undefined);
      onClose();
    },
    onError: (err) => void message.error(err.message),
  });
  return (
    <Modal
      open={!!programme}
      title={t('activities.programmes.adoptTitle', { title: programme?.title ?? '' })}
      okText={t('activities.programmes.adopt')}
      okButtonProps={{ disabled: !unitId }}
      cancelText={t('common.cancel')}
      confirmLoading={adopt.isPending}
      onOk={() => adopt.mutate()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('activities.programmes.adoptHint', { unit: programme?.unit.name ?? '' })}</Typography.Paragraph>
      <UnitPicker value={unitId} onChange={setUnitId} disabledIds={disabled} aria-label={t('activities.programmes.adoptUnit')} placeholder={t('activities.programmes.adoptUnit')} style={{ width: '100%' }} />
    </Modal>
  );
}
