// The courses of units in scope: search, status filter, keyset pages; create and edit in a drawer.
import { useState } from 'react';
import { Button, Input, Select, Space, Tag, Typography } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { schoolApi, type Course, type CourseStatus } from '../../api/school';
import { CursorTable } from '../ui/CursorTable';
import { formatDateTime } from '../ui/format';
import { useCursorList } from '../ui/use-cursor-pages';
import { useUrlFilters } from '../ui/use-url-filters';
import { CourseFormDrawer } from './CourseFormDrawer';
import { validity } from './school-format';

export const COURSES_KEY = ['school', 'courses'] as const;
const COURSE_FILTERS = ['q', 'status'] as const;

export function CoursesTab() {
  const { t } = useTranslation();
  const [filters, setFilter] = useUrlFilters(COURSE_FILTERS);
  const { pages, list } = useCursorList(COURSES_KEY, filters, (query) => schoolApi.courses(query));
  const [editing, setEditing] = useState<Course | 'new' | null>(null);

  return (
    <>
      <Space wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Space wrap role="search">
          <Input.Search
            key={`q-${filters.q}`}
            defaultValue={filters.q}
            placeholder={t('school.course.searchPlaceholder')}
            aria-label={t('school.course.searchPlaceholder')}
            allowClear
            onSearch={(v) => setFilter('q', v.trim())}
            style={{ width: 240 }}
          />
          <Select
            value={filters.status || undefined}
            onChange={(v) => setFilter('status', v)}
            allowClear
            placeholder={t('school.course.filterStatus')}
            aria-label={t('school.course.filterStatus')}
            style={{ width: 130 }}
            options={(['open', 'closed'] as const).map((s) => ({ value: s, label: t(`school.course.status.${s}`) }))}
          />
        </Space>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('school.course.create')}
        </Button>
      </Space>
      <CursorTable<Course>
        list={list}
        pages={pages}
        emptyText={t('school.course.noneFound')}
        scroll={{ x: 960 }}
        columns={[
          { title: t('school.course.fields.title'), dataIndex: 'title', ellipsis: true, render: (v: string, c) => <Link to={`/school/courses/${c.id}`}>{v}</Link> },
          { title: t('school.course.fields.unit'), key: 'unit', width: 220, ellipsis: true, render: (_, c) => c.unit.name },
          {
            title: t('school.course.fields.qualification'),
            key: 'qualification',
            width: 200,
            render: (_, c) => (c.qualification ? `${c.qualification}（${validity(c, t)}）` : <Typography.Text type="secondary">{t('school.course.noQualification')}</Typography.Text>),
          },
          {
            title: t('school.course.fields.sessions'),
            key: 'sessions',
            width: 130,
            render: (_, c) => t('school.course.sessionsCount', { n: c.sessionCount, upcoming: c.upcomingCount }),
          },
          { title: t('school.course.fields.nextSession'), dataIndex: 'nextSessionAt', width: 140, render: (v: string | null) => formatDateTime(v) },
          {
            title: t('school.course.fields.status'),
            dataIndex: 'status',
            width: 100,
            render: (s: CourseStatus) => <Tag color={s === 'open' ? 'green' : 'default'}>{t(`school.course.status.${s}`)}</Tag>,
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 90,
            fixed: 'right',
            render: (_, c) => (
              <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(c)} aria-label={`${t('common.edit')} ${c.title}`}>
                {t('common.edit')}
              </Button>
            ),
          },
        ]}
      />
      <CourseFormDrawer open={editing !== null} course={editing && editing !== 'new' ? editing : undefined} onClose={() => setEditing(null)} />
    </>
  );
}
