// Rows → API shapes for the volunteer school. Staff see who enrolled by volunteer number, name and a masked phone;
// volunteers see places left, never who else enrolled.
import { maskPhone } from '../../../common/mask';
import type { CourseWithStats, SessionWithCourse } from './courses.repo';
import type { QualificationRow } from './school.repo';
import { DAY_MS } from './training-time';

/** Within this many days of its expiry a qualification is shown as expiring. */
export const EXPIRING_DAYS = 30;

const iso = (d: Date) => d.toISOString();

export function presentCourse(c: CourseWithStats) {
  return {
    id: c.id,
    title: c.title,
    description: c.description,
    unit: { id: c.unitId, code: c.unitCode, name: c.unitName },
    qualification: c.qualification,
    validMonths: c.qualification ? c.validMonths : null,
    status: c.status,
    sessionCount: c.sessionCount,
    upcomingCount: c.upcomingCount,
    nextSessionAt: c.nextSessionAt ? iso(c.nextSessionAt) : null,
    createdAt: iso(c.createdAt),
  };
}

export function sessionPhase(s: { status: string; startsAt: Date; endsAt: Date }, now: Date) {
  if (s.status === 'cancelled') return 'cancelled' as const;
  if (now < s.startsAt) return 'upcoming' as const;
  return now < s.endsAt ? ('ongoing' as const) : ('ended' as const);
}

export function placeOf(s: { siteName: string | null; place: string }): string {
  return [s.siteName, s.place].filter(Boolean).join(' · ');
}

export function presentSession(s: SessionWithCourse, now: Date) {
  return {
    id: s.id,
    courseId: s.courseId,
    courseTitle: s.courseTitle,
    startsAt: iso(s.startsAt),
    endsAt: iso(s.endsAt),
    site: s.siteId && s.siteName ? { id: s.siteId, name: s.siteName } : null,
    place: s.place,
    teacher: s.teacher,
    capacity: s.capacity,
    enrolled: s.enrolled,
    placesLeft: Math.max(0, s.capacity - s.enrolled),
    status: s.status === 'cancelled' ? ('cancelled' as const) : ('scheduled' as const),
    phase: sessionPhase(s, now),
  };
}

export type RosterRow = {
  enrolmentId: string;
  volunteerId: string;
  number: string;
  name: string;
  phone: string;
  attended: boolean | null;
  passed: boolean | null;
  recordedAt: Date | null;
  enrolledAt: Date;
};

export function presentRosterEntry(r: RosterRow) {
  return {
    enrolmentId: r.enrolmentId,
    volunteer: { id: r.volunteerId, number: r.number, name: r.name, phoneMasked: maskPhone(r.phone) },
    attended: r.attended,
    passed: r.passed,
    recordedAt: r.recordedAt ? iso(r.recordedAt) : null,
    enrolledAt: iso(r.enrolledAt),
  };
}

export type ExpiringRow = {
  id: string;
  name: string;
  grantedAt: Date;
  expiresAt: Date | null;
  volunteerId: string;
  number: string;
  volunteerName: string;
  phone: string;
  homeUnitName: string | null;
};

export function presentExpiring(r: ExpiringRow, now: Date) {
  const expiresAt = r.expiresAt ?? now;
  return {
    id: r.id,
    name: r.name,
    grantedAt: iso(r.grantedAt),
    expiresAt: iso(expiresAt),
    daysLeft: Math.max(0, Math.ceil((expiresAt.getTime() - now.getTime()) / DAY_MS)),
    volunteer: { id: r.volunteerId, number: r.number, name: r.volunteerName, phoneMasked: maskPhone(r.phone), homeUnitName: r.homeUnitName ?? '' },
  };
}

type QualificationWithCourse = QualificationRow & { courseTitle: string | null };

/** Each grant with its state; `renewed` when a later live grant of the same name outlasts it. */
export function presentQualifications(rows: QualificationWithCourse[], now: Date) {
  const live = rows.filter((q) => !q.revokedAt);
  // Ranked by expiry (none = forever), then grant time, then id, so exactly one grant per name is current.
  const rank = (q: QualificationWithCourse) => [q.expiresAt?.getTime() ?? Infinity, q.grantedAt.getTime()] as const;
  const outlasts = (a: QualificationWithCourse, b: QualificationWithCourse) => {
    if (a.id === b.id || a.name !== b.name) return false;
    const [ra, rb] = [rank(a), rank(b)];
    return ra[0] !== rb[0] ? ra[0] > rb[0] : ra[1] !== rb[1] ? ra[1] > rb[1] : a.id > b.id;
  };
  return rows.map((q) => {
    let state: 'valid' | 'expiring' | 'expired' | 'revoked' | 'renewed';
    if (q.revokedAt) state = 'revoked';
    else if (live.some((o) => outlasts(o, q))) state = 'renewed';
    else if (q.expiresAt && q.expiresAt <= now) state = 'expired';
    else if (q.expiresAt && q.expiresAt.getTime() - now.getTime() <= EXPIRING_DAYS * DAY_MS) state = 'expiring';
    else state = 'valid';
    return {
      id: q.id,
      name: q.name,
      courseTitle: q.courseTitle,
      grantedAt: iso(q.grantedAt),
      expiresAt: q.expiresAt ? iso(q.expiresAt) : null,
      revoked: Boolean(q.revokedAt),
      state,
    };
  });
}

export type RecordRow = {
  sessionId: string;
  courseId: string;
  courseTitle: string;
  startsAt: Date;
  endsAt: Date;
  place: string;
  siteName: string | null;
  sessionStatus: string;
  enrolment: 'enrolled' | 'cancelled';
  attended: boolean | null;
  passed: boolean | null;
};

export function presentRecord(r: RecordRow) {
  return {
    sessionId: r.sessionId,
    courseId: r.courseId,
    courseTitle: r.courseTitle,
    startsAt: iso(r.startsAt),
    endsAt: iso(r.endsAt),
    place: placeOf(r),
    sessionStatus: r.sessionStatus === 'cancelled' ? ('cancelled' as const) : ('scheduled' as const),
    enrolment: r.enrolment,
    attended: r.attended,
    passed: r.passed,
  };
}
