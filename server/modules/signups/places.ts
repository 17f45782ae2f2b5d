// The rules every kind of sign-up shares: when an activity takes sign-ups, who may take a volunteer slot, taking a
// place or a waiting-list place, and giving one back (which moves the waiting list up and tells those moved up).
// Callers hold the activity row locked (`select … for update`) for the whole transaction, so counting places and
// taking one cannot interleave with another request for the same activity.
import type { DbOrTx } from '../../db/client';
import type { SignupKind } from '../../db/schema/attendance';
import type { Notifier } from '../../platform/notify';
import { AppError, notFound } from '../../platform/errors';
import { findActivity, type ActivityJoined } from '../activities/activities.repo';
import { derivedStatus } from '../activities/activities.presenter';
import { localParts } from '../activities/activity-time';
import * as repo from './signups.repo';
import { cancelUntil } from './signups.presenter';

/** What the services need to tell people: the notification adapter and the site's address for links in texts. */
export type Notices = { notify: Notifier; publicBaseUrl: string };

/** An activity the public may see (published, running, finished or cancelled); drafts and submitted ones are 404. */
export async function visibleActivity(db: DbOrTx, id: string, lock = false): Promise<ActivityJoined> {
  const a = await findActivity(db, id, { lock });
  if (!a || a.status === 'draft' || a.status === 'submitted') throw notFound('该活动');
  return a;
}

export function isOpen(a: ActivityJoined, now: Date): boolean {
  const s = derivedStatus(a, now);
  return s === 'published' || s === 'in_progress';
}

export function assertOpen(a: ActivityJoined, now: Date, kind: SignupKind): void {
  const s = derivedStatus(a, now);
  if (s === 'cancelled') throw new AppError('signup_closed', '该活动已取消');
  if (s !== 'published' && s !== 'in_progress') throw new AppError('signup_closed', '该活动已结束，不再接受报名');
  if (capacityOf(a, kind) === 0) throw new AppError('signup_closed', kind === 'volunteer' ? '该活动不招募志愿者' : '该活动不接受群众预约');
}

export function capacityOf(a: Pick<ActivityJoined, 'volunteerSlots' | 'citizenPlaces'>, kind: SignupKind): number {
  return kind === 'volunteer' ? a.volunteerSlots : a.citizenPlaces;
}

export type Eligibility = { ok: boolean; active: boolean; status: string; missingSkills: string[]; missingQualifications: string[] };

/** Every required skill must be among the volunteer's skills, every required qualification held live (not revoked or expired). */
export async function eligibilityOf(db: DbOrTx, v: repo.VolunteerFacts, a: ActivityJoined, now: Date): Promise<Eligibility> {
  const missingSkills = a.requiredSkills.filter((s) => !v.skills.includes(s));
  const held = await repo.liveQualifications(db, v.id, a.requiredQualifications, now);
  const missingQualifications = a.requiredQualifications.filter((q) => !held.has(q));
  const active = v.status === 'active' && !v.gone;
  return { ok: active && missingSkills.length === 0 && missingQualifications.length === 0, active, status: v.status, missingSkills, missingQualifications };
}

const statusRefusal: Record<string, string> = {
  pending: '志愿者注册还在审核中，审核通过后才能报名活动',
  suspended: '志愿者身份已暂停，暂时不能报名活动',
  left: '已退出志愿者队伍，不能报名活动',
};

/** Refuses with what is missing named, so the person (or the organizer) knows what to do about it. */
export function assertEligible(e: Eligibility, who: string): void {
  if (e.ok) return;
  if (!e.active) {
    throw new AppError('signup_requirements_unmet', `${who}${statusRefusal[e.status] ?? statusRefusal.left}`, {
      volunteerStatus: e.status,
      missingSkills: [],
      missingQualifications: [],
    });
  }
  const parts = [
    e.missingSkills.length ? `缺少技能：${e.missingSkills.join('、')}` : '',
    e.missingQualifications.length ? `缺少资质：${e.missingQualifications.join('、')}` : '',
  ].filter(Boolean);
  throw new AppError('signup_requirements_unmet', `${who}不满足该活动的报名要求（${parts.join('；')}）`, {
    missingSkills: e.missingSkills,
    missingQualifications: e.missingQualifications,
  });
}

/** "12月3日 09:30" in Shanghai time, for texts. */
export function whenText(at: Date): string {
  const p = localParts(at);
  return `${Number(p.date.slice(5, 7))}月${Number(p.date.slice(8, 10))}日 ${p.time}`;
}

export function bookingUrl(n: Notices, token: string): string {
  return `${n.publicBaseUrl}/m/booking/${token}`;
}

