// Reminders the day before and one hour before an activity, to everyone signed up (confirmed), through the
// notification adapter. Owned by the sign-ups module. Each reminder is claimed in reminder_deliveries first
// (insert … on conflict do nothing), in the same transaction as the notice, so several instances running the
// job at once, or a run repeated after a failure, send each reminder once.
import { sql } from 'drizzle-orm';
import type { ModuleDeps } from '../../app';
import { rowsOf } from '../../db/client';
import { bookingUrl, whenText, type Notices } from './places';

// One run handles at most this many; the next tick (a minute later) takes the rest.
const BATCH = 500;

type Kind = 'day_before' | 'hour_before';
type Due = {
  signupId: string;
  kind: Kind;
  signupKind: 'volunteer' | 'citizen';
  volunteerId: string | null;
  phone: string;
  manageToken: string | null;
  activityId: string;
  title: string;
  startsAt: string | Date;
  place: string;
  unitCode: string;
};

/**
 * 'day_before' while now ∈ [start − 24 h, start − 1 h), 'hour_before' while now ∈ [start − 1 h, start); confirmed
 * sign-ups and bookings of published activities, minus the reminders already delivered.
 */
async function dueReminders(deps: ModuleDeps, now: Date): Promise<Due[]> {
  const at = now.toISOString();
  return rowsOf<Due>(
    await deps.db.execute(sql`
      select * from (
        select s.id as "signupId",
          case when a.starts_at - interval '1 hour' <= ${at}::timestamptz then 'hour_before' else 'day_before' end as kind,
          s.kind as "signupKind", s.volunteer_id as "volunteerId", coalesce(v.phone, s.phone) as phone, s.manage_token as "manageToken",
          a.id as "activityId", a.title, a.starts_at as "startsAt", coalesce(st.name, a.address) as place, a.unit_code as "unitCode"
        from activities a
        join signups s on s.activity_id = a.id and s.status = 'confirmed'
        left join volunteers v on v.id = s.volunteer_id
        left join sites st on st.id = a.site_id
        where a.status in ('published', 'in_progress')
          and a.starts_at > ${at}::timestamptz and a.starts_at - interval '24 hours' <= ${at}::timestamptz
      ) due
      where not exists (select 1 from reminder_deliveries d where d.signup_id = due."signupId" and d.kind = due.kind)
      limit ${BATCH}`),
  );
}

function noticeOf(d: Due, n: Notices) {
  const startsAt = new Date(d.startsAt);
  const when = whenText(startsAt);
  const lead = d.kind === 'hour_before' ? '活动将在 1 小时内开始' : '明天有活动';
  const where = d.place ? `，地点：${d.place}` : '';
  if (d.signupKind === 'volunteer') {
    return {
      volunteerId: d.volunteerId,
      phone: d.phone || null,
      purpose: `reminder:${d.kind}`,
      title: `${lead}：${d.title}`,
      text: `提醒：您报名的「${d.title}」将于 ${when} 开始${where}。请按时到场并扫码签到。`,
      link: `/m/activities/${d.activityId}`,
      unitCode: d.unitCode,
    };
  }
  return {
    phone: d.phone,
    purpose: `reminder:${d.kind}`,
    title: `${lead}：${d.title}`,
    text: `提醒：您预约的「${d.title}」将于 ${when} 开始${where}。如不能参加请取消：${bookingUrl(n, d.manageToken ?? '')}`,
    unitCode: d.unitCode,
  };
}

/** Sends the reminders due at `now` that were not sent yet; returns how many went out. */
export async function sendDueReminders(deps: ModuleDeps, now: Date): Promise<number> {
  const notices: Notices = { notify: deps.notify, publicBaseUrl: deps.config.publicBaseUrl };
  let sent = 0;
  for (const d of await dueReminders(deps, now)) {
    const claimed = await deps.db.transaction(async (tx) => {
      const rows = rowsOf<{ signupId: string }>(
        await tx.execute(sql`insert into reminder_deliveries (signup_id, kind, sent_at) values (${d.signupId}, ${d.kind}, ${now.toISOString()}::timestamptz)
          on conflict do nothing returning signup_id as "signupId"`),
      );
      if (rows.length === 0) return false;
      await deps.notify.notify(tx, noticeOf(d, notices));
      return true;
    });
    if (claimed) sent += 1;
  }
  return sent;
}
