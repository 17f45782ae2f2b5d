// A volunteer's own sign-ups: what they see on an activity's page (their sign-up, whether they qualify, whether
// check-in is open), signing up (a slot or the waiting list), cancelling before the cut-off, and their list.
import type { Db, DbOrTx } from '../../db/client';
import { AppError } from '../../platform/errors';
import { requireVolunteer, type Principal } from '../../platform/policy';
import { decodeCursor, pageOf } from '../../platform/pagination';
import { addDays, fromLocal, localParts } from '../activities/activity-time';
import type { ActivityJoined } from '../activities/activities.repo';
import * as repo from './signups.repo';
import { volunteerSignups } from './signup-lists.repo';
import {
  alreadySignedUpOnConflict,
  assertBeforeCutoff,
  assertEligible,
  assertOpen,
  eligibilityOf,
  givePlaceBack,
  takePlace,
  visibleActivity,
  type Eligibility,
  type Notices,
} from './places';

// The attendance module's window (contract B): check-in from an hour before the start, check-out until 30
// minutes after the end. Shown on the activity page so the volunteer knows whether to scan now.
const CHECKIN_OPENS_BEFORE_MS = 60 * 60_000;
const CHECKOUT_CLOSES_AFTER_MS = 30 * 60_000;

export type VolunteerCtx = { principal: Principal; now: Date };
export type SignupResult = { signup: repo.SignupRow; position: number | null; activity: ActivityJoined };

async function me(db: DbOrTx, principal: Principal): Promise<repo.VolunteerFacts> {
  const volunteerId = requireVolunteer(principal);
  const v = await repo.volunteerFacts(db, volunteerId);
  if (!v) throw new AppError('forbidden', '当前账号不是志愿者');
  return v;
}

function checkinOpen(a: ActivityJoined, now: Date): boolean {
  if (a.status !== 'published' && a.status !== 'in_progress') return false;
  return now.getTime() >= a.startsAt.getTime() - CHECKIN_OPENS_BEFORE_MS && now.getTime() < a.endsAt.getTime() + CHECKOUT_CLOSES_AFTER_MS;
}

export async function mySignupState(
  db: DbOrTx,
  o: VolunteerCtx & { activityId: string },
): Promise<{ current: SignupResult | null; activity: ActivityJoined; eligibility: Eligibility; attendance: { open: boolean; pairsToday: number } }> {
  const v = await me(db, o.principal);
  const a = await visibleActivity(db, o.activityId);
  const s = await repo.latestVolunteerSignup(db, a.id, v.id);
  const today = localParts(o.now).date;
  const pairsToday = await repo.pairsBetween(db, a.id, v.id, fromLocal(today), fromLocal(addDays(today, 1)));
  return {
    current: s ? { signup: s, position: await repo.positionOf(db, s), activity: a } : null,
    activity: a,
    eligibility: await eligibilityOf(db, v, a, o.now),
    attendance: { open: checkinOpen(a, o.now), pairsToday },
  };
}

export async function signUpSelf(db: Db, o: VolunteerCtx & { activityId: string; notices: Notices }): Promise<SignupResult> {
  requireVolunteer(o.principal);
  const work = db.transaction(async (tx) => {
    const a = await visibleActivity(tx, o.activityId, true);
    const v = await me(tx, o.principal);
    assertOpen(a, o.now, 'volunteer');
    const live = await repo.latestVolunteerSignup(tx, a.id, v.id);
    if (live && live.status !== 'cancelled') throw new AppError('already_signed_up');
    assertEligible(await eligibilityOf(tx, v, a, o.now), '您');
    const signup = await takePlace(tx, { activity: a, kind: 'volunteer', volunteerId: v.id, now: o.now, notices: o.notices });
    return { signup, position: await repo.positionOf(tx, signup), activity: a };
  });
  return alreadySignedUpOnConflict(work);
}

/** Cancels the volunteer's live sign-up; asking again after it is cancelled answers with the cancelled one. */
export async function cancelSelf(db: Db, o: VolunteerCtx & { activityId: string; notices: Notices }): Promise<SignupResult> {
  requireVolunteer(o.principal);
  return db.transaction(async (tx) => {
    const a = await visibleActivity(tx, o.activityId, true);
    const v = await me(tx, o.principal);
    const s = await repo.latestVolunteerSignup(tx, a.id, v.id, true);
    if (!s) throw new AppError('not_signed_up', '您没有报名该活动');
    if (s.status === 'cancelled') return { signup: s, position: null, activity: a };
    assertBeforeCutoff(a, s, o.now);
    const { signup } = await givePlaceBack(tx, { activity: a, signup: s, by: o.principal.accountId, now: o.now, notices: o.notices });
    return { signup, position: null, activity: a };
  });
}

export async function mySignups(db: DbOrTx, o: VolunteerCtx & { when: 'upcoming' | 'past'; cursor?: string; limit: number }) {
  const volunteerId = requireVolunteer(o.principal);
  const after = decodeCursor(o.cursor, ['timestamp', 'uuid']) as [string, string] | null;
  const rows = await volunteerSignups(db, { volunteerId, when: o.when, now: o.now, after, limit: o.limit });
  return pageOf(rows, o.limit, (r) => [r.activity.startsAt.toISOString(), r.id]);
}
