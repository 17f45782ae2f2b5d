// Sign-up rows → API shapes. The public activity page carries counts, never names or phones; a booking shows its
// phone masked; the runner's list shows phones in full only to staff of the organizing unit.
import { maskPhone } from '../../../common/mask';
import { derivedStatus } from '../activities/activities.presenter';
import type { ActivityJoined } from '../activities/activities.repo';
import type { ActivityStatus } from '../../db/schema/activities';
import type { ActivityCounts, SignupRow } from './signups.repo';
import type { MySignupListRow, RunnerRow } from './signup-lists.repo';

type Shown = 'published' | 'in_progress' | 'finished' | 'cancelled';

/** The status the public sees; drafts and submitted ones never reach here (they are 404). */
export function shownStatus(a: { status: ActivityStatus; startsAt: Date; endsAt: Date }, now: Date): Shown {
  const s = derivedStatus(a, now);
  return s === 'draft' || s === 'submitted' ? 'cancelled' : s;
}

/** Cancelling is allowed until this instant (the organizer's cut-off before the start). */
export function cancelUntil(a: { startsAt: Date; cancelCutoffMinutes: number }): Date {
  return new Date(a.startsAt.getTime() - a.cancelCutoffMinutes * 60_000);
}

export function presentPublicActivityDetail(a: ActivityJoined, counts: ActivityCounts, now: Date) {
  return {
    id: a.id,
    title: a.title,
    topic: a.topic,
    brands: a.brands,
    unitName: a.unitName,
    teamName: a.teamName,
    siteName: a.siteName,
    address: a.address || a.siteAddress || '',
    startsAt: a.startsAt.toISOString(),
    endsAt: a.endsAt.toISOString(),
    description: a.description,
    hasPoster: a.hasPoster,
    status: shownStatus(a, now),
    requiredSkills: a.requiredSkills,
    requiredQualifications: a.requiredQualifications,
    cancelCutoffMinutes: a.cancelCutoffMinutes,
    volunteers: { slots: a.volunteerSlots, ...counts.volunteer },
    citizens: { places: a.citizenPlaces, ...counts.citizen },
  };
}

export function presentMySignup(s: Pick<SignupRow, 'id' | 'status' | 'createdAt'>, position: number | null, a: { startsAt: Date; cancelCutoffMinutes: number }) {
  return {
    id: s.id,
    status: s.status,
    position: s.status === 'waitlisted' ? position : null,
    cancelUntil: cancelUntil(a).toISOString(),
    createdAt: s.createdAt.toISOString(),
  };
}

export function presentMySignupListItem(r: MySignupListRow, now: Date) {
  const a = r.activity;
  return {
    signup: presentMySignup(r, r.position, a),
    activity: {
      id: a.id,
      title: a.title,
      startsAt: a.startsAt.toISOString(),
      endsAt: a.endsAt.toISOString(),
      siteName: a.siteName,
      address: a.address,
      unitName: a.unitName,
      status: shownStatus(a, now),
    },
  };
}

export function presentBooking(s: SignupRow, position: number | null, a: { startsAt: Date; cancelCutoffMinutes: number }) {
  return {
    status: s.status,
    position: s.status === 'waitlisted' ? position : null,
    cancelUntil: cancelUntil(a).toISOString(),
    name: s.name,
    phoneMasked: maskPhone(s.phone),
  };
}

export function presentRunnerRow(r: RunnerRow, fullPhone: boolean) {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    position: r.status === 'waitlisted' ? r.position : null,
    volunteerId: r.volunteerId,
    volunteerNumber: r.volunteerNumber,
    name: r.name,
    phone: fullPhone ? r.phone : maskPhone(r.phone),
    createdAt: r.createdAt.toISOString(),
    cancelledAt: r.cancelledAt?.toISOString() ?? null,
    checkedIn: r.checkedIn,
    minutes: r.minutes,
  };
}
