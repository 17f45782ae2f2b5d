// 查重合并: groups of volunteer records in scope that may be one person (same mobile, or same name and birth
// date). Staff choose the record to keep in each group and merge the others into it, after a confirm that says
// which record is kept.
import { useState } from 'react';
import { App, Button, Card, Empty, Radio, Space, Table, Tag, Typography } from 'antd';
import { MergeCellsOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import { mergeVolunteers, type DuplicateGroup, type DuplicateMember } from '../../api/roster';
import { CursorPager } from '../ui/CursorPager';
import { PageState } from '../ui/PageState';
import { formatDateTime } from '../ui/format';
import { useCursorPages } from '../ui/use-cursor-pages';

const KEY = ['duplicates'];
const unitOf = (m: DuplicateMember) => m.homeUnit?.name ?? '';

function GroupCard({ group, onMerge, merging }: { group: DuplicateGroup; onMerge: (keep: DuplicateMember, merge: DuplicateMember) => void; merging: boolean }) {
  const { t } = useTranslation();
  const [keepId, setKeepId] = useState(group.members[0]?.id);
  const keep = group.members.find((m) => m.id === keepId) ?? group.members[0];
  return (
    <Card
      size="small"
      data-testid="duplicate-group"
      title={
        <Space>
          <Tag color={group.reason === 'phone' ? 'orange' : 'purple'}>{t(`roster.reason.${group.reason}`)}</Tag>
          <span>{group.key}</span>
        </Space>
      }
    >
      <Table<DuplicateMember>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={group.members}
        scroll={{ x: 1500 }}
        columns={[
          {
            title: t('roster.keepThis'),
            key: 'keep',
            width: 70,
            render: (_, m) => <Radio checked={m.id === keep?.id} onChange={() => setKeepId(m.id)} aria-label={`${t('roster.keepThis')} ${m.number}`} />,
          },
          { title: t('roster.member.number'), dataIndex: 'number', width: 120 },
          { title: t('roster.member.name'), dataIndex: 'name', width: 100 },
          { title: t('roster.member.phone'), dataIndex: 'phoneMasked', width: 120 },
          { title: t('roster.member.id'), dataIndex: 'idMasked', width: 180 },
          { title: t('roster.member.birth'), dataIndex: 'birthDate', width: 110, render: (d: string | null) => d ?? '' },
          { title: t('roster.member.unit'), key: 'unit', width: 220, ellipsis: true, render: (_, m) => unitOf(m) },
          { title: t('roster.member.status'), dataIndex: 'status', width: 80, render: (s: string) => t(`roster.volunteerStatus.${s}`, { defaultValue: s }) },
          { title: t('roster.member.teams'), dataIndex: 'teams', width: 70 },
          { title: t('roster.member.source'), dataIndex: 'source', width: 100, render: (s: string) => t(`roster.source.${s}`, { defaultValue: s }) },
          { title: t('roster.member.createdAt'), dataIndex: 'createdAt', width: 150, render: (d: string) => formatDateTime(d) },
          {
            title: t('common.actions'),
            key: 'merge',
            width: 170,
            render: (_, m) =>
              m.id === keep?.id ? (
                <Tag color="green">{t('roster.keepThis')}</Tag>
              ) : (
                <Button size="small" icon={<MergeCellsOutlined />} loading={merging} onClick={() => keep && onMerge(keep, m)}>
                  {t('roster.mergeInto')}
                </Button>
              ),
          },
        ]}
      />
    </Card>
  );
}

export function DuplicatesPage() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const qc = useQueryClient();
  const pages = useCursorPages('duplicates', 10);
  const list = useQuery({
    queryKey: [...KEY, pages.cursor, pages.pageSize],
    queryFn: () => api<Page<DuplicateGroup>>('/api/duplicates', { query: { cursor: pages.cursor, limit: pages.pageSize } }),
    placeholderData: keepPreviousData,
  });
  const merge = useMutation({
    mutationFn: (v: { keep: DuplicateMember; merge: DuplicateMember }) => mergeVolunteers(v.keep.id, v.merge.id),
    onSuccess: (r) => {
      void message.success(t('roster.merged', { number: r.kept.number, memberships: r.moved.memberships }));
      void qc.invalidateQueries({ queryKey: KEY });
      void qc.invalidateQueries({ queryKey: ['volunteers'] });
    },
    onError: (err) => void message.error(err.message),
  });
  const confirmMerge = (keep: DuplicateMember, other: DuplicateMember) =>
    modal.confirm({
      title: t('roster.mergeConfirmTitle'),
      content: t('roster.mergeConfirmBody', {
        keepNumber: keep.number,
        keepName: keep.name,
        keepUnit: unitOf(keep),
        mergeNumber: other.number,
        mergeName: other.name,
        mergeUnit: unitOf(other),
      }),
      okText: t('roster.mergeOk'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => merge.mutateAsync({ keep, merge: other }),
    });

  return (
    <Card size="small" title={t('roster.dupTitle')}>
      <Typography.Paragraph type="secondary">{t('roster.dupIntro')}</Typography.Paragraph>
      {list.isPending ? (
        <PageState loading />
      ) : list.isError ? (
        <PageState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <Empty description={t('roster.noDuplicates')} />
      ) : (
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          {list.data.items.map((g) => (
            <GroupCard key={`${g.reason}:${g.members.map((m) => m.id).join(',')}`} group={g} onMerge={confirmMerge} merging={merge.isPending} />
          ))}
        </Space>
      )}
      {list.data && <CursorPager pages={pages} total={undefined} nextCursor={list.data.nextCursor} />}
    </Card>
  );
}
