// 志愿服务学堂 (the volunteer school): courses with their sessions and rosters, and the qualifications about to
// expire. The page owns its sub-paths: /school (courses), /school/expiring, /school/courses/:id, /school/sessions/:id.
import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { PageState } from '../ui/PageState';
import { CoursesTab } from './CoursesTab';
import { CourseDetail } from './CourseDetail';
import { ExpiringTab } from './ExpiringTab';
import { SessionRoster } from './SessionRoster';

function SchoolTabs() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const expiring = useLocation().pathname.endsWith('/expiring');
  return (
    <Card title={t('menu.school')} size="small">
      <Tabs
        activeKey={expiring ? 'expiring' : 'courses'}
        onChange={(k) => void navigate(k === 'expiring' ? '/school/expiring' : '/school')}
        items={[
          { key: 'courses', label: t('school.tabs.courses'), children: expiring ? null : <CoursesTab /> },
          { key: 'expiring', label: t('school.tabs.expiring'), children: expiring ? <ExpiringTab /> : null },
        ]}
      />
    </Card>
  );
}

export function SchoolPage() {
  return (
    <Routes>
      <Route index element={<SchoolTabs />} />
      <Route path="expiring" element={<SchoolTabs />} />
      <Route path="courses/:id" element={<CourseDetail />} />
      <Route path="sessions/:id" element={<SessionRoster />} />
      <Route path="*" element={<PageState notFound />} />
    </Routes>
  );
}
