// What sign-ups must follow when staff change an activity: more places move the waiting list up, and a
// cancelled activity tells everyone who had signed up or booked. Called inside the activity change's transaction.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { rowsOf } from '../../db/client';
import { findActivity } from '../activities/activities.repo';
import { fillFreePlaces, whenText, type Notices } from './places';

/** After places changed: fills what is free from the waiting lists (both kinds) of each activity. */
export async function placesChanged(tx: DbOrTx, activityIds: string[], now: Date, notices: Notices): Promise<void> {
  for (const id of activityIds) {
    const activity = await findActivity(tx, id, { lock: true });
    if (!activity) continue;
    await fillFreePlaces(tx, { activity, kind: 'volunteer', now, notices });
    await fillFreePlaces(tx, { activity, kind: 'citizen', now, notices });
  }
}

/** Tells every volunteer and citizen still signed up (or waiting) that the activity is cancelled, and why. */
export async function activitiesCancelled(tx: DbOrTx, activityIds: string[], reason: string, notices: Notices): Promise<void> {
  if (activityIds.length === 0) return;
  const people = rowsOf<{ volunteer_id: string | null; phone: string; title: string; starts_at: string | Date; unit_code: string; activity_id: string }>(
    await tx.execute(sql`select s.volunteer_id, coalesce(v.phone, s.phone) as phone, a.title, a.starts_at, a.unit_code, a.id as activity_id
      from signups s join activities a on a.id = s.activity_id left join volunteers v on v.id = s.volunteer_id
      where s.activity_id in ${sql`(${sql.join(activityIds.map((id) => sql`${id}`), sql`, `)})`} and s.status <> 'cancelled'`),
  );
  for (const p of people) {
    await notices.notify.notify(tx, {
      volunteerId: p.volunteer_id,
      phone: p.phone || null,
      purpose: 'activity:cancelled',
      title: '活动已取消',
      text: `很抱歉，您报名的活动「${p.title}」（${whenText(new Date(p.starts_at))}）已取消。原因：${reason}`,
      link: `/m/activities/${p.activity_id}`,
      unitCode: p.unit_code,
    });
  }
}
