// The console home banner: "下周有 N 个站点还没有安排活动", for the units in the signed-in staff member's scope,
// with a link to the coverage report. Shows nothing while loading, on error, or when next week is covered.
import { Alert } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { getCoverageAlerts } from '../../api/coverage';

export function CoverageAlert() {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['coverage-alerts'], queryFn: getCoverageAlerts, staleTime: 5 * 60_000 });
  const a = q.data;
  if (!a || a.units.length === 0) return null;
  const parts = [
    a.stations > 0 ? t('coverage.alert.stations', { n: a.stations }) : null,
    a.institutes > 0 ? t('coverage.alert.institutes', { n: a.institutes }) : null,
  ].filter(Boolean);
  const week = a.week;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="coverage-alert"
      title={`${parts.join('；')}${t('coverage.alert.week', { start: week.start, end: week.end })}`}
      description={a.units.length <= 5 ? a.units.map((u) => u.name).join('、') : undefined}
      action={<Link to={`/coverage?from=${week.start}&to=${week.end}`}>{t('coverage.alert.link')}</Link>}
      style={{ marginBottom: 16 }}
    />
  );
}
