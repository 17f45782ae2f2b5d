// The on-the-day part of an activity's page for the people who run it: 报名 (sign-ups and bookings) and 签到
// (attendance), the chosen tab kept in the URL so a reload or a shared link lands on it.
import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { ActivityDetail } from '../../api/activities';
import { AttendancePanel } from './AttendancePanel';
import { SignupsPanel } from './SignupsPanel';

type Tab = 'signups' | 'attendance';
const CHECKOUT_GRACE_MS = 30 * 60_000;

export function ActivityDayTabs({ activity }: { activity: ActivityDetail }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab: Tab = params.get('tab') === 'attendance' ? 'attendance' : 'signups';
  // A cancelled or finished activity keeps its lists for the record; only the actions that still make sense show.
  const canEdit = activity.status === 'published' || activity.status === 'in_progress';
  // Check-out stays open for half an hour after the end (the status already reads finished by then).
  const canAttend = canEdit || (activity.status === 'finished' && Date.now() < Date.parse(activity.endsAt) + CHECKOUT_GRACE_MS);
  return (
    <Card size="small">
      <Tabs
        activeKey={tab}
        onChange={(k) => {
          const next = new URLSearchParams(params);
          if (k === 'signups') next.delete('tab');
          else next.set('tab', k);
          setParams(next, { replace: true });
        }}
        items={[
          { key: 'signups', label: t('activityDay.tabs.signups'), children: tab === 'signups' && <SignupsPanel activity={activity} canEdit={canEdit} /> },
          { key: 'attendance', label: t('activityDay.tabs.attendance'), children: tab === 'attendance' && <AttendancePanel activity={activity} canEdit={canAttend} /> },
        ]}
      />
    </Card>
  );
}
