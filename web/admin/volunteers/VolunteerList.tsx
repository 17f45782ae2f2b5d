// The volunteer list: status tabs (待审核 first for reviewers), search, filters (skill, unit, age), keyset pages,
// export of the filtered list, registering someone on their behalf, and the skill tag list. Filters live in the
// URL so a filtered list can be linked to.
import { useEffect, useState } from 'react';
import { Button, Card, Input, Select, Space, Tabs, Tag, Typography } from 'antd';
import { DownloadOutlined, TagsOutlined, UserAddOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { withQuery } from '../../api/client';
import { listSkillTags, listVolunteers, type VolunteerRow, type VolunteerStatus } from '../../api/volunteers';
import { CursorTable } from '../ui/CursorTable';
import { formatDateTime } from '../ui/format';
import { UnitPicker } from '../ui/UnitPicker';
import { useCursorList } from '../ui/use-cursor-pages';
import { useUrlFilters } from '../ui/use-url-filters';
import { useSignedIn } from '../auth/use-me';
import { StaffEntryDrawer } from './StaffEntryDrawer';
import { SkillTagsModal } from './SkillTagsModal';
import { mayDo, statusColor, volunteerStatuses, VOLUNTEERS_KEY } from './volunteer-ui';

const filterKeys = ['q', 'status', 'skill', 'unit', 'minor'] as const;

export function VolunteerList() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const navigate = useNavigate();
  const [filters, setFilter] = useUrlFilters(filterKeys);
  const [entryOpen, setEntryOpen] = useState(false);
  const [tagsOpen, setTagsOpen] = useState(false);
  const tags = useQuery({ queryKey: ['skill-tags'], queryFn: listSkillTags, staleTime: 60_000 });

  const { pages, list, filtersKey } = useCursorList([...VOLUNTEERS_KEY, 'list'], filters, (query, signal) => listVolunteers(query, signal));
  // The server counts only on the first page (up to a cap); later pages keep showing that count.
  const [total, setTotal] = useState<{ key: string; total: number; capped: boolean } | null>(null);
  useEffect(() => {
    if (list.data?.total !== undefined && !pages.cursor) setTotal({ key: filtersKey, total: list.data.total, capped: Boolean(list.data.totalCapped) });
  }, [list.data, pages.cursor, filtersKey]);
  const shownTotal = total?.key === filtersKey ? total : null;

  const canManage = mayDo(me, 'volunteer.manage');
  const exportHref = withQuery('/api/volunteers/export.xlsx', { q: filters.q, status: filters.status, skill: filters.skill, unit: filters.unit, minor: filters.minor });

  return (
    <Card
      title={t('volunteers.title')}
      size="small"
      extra={
        <Space>
          <Button icon={<TagsOutlined />} onClick={() => setTagsOpen(true)}>
            {t('volunteers.skillTags')}
          </Button>
          <Button icon={<DownloadOutlined />} href={exportHref} target="_blank" rel="noopener">
            {t('volunteers.export')}
          </Button>
          {canManage && (
            <Button type="primary" icon={<UserAddOutlined />} onClick={() => setEntryOpen(true)}>
              {t('volunteers.register')}
            </Button>
          )}
        </Space>
      }
    >
      <Tabs
        size="small"
        activeKey={filters.status || 'all'}
        onChange={(k) => setFilter('status', k === 'all' ? undefined : k)}
        items={[{ key: 'all', label: t('volunteers.tabs.all') }, ...volunteerStatuses.map((s) => ({ key: s, label: t(`volunteers.tabs.${s}`) }))]}
      />
      <Space wrap style={{ marginBottom: 12 }} role="search">
        <Input.Search
          key={`q-${filters.q}`}
          defaultValue={filters.q}
          placeholder={t('volunteers.searchPlaceholder')}
          aria-label={t('volunteers.searchPlaceholder')}
          allowClear
          onSearch={(v) => setFilter('q', v.trim())}
          style={{ width: 300 }}
        />
        <Select
          value={filters.skill || undefined}
          onChange={(v) => setFilter('skill', v)}
          allowClear
          showSearch
          placeholder={t('volunteers.filterSkill')}
          aria-label={t('volunteers.filterSkill')}
          style={{ width: 150 }}
          options={(tags.data?.items ?? []).map((s) => ({ value: s.name, label: s.name }))}
        />
        <UnitPicker value={filters.unit || undefined} onChange={(v) => setFilter('unit', v)} allowClear placeholder={t('volunteers.filterUnit')} aria-label={t('volunteers.filterUnit')} />
        <Select
          value={filters.minor || undefined}
          onChange={(v) => setFilter('minor', v)}
          allowClear
          placeholder={t('volunteers.filterMinor')}
          aria-label={t('volunteers.filterMinor')}
          style={{ width: 130 }}
          options={[
            { value: 'true', label: t('volunteers.minorOnly') },
            { value: 'false', label: t('volunteers.adultsOnly') },
          ]}
        />
      </Space>
      <CursorTable<VolunteerRow>
        list={list}
        pages={pages}
        total={shownTotal && !shownTotal.capped ? shownTotal.total : null}
        emptyText={t('volunteers.noneFound')}
        scroll={{ x: 1100 }}
        onRow={(v) => ({ onDoubleClick: () => navigate(v.id) })}
        columns={[
          { title: t('volunteers.fields.number'), dataIndex: 'number', width: 120 },
          {
            title: t('volunteers.fields.name'),
            dataIndex: 'name',
            width: 150,
            render: (n: string, v) => (
              <Space size={4}>
                <Link to={v.id}>{n}</Link>
                {v.minor && <Tag color="magenta">{t('volunteers.minor')}</Tag>}
              </Space>
            ),
          },
          { title: t('volunteers.fields.gender'), dataIndex: 'gender', width: 60, render: (g: string | null) => (g ? t(`volunteers.gender.${g}`) : '') },
          { title: t('volunteers.fields.age'), dataIndex: 'age', width: 60 },
          { title: t('volunteers.fields.phone'), dataIndex: 'phoneMasked', width: 120 },
          { title: t('volunteers.fields.idNumber'), dataIndex: 'idMasked', width: 170 },
          { title: t('volunteers.fields.skills'), dataIndex: 'skills', ellipsis: true, render: (s: string[]) => s.map((x) => <Tag key={x}>{x}</Tag>) },
          { title: t('volunteers.fields.homeUnit'), dataIndex: ['homeUnit', 'name'], width: 180, ellipsis: { showTitle: true } },
          {
            title: t('volunteers.fields.status'),
            dataIndex: 'status',
            width: 80,
            render: (s: VolunteerStatus) => <Tag color={statusColor[s]}>{t(`volunteers.status.${s}`)}</Tag>,
          },
          { title: t('volunteers.fields.createdAt'), dataIndex: 'createdAt', width: 140, render: (v: string) => formatDateTime(v) },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 80,
            fixed: 'right',
            render: (_, v) => (
              <Link to={v.id} aria-label={`${t('volunteers.view')} ${v.name}`}>
                {t('volunteers.view')}
              </Link>
            ),
          },
        ]}
        note={
          shownTotal?.capped && (
            <Typography.Text type="secondary" style={{ display: 'block', textAlign: 'right', marginTop: 8 }}>
              {t('volunteers.totalCapped', { total: shownTotal.total })}
            </Typography.Text>
          )
        }
      />
      <StaffEntryDrawer open={entryOpen} onClose={() => setEntryOpen(false)} onCreated={(v) => navigate(v.id)} skills={tags.data?.items ?? []} />
      <SkillTagsModal open={tagsOpen} onClose={() => setTagsOpen(false)} />
    </Card>
  );
}
