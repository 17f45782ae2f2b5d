// Citizens' bookings: a name and a mobile number take a place (or a waiting-list place) at an activity with
// places for the public. No account: the booking is managed through an unguessable token sent by text message.
import type { Db, DbOrTx } from '../../db/client';
import { AppError, notFound } from '../../platform/errors';
import { randomToken } from '../../platform/crypto';
import { findActivity, type ActivityJoined } from '../activities/activities.repo';
import * as repo from './signups.repo';
import {
  alreadySignedUpOnConflict,
  assertBeforeCutoff,
  assertOpen,
  bookingUrl,
  givePlaceBack,
  takePlace,
  visibleActivity,
  whenText,
  type Notices,
} from './places';

export type BookingResult = { signup: repo.SignupRow; position: number | null; activity: ActivityJoined };
const SAME_PHONE = '该手机号已预约此活动，请查看短信中的预约链接';

export async function bookPlace(db: Db, o: { activityId: string; name: string; phone: string; now: Date; notices: Notices }): Promise<BookingResult> {
  const work = db.transaction(async (tx) => {
    const a = await visibleActivity(tx, o.activityId, true);
    assertOpen(a, o.now, 'citizen');
    if (await repo.liveCitizenBooking(tx, a.id, o.phone)) throw new AppError('already_signed_up', SAME_PHONE);
    const token = randomToken();
    const signup = await takePlace(tx, { activity: a, kind: 'citizen', name: o.name, phone: o.phone, manageToken: token, now: o.now, notices: o.notices });
    const position = await repo.positionOf(tx, signup);
    const place = a.siteName ?? a.address;
    const where = `${whenText(a.startsAt)}${place ? `，${place}` : ''}`;
    const text =
      signup.status === 'confirmed'
        ? `您已预约「${a.title}」（${where}）。查看或取消：${bookingUrl(o.notices, token)}`
        : `「${a.title}」（${where}）名额已满，您在候补第 ${position} 位，有空位时会短信通知您。查看或取消：${bookingUrl(o.notices, token)}`;
    await o.notices.notify.notify(tx, { phone: o.phone, purpose: 'booking:created', title: '预约结果', text, unitCode: a.unitCode });
    return { signup, position, activity: a };
  });
  return alreadySignedUpOnConflict(work, SAME_PHONE);
}

async function bookingOf(db: DbOrTx, token: string, lock = false): Promise<repo.SignupRow> {
  const s = await repo.findByToken(db, token, lock);
  if (!s || s.kind !== 'citizen') throw notFound('该预约');
  return s;
}

export async function bookingByToken(db: DbOrTx, o: { token: string }): Promise<BookingResult & { counts: repo.ActivityCounts }> {
  const signup = await bookingOf(db, o.token);
  const activity = await findActivity(db, signup.activityId);
  if (!activity) throw notFound('该预约');
  return { signup, position: await repo.positionOf(db, signup), activity, counts: await repo.countsOf(db, activity.id) };
}

/** Cancels by token before the cut-off; asking again answers with the cancelled booking. */
export async function cancelBooking(db: Db, o: { token: string; now: Date; notices: Notices }): Promise<BookingResult> {
  const found = await bookingOf(db, o.token);
  return db.transaction(async (tx) => {
    // Lock order everywhere: the activity first, then the sign-up.
    const a = await visibleActivity(tx, found.activityId, true);
    const s = await bookingOf(tx, o.token, true);
    if (s.status === 'cancelled') return { signup: s, position: null, activity: a };
    assertBeforeCutoff(a, s, o.now);
    const { signup } = await givePlaceBack(tx, { activity: a, signup: s, by: null, now: o.now, notices: o.notices });
    return { signup, position: null, activity: a };
  });
}
