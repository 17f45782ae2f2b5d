// 志愿服务队: the teams in scope (staff) or the teams one leads (team leaders signed in to the console), with
// search, filters in the URL, paging, create / edit, export; /teams/:id is a team's own page.
import { useState } from 'react';
import { Alert, Button, Card, Input, Select, Space, Tag, Typography } from 'antd';
import { DownloadOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes } from 'react-router';
import { api, withQuery } from '../../api/client';
import type { Page } from '../../api/types';
import { teamPaths, type Team } from '../../api/teams';
import { useSignedIn } from '../auth/use-me';
import { CursorTable } from '../ui/CursorTable';
import { PageState } from '../ui/PageState';
import { UnitPicker } from '../ui/UnitPicker';
import { useCursorList } from '../ui/use-cursor-pages';
import { useUrlFilters } from '../ui/use-url-filters';
import { TeamFormModal } from './TeamFormModal';
import { TeamDetailPage } from './TeamDetailPage';
import { federationColor, TEAMS_KEY, useTeamLabels } from './team-labels';

export function TeamsPage() {
  return (
    <Routes>
      <Route index element={<TeamList />} />
      <Route path=":id" element={<TeamDetailPage />} />
      <Route path="*" element={<PageState notFound />} />
    </Routes>
  );
}

const FILTERS = ['q', 'unitId', 'specialty', 'kind', 'status', 'federationStatus'] as const;

function TeamList() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const staff = me.grants.length > 0;
  const labels = useTeamLabels();
  const [filters, setFilter] = useUrlFilters(FILTERS);
  const { pages, list } = useCursorList([...TEAMS_KEY, 'list'], filters, (query) => api<Page<Team>>(teamPaths.list, { query }));
  const [editing, setEditing] = useState<Team | 'new' | null>(null);

  return (
    <Card
      title={t('menu.teams')}
      size="small"
      extra={
        staff && (
          <Space>
            <Button icon={<DownloadOutlined />} href={withQuery(teamPaths.export, filters)} download>
              {t('teams.export')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('teams.create')}
            </Button>
          </Space>
        )
      }
    >
      {!staff && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('teams.leaderHint')} />}
      <Space wrap style={{ marginBottom: 12 }} role="search">
        <Input.Search
          key={`q-${filters.q}`}
          defaultValue={filters.q}
          placeholder={t('teams.searchPlaceholder')}
          aria-label={t('teams.searchPlaceholder')}
          allowClear
          onSearch={(v) => setFilter('q', v.trim())}
          style={{ width: 220 }}
        />
        {staff && <UnitPicker value={filters.unitId || undefined} onChange={(v) => setFilter('unitId', v)} allowClear placeholder={t('teams.filterUnit')} aria-label={t('teams.filterUnit')} />}
        <Select
          value={filters.specialty || undefined}
          onChange={(v) => setFilter('specialty', v)}
          allowClear
          placeholder={t('teams.fields.specialty')}
          aria-label={t('teams.fields.specialty')}
          style={{ width: 160 }}
          options={labels.specialties}
        />
        <Select
          value={filters.kind || undefined}
          onChange={(v) => setFilter('kind', v)}
          allowClear
          placeholder={t('teams.fields.kind')}
          aria-label={t('teams.fields.kind')}
          style={{ width: 140 }}
          options={(['unit', 'organization'] as const).map((k) => ({ value: k, label: t(`teams.kind.${k}`) }))}
        />
        <Select
          value={filters.federationStatus || undefined}
          onChange={(v) => setFilter('federationStatus', v)}
          allowClear
          placeholder={t('teams.fields.federation')}
          aria-label={t('teams.fields.federation')}
          style={{ width: 150 }}
          options={(['none', 'applied', 'member', 'rejected'] as const).map((k) => ({ value: k, label: t(`teams.federation.${k}`) }))}
        />
        <Select
          value={filters.status || undefined}
          onChange={(v) => setFilter('status', v)}
          allowClear
          placeholder={t('teams.fields.status')}
          aria-label={t('teams.fields.status')}
          style={{ width: 110 }}
          options={(['active', 'dissolved'] as const).map((k) => ({ value: k, label: t(`teams.status.${k}`) }))}
        />
      </Space>
      <CursorTable<Team>
        list={list}
        pages={pages}
        emptyText={t('teams.noneFound')}
        scroll={{ x: 1100 }}
        columns={[
          {
            title: t('teams.fields.name'),
            dataIndex: 'name',
            ellipsis: true,
            render: (n: string, team) => (
              <Space size={4}>
                <Link to={team.id}>{n}</Link>
                {team.status === 'dissolved' && <Tag>{t('teams.status.dissolved')}</Tag>}
              </Space>
            ),
          },
          { title: t('teams.fields.specialty'), dataIndex: 'specialty', width: 130, render: (s: string) => labels.specialty(s) },
          {
            title: t('teams.fields.unit'),
            dataIndex: 'unitName',
            width: 230,
            ellipsis: { showTitle: true },
            render: (u: string, team) => (team.kind === 'organization' ? `${team.orgName ?? ''}（${u}）` : u),
          },
          { title: t('teams.fields.leader'), key: 'leader', width: 90, render: (_, team) => team.leader?.name ?? <Typography.Text type="secondary">{t('teams.noLeader')}</Typography.Text> },
          { title: t('teams.fields.members'), dataIndex: 'memberCount', width: 80, align: 'right' },
          {
            title: t('teams.fields.pending'),
            dataIndex: 'pendingCount',
            width: 90,
            align: 'right',
            render: (n: number) => (n > 0 ? <Tag color="processing">{n}</Tag> : n),
          },
          {
            title: t('teams.fields.federation'),
            dataIndex: 'federationStatus',
            width: 110,
            render: (s: Team['federationStatus']) => <Tag color={federationColor[s]}>{t(`teams.federation.${s}`)}</Tag>,
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 150,
            fixed: 'right',
            render: (_, team) => (
              <Space size={4}>
                <Link to={team.id}>{t('teams.open')}</Link>
                {team.canEdit && (
                  <Button size="small" type="link" icon={<EditOutlined />} onClick={() => setEditing(team)} aria-label={`${t('common.edit')} ${team.name}`}>
                    {t('common.edit')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <TeamFormModal
        open={editing !== null}
        team={editing && editing !== 'new' ? editing : undefined}
        staff={staff}
        defaultUnitId={filters.unitId || undefined}
        onClose={() => setEditing(null)}
      />
    </Card>
  );
}
