// The ordered stops of a belt: add a site, move stops up and down, remove, then save the whole order at once.
import { useEffect, useState } from 'react';
import { App, Button, Empty, List, Select, Space, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Belt, Page, Site } from '../../api/types';

type Stop = { siteId: string; siteName: string; unitName: string };

function useSiteSearch(q: string) {
  return useQuery({
    queryKey: ['sites', { q, limit: 20, purpose: 'belt-stop' }],
    queryFn: () => api<Page<Site>>('/api/sites', { query: { q, limit: 20 } }),
    enabled: q.trim().length > 0,
  });
}

export function BeltStopsEditor({ belt }: { belt: Belt }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const initial = () => [...belt.stops].sort((a, b) => a.position - b.position).map(({ siteId, siteName, unitName }) => ({ siteId, siteName, unitName }));
  const [stops, setStops] = useState<Stop[]>(initial);
  const [q, setQ] = useState('');
  const search = useSiteSearch(q);
  useEffect(() => setStops(initial()), [belt]); // eslint-disable-line react-hooks/exhaustive-deps
  const dirty = JSON.stringify(stops.map((s) => s.siteId)) !== JSON.stringify(initial().map((s) => s.siteId));

  const save = useMutation({
    mutationFn: () => api<Belt>(`/api/belts/${belt.id}/stops`, { method: 'PUT', body: { siteIds: stops.map((s) => s.siteId) } }),
    onSuccess: () => {
      void message.success(t('belt.stopsSaved'));
      void qc.invalidateQueries({ queryKey: ['belts'] });
    },
    onError: (err) => void message.error(err.message),
  });

  const move = (i: number, d: -1 | 1) =>
    setStops((s) => {
      const next = [...s];
      [next[i], next[i + d]] = [next[i + d], next[i]];
      return next;
    });

  return (
    <div>
      <Space style={{ marginBottom: 12 }} wrap>
        <Select
          showSearch={{ filterOption: false, onSearch: setQ }}
          value={null}
          placeholder={t('belt.addStop')}
          aria-label={t('belt.addStop')}
          style={{ width: 320 }}
          loading={search.isFetching}
          notFoundContent={q ? t('site.noneFound') : t('belt.typeToSearch')}
          options={(search.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.name} · ${s.unitName}`, disabled: stops.some((x) => x.siteId === s.id) }))}
          onChange={(id: string) => {
            const s = search.data?.items.find((x) => x.id === id);
            if (s) setStops((cur) => [...cur, { siteId: s.id, siteName: s.name, unitName: s.unitName }]);
          }}
        />
        <Button type="primary" disabled={!dirty} loading={save.isPending} onClick={() => save.mutate()}>
          {t('belt.saveStops')}
        </Button>
        <Button disabled={!dirty} onClick={() => setStops(initial())}>
          {t('common.reset')}
        </Button>
        {dirty && <Typography.Text type="warning">{t('belt.unsaved')}</Typography.Text>}
      </Space>
      {stops.length === 0 ? (
        <Empty description={t('belt.noStops')} />
      ) : (
        <List
          bordered
          size="small"
          dataSource={stops}
          renderItem={(s, i) => (
            <List.Item
              actions={[
                <Button key="up" size="small" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('belt.moveUp', { name: s.siteName })} />,
                <Button key="down" size="small" icon={<ArrowDownOutlined />} disabled={i === stops.length - 1} onClick={() => move(i, 1)} aria-label={t('belt.moveDown', { name: s.siteName })} />,
                <Button key="rm" size="small" danger icon={<DeleteOutlined />} onClick={() => setStops((cur) => cur.filter((_, j) => j !== i))} aria-label={t('belt.removeStop', { name: s.siteName })} />,
              ]}
            >
              <Space>
                <Typography.Text strong style={{ width: 28, display: 'inline-block' }}>
                  {i + 1}.
                </Typography.Text>
                <span>{s.siteName}</span>
                <Typography.Text type="secondary">{s.unitName}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </div>
  );
}
