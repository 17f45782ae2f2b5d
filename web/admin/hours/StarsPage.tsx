// 星级志愿者: volunteers who reached a star level wait for their home unit to confirm it (one by one or several at
// once, after a confirmation); the confirmed ones are listed too. The district sets the five thresholds.
import { useEffect, useState } from 'react';
import { App, Button, Card, Rate, Space, Tabs, Typography } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { confirmStarAward, confirmStarAwards, getStarLevels, listStarAwards, type StarAward } from '../../api/records';
import { useSignedIn } from '../auth/use-me';
import { CursorTable } from '../ui/CursorTable';
import { formatDateTime } from '../ui/format';
import { PageState, errorText } from '../ui/PageState';
import { UnitPicker } from '../ui/UnitPicker';
import { useCursorList } from '../ui/use-cursor-pages';
import { useUrlFilters } from '../ui/use-url-filters';
import { mayDo } from '../volunteers/volunteer-ui';
import { StarLevelsCard } from './StarLevelsCard';
import { STARS_KEY } from './hours-ui';

export function StarsPage() {
  return (
    <Routes>
      <Route index element={<StarsHome />} />
      <Route path="*" element={<PageState notFound />} />
    </Routes>
  );
}

function StarsHome() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const [filters, setFilter] = useUrlFilters(['tab', 'unit'] as const);
  const tab = filters.tab === 'confirmed' ? 'confirmed' : 'pending';
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card title={t('menu.stars')} size="small" extra={<LevelsLine />}>
        <Tabs
          activeKey={tab}
          onChange={(k) => setFilter('tab', k === 'confirmed' ? k : undefined)}
          items={[
            { key: 'pending', label: t('records.stars.tabs.pending'), children: tab === 'pending' && <AwardList status="pending" unit={filters.unit} setUnit={(v) => setFilter('unit', v)} /> },
            { key: 'confirmed', label: t('records.stars.tabs.confirmed'), children: tab === 'confirmed' && <AwardList status="confirmed" unit={filters.unit} setUnit={(v) => setFilter('unit', v)} /> },
          ]}
        />
      </Card>
      {mayDo(me, 'star.configure') && <StarLevelsCard />}
    </Space>
  );
}

/** The thresholds in force, for everyone (only the district changes them). */
function LevelsLine() {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: [...STARS_KEY, 'levels'], queryFn: ({ signal }) => getStarLevels(signal) });
  if (!q.data) return null;
  return (
    <Typography.Text type="secondary">
      {t('records.stars.thresholds')}
      {q.data.levels.map((l) => t('records.stars.levelAt', { level: l.level, hours: l.minHours })).join(t('records.stars.separator'))}
    </Typography.Text>
  );
}

function AwardList({ status, unit, setUnit }: { status: 'pending' | 'confirmed'; unit: string; setUnit: (v: string | undefined) => void }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const qc = useQueryClient();
  const me = useSignedIn();
  const manage = mayDo(me, 'star.manage');
  const pending = status === 'pending';
  const { pages, list, filtersKey } = useCursorList([...STARS_KEY, 'awards'], { status, unit: unit || undefined }, (q, signal) => listStarAwards(q, signal));
  const [selected, setSelected] = useState<string[]>([]);
  useEffect(() => setSelected([]), [filtersKey, pages.cursor]);
  const done = (n: number) => {
    void message.success(t('records.stars.confirmed', { n }));
    setSelected([]);
    void qc.invalidateQueries({ queryKey: STARS_KEY });
  };
  const failed = (err: unknown) => modal.error({ title: t('records.stars.confirmFailed'), content: errorText(err, t) });
  const one = useMutation({ mutationFn: (a: StarAward) => confirmStarAward(a.id), onSuccess: () => done(1), onError: failed });
  const many = useMutation({ mutationFn: (ids: string[]) => confirmStarAwards(ids), onSuccess: (r) => done(r.confirmed), onError: failed });
  const label = (a: StarAward) => t('records.stars.awardLabel', { name: a.volunteerName, level: a.level });

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <UnitPicker value={unit || undefined} onChange={setUnit} allowClear placeholder={t('records.stars.filterUnit')} aria-label={t('records.stars.filterUnit')} />
        {pending && manage && (
          <Button
            type="primary"
            ghost
            icon={<CheckOutlined />}
            disabled={!selected.length}
            loading={many.isPending}
            onClick={() =>
              modal.confirm({
                title: t('records.stars.bulkTitle', { n: selected.length }),
                content: t('records.stars.bulkBody'),
                okText: t('records.stars.confirm'),
                cancelText: t('common.cancel'),
                onOk: () => many.mutateAsync(selected).catch(() => undefined),
              })
            }
          >
            {t('records.stars.bulkConfirm')}
            {selected.length ? ` (${selected.length})` : ''}
          </Button>
        )}
      </Space>
      <CursorTable<StarAward>
        list={list}
        pages={pages}
        emptyText={pending ? t('records.stars.nonePending') : t('records.stars.noneConfirmed')}
        scroll={{ x: 900 }}
        rowSelection={
          pending && manage
            ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]), getCheckboxProps: (a) => ({ 'aria-label': `${t('records.hours.select')} ${label(a)}` }) }
            : undefined
        }
        columns={[
          { title: t('records.stars.fields.volunteer'), key: 'v', render: (_, a) => `${a.volunteerName}（${a.volunteerNumber}）` },
          { title: t('records.stars.fields.homeUnit'), dataIndex: 'homeUnitName', ellipsis: true },
          {
            title: t('records.stars.fields.level'),
            dataIndex: 'level',
            width: 170,
            render: (n: number) => (
              <span aria-label={t('records.stars.levelName', { n })}>
                <Rate disabled count={5} value={n} style={{ fontSize: 14 }} /> {t('records.stars.levelName', { n })}
              </span>
            ),
          },
          { title: t('records.stars.fields.hoursAt'), dataIndex: 'hoursAt', width: 120, align: 'right', render: (h: number) => t('records.hoursValue', { hours: Number(h).toFixed(1) }) },
          { title: t('records.stars.fields.reachedAt'), dataIndex: 'reachedAt', width: 150, render: (v: string) => formatDateTime(v) },
          ...(pending
            ? manage
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    width: 100,
                    render: (_: unknown, a: StarAward) => (
                      <Button size="small" type="link" loading={one.isPending && one.variables?.id === a.id} onClick={() => one.mutate(a)} aria-label={`${t('records.stars.confirm')} ${label(a)}`}>
                        {t('records.stars.confirm')}
                      </Button>
                    ),
                  },
                ]
              : []
            : [{ title: t('records.stars.fields.confirmedAt'), dataIndex: 'confirmedAt', width: 150, render: (v: string | null) => formatDateTime(v) }]),
        ]}
      />
    </>
  );
}
