// Activity rows → API shapes. Staff see the organizing details; the public shape carries no personal data (no
// creator, reviewer or review note, no contact of anyone).
import type { ActivityStatus } from '../../db/schema/activities';
import { topicLabel } from '../../../common/activity-topics';
import type { ActivityJoined } from './activities.repo';

/** Published activities run and end by the clock; nothing has to write that for the lists to be right. */
export function derivedStatus(a: { status: ActivityStatus; startsAt: Date; endsAt: Date }, now: Date): ActivityStatus {
  if (a.status !== 'published' && a.status !== 'in_progress') return a.status;
  if (a.endsAt <= now) return 'finished';
  if (a.startsAt <= now) return 'in_progress';
  return 'published';
}

export function posterUrl(a: Pick<ActivityJoined, 'id' | 'hasPoster' | 'posterAt'>): string | null {
  return a.hasPoster ? `/api/public/activities/${a.id}/poster?v=${a.posterAt?.getTime() ?? 0}` : null;
}

export function presentActivityRow(a: ActivityJoined, now: Date) {
  return {
    id: a.id,
    title: a.title,
    topic: a.topic,
    brands: a.brands,
    unit: { id: a.unitId, code: a.unitCode, name: a.unitName, level: a.unitLevel },
    team: a.teamId && a.teamName !== null ? { id: a.teamId, name: a.teamName } : null,
    site: a.siteId && a.siteName !== null ? { id: a.siteId, name: a.siteName } : null,
    address: a.address,
    startsAt: a.startsAt.toISOString(),
    endsAt: a.endsAt.toISOString(),
    status: derivedStatus(a, now),
    volunteerSlots: a.volunteerSlots,
    citizenPlaces: a.citizenPlaces,
    seriesId: a.seriesId,
    themeId: a.themeId,
    programmeId: a.programmeId,
    cancelCutoffMinutes: a.cancelCutoffMinutes,
    geofenceMeters: a.geofenceMeters,
  };
}

export type SeriesInfo = { id: string; weekdays: number[]; startTime: string; endTime: string; firstDate: string; lastDate: string; count: number };

export function presentActivityDetail(a: ActivityJoined, now: Date, extra: { series: SeriesInfo | null; reviewNeeded: boolean; reviewerName: string | null }) {
  return {
    ...presentActivityRow(a, now),
    description: a.description,
    requiredSkills: a.requiredSkills,
    requiredQualifications: a.requiredQualifications,
    series: extra.series,
    review: { needed: extra.reviewNeeded, note: a.reviewNote, reviewedAt: a.reviewedAt?.toISOString() ?? null, reviewerName: extra.reviewerName },
    cancelReason: a.cancelReason,
    posterUrl: posterUrl(a),
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}

export function presentPublicActivity(a: ActivityJoined, now: Date, lang: 'zh' | 'en') {
  return {
    id: a.id,
    title: a.title,
    topic: a.topic,
    topicLabel: topicLabel(a.topic, lang),
    brands: a.brands,
    unitName: a.unitName,
    teamName: a.teamName,
    site: a.siteId && a.siteName !== null ? { id: a.siteId, name: a.siteName, address: a.siteAddress ?? '' } : null,
    address: a.address,
    startsAt: a.startsAt.toISOString(),
    endsAt: a.endsAt.toISOString(),
    status: derivedStatus(a, now),
    description: a.description,
    volunteerSlots: a.volunteerSlots,
    citizenPlaces: a.citizenPlaces,
    posterUrl: posterUrl(a),
  };
}
