// Labels (topics, platforms, statuses) in the interface language, status colours, query keys, and what the signed-in
// staff member may do with a unit's activities (the server decides; this only hides buttons that would be refused).
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { activityTopics, servicePlatforms } from '../../../common/activity-topics';
import { teamSpecialties } from '../../../common/team-specialties';
import type { ActivityStatus, ProgrammeStatus } from '../../api/activities';
import type { Me } from '../../api/types';
import { ZONE } from '../ui/format';

export const ACTIVITIES_KEY = ['activities'] as const;
export const PROGRAMMES_KEY = ['programmes'] as const;
export const THEMES_KEY = ['themes'] as const;

export function useActivityLabels() {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const platformLabel = (key: string | null | undefined) => (key ? (teamSpecialties.find((s) => s.key === key)?.[lang] ?? key) : '');
  return {
    topics: activityTopics.map((x) => ({ value: x.key as string, label: x[lang] })),
    topic: (key: string) => activityTopics.find((x) => x.key === key)?.[lang] ?? key,
    platforms: servicePlatforms.map((p) => ({ value: p as string, label: platformLabel(p) })),
    platform: platformLabel,
  };
}

export const statusColor: Record<ActivityStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  published: 'success',
  in_progress: 'orange',
  finished: 'purple',
  cancelled: 'error',
};
export const programmeStatusColor: Record<ProgrammeStatus, string> = { draft: 'default', published: 'success', withdrawn: 'warning' };

/** The caller manages activities of units in the subtree of any of their grants. */
export function canManageUnit(me: Me, unitCode: string): boolean {
  return me.grants.some((g) => unitCode.startsWith(g.unitCode));
}

/** Reviewers (institute and district admins) decide on activities of units strictly below their grant's unit. */
export function canReviewUnit(me: Me, unitCode: string): boolean {
  return me.grants.some((g) => (g.role === 'district_admin' || g.role === 'institute_admin') && unitCode.startsWith(g.unitCode) && unitCode !== g.unitCode);
}

export function isReviewer(me: Me): boolean {
  return me.grants.some((g) => g.role === 'district_admin' || g.role === 'institute_admin');
}

export function isThemeManager(me: Me): boolean {
  return me.grants.some((g) => g.role === 'district_admin');
}

/** A local (Asia/Shanghai) date and time of day as an instant. */
export function zonedInstant(date: Dayjs, time: Dayjs): string {
  return dayjs.tz(`${date.format('YYYY-MM-DD')}T${time.format('HH:mm')}`, ZONE).toISOString();
}

export function inZone(iso: string): Dayjs {
  return dayjs(iso).tz(ZONE);
}

/** "2026-12-05 09:00–11:00" (the end's date too when it differs). */
export function timeRange(startsAt: string, endsAt: string): string {
  const s = inZone(startsAt);
  const e = inZone(endsAt);
  return `${s.format('YYYY-MM-DD HH:mm')}–${e.isSame(s, 'day') ? e.format('HH:mm') : e.format('YYYY-MM-DD HH:mm')}`;
}