/**
 * Moves the waiting list of one kind up into the places that are free (normally the one just given back) and
 * tells each person moved up, in-app and by text. Nothing moves on a cancelled or finished activity.
 */
export async function fillFreePlaces(tx: DbOrTx, o: { activity: ActivityJoined; kind: SignupKind; now: Date; notices: Notices }): Promise<repo.Promoted[]> {
  const a = o.activity;
  if (!isOpen(a, o.now)) return [];
  const free = capacityOf(a, o.kind) - (await repo.confirmedCount(tx, a.id, o.kind));
  const promoted = await repo.promoteOldest(tx, a.id, o.kind, free, o.now);
  for (const p of promoted) {
    const when = whenText(a.startsAt);
    if (p.kind === 'volunteer') {
      await o.notices.notify.notify(tx, {
        volunteerId: p.volunteerId,
        phone: p.volunteerPhone,
        purpose: 'signup:promoted',
        title: '候补转为报名成功',
        text: `您候补的活动「${a.title}」（${when}）有了空位，您已报名成功。如不能参加，请及时取消。`,
        link: `/m/activities/${a.id}`,
        unitCode: a.unitCode,
      });
    } else {
      await o.notices.notify.notify(tx, {
        phone: p.phone,
        purpose: 'booking:promoted',
        title: '候补转为预约成功',
        text: `您候补的「${a.title}」（${when}）有了空位，您已预约成功。查看或取消：${bookingUrl(o.notices, p.manageToken ?? '')}`,
        unitCode: a.unitCode,
      });
    }
  }
  return promoted;
}

/**
 * Takes a place, or a place on the waiting list when the places are taken. Anyone already waiting moves into a
 * free place first, so a newcomer never overtakes the queue.
 */
export async function takePlace(
  tx: DbOrTx,
  o: { activity: ActivityJoined; kind: SignupKind; volunteerId?: string; name?: string; phone?: string; manageToken?: string; now: Date; notices: Notices },
): Promise<repo.SignupRow> {
  await fillFreePlaces(tx, { activity: o.activity, kind: o.kind, now: o.now, notices: o.notices });
  const confirmed = await repo.confirmedCount(tx, o.activity.id, o.kind);
  // The queue is ordered by created_at. `now` was read before this request got the activity's lock, so a request
  // that waited for the lock may hold an earlier time than one that went before it: place it after the last one.
  const last = await repo.lastTakenAt(tx, o.activity.id, o.kind);
  const createdAt = last && last.getTime() >= o.now.getTime() ? new Date(last.getTime() + 1) : o.now;
  return repo.insertSignup(tx, {
    activityId: o.activity.id,
    kind: o.kind,
    volunteerId: o.volunteerId ?? null,
    name: o.name ?? '',
    phone: o.phone ?? '',
    manageToken: o.manageToken ?? null,
    status: confirmed < capacityOf(o.activity, o.kind) ? 'confirmed' : 'waitlisted',
    createdAt,
  });
}

/** Gives a place back; a confirmed place goes to the first on the waiting list in the same transaction. */
export async function givePlaceBack(
  tx: DbOrTx,
  o: { activity: ActivityJoined; signup: repo.SignupRow; by: string | null; now: Date; notices: Notices },
): Promise<{ signup: repo.SignupRow; promoted: repo.Promoted[] }> {
  const signup = await repo.markCancelled(tx, o.signup.id, o.by, o.now);
  const promoted = o.signup.status === 'confirmed' ? await fillFreePlaces(tx, { activity: o.activity, kind: o.signup.kind, now: o.now, notices: o.notices }) : [];
  return { signup, promoted };
}

/** Whether the person may still cancel themself: waiting-list places and cancelled activities any time, else before the cut-off. */
export function assertBeforeCutoff(a: ActivityJoined, s: repo.SignupRow, now: Date): void {
  if (s.status !== 'confirmed' || a.status === 'cancelled') return;
  const until = cancelUntil(a);
  if (now >= until) throw new AppError('cancel_deadline_passed', undefined, { cancelUntil: until.toISOString() });
}

/** Two requests for the same person can race past the "already signed up" check; the partial unique index decides. */
export async function alreadySignedUpOnConflict<T>(work: Promise<T>, message?: string): Promise<T> {
  try {
    return await work;
  } catch (e) {
    const err = e as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
    const code = err.code ?? err.cause?.code;
    const constraint = err.constraint ?? err.cause?.constraint ?? '';
    if (code === '23505' && /^signups_(volunteer|citizen)_uq$/.test(constraint)) throw new AppError('already_signed_up', message);
    throw e;
  }
}
