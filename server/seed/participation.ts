// Demo participation for the seeded activity plan: volunteers of each station signed up for its activities, the
// past eight weeks checked in and out with their service records (approved, the last week still pending), a few
// sign-ups and class bookings ahead, and the demo volunteer taking part at their home station. Written in bulk SQL
// (a few thousand rows), then the kept totals are rebuilt from the records.
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client';
import { rebuildServiceTotals } from '../modules/hours/totals-rebuild';
import { DEMO_VOLUNTEER_PHONE } from './registry-volunteers';

export async function seedParticipation(tx: Tx, o: { now: Date }): Promise<void> {
  const now = o.now.toISOString();
  // Up to four volunteers of the station per activity (fewer when it has fewer slots), picked stably.
  await tx.execute(sql`insert into signups (activity_id, kind, volunteer_id, status, created_at)
    select a.id, 'volunteer', v.id, 'confirmed', least(a.starts_at - interval '3 days', ${now}::timestamptz)
    from activities a
    cross join lateral (select v.id from volunteers v where v.home_unit_code = a.unit_code and v.status = 'active'
      order by md5(v.id::text || a.id::text) limit least(a.volunteer_slots, case when a.starts_at < ${now}::timestamptz then 4 else 2 end)) v
    where a.status = 'published'`);
  // The demo volunteer takes part in every activity of their home station.
  await tx.execute(sql`insert into signups (activity_id, kind, volunteer_id, status, created_at)
    select a.id, 'volunteer', v.id, 'confirmed', least(a.starts_at - interval '2 days', ${now}::timestamptz)
    from activities a join volunteers v on v.home_unit_code = a.unit_code and v.phone = ${DEMO_VOLUNTEER_PHONE}
    where a.status = 'published' on conflict do nothing`);
  // Citizens booked places in the classes ahead.
  await tx.execute(sql`insert into signups (activity_id, kind, name, phone, status, manage_token, created_at)
    select a.id, 'citizen', (array['王阿姨','李大伯','陈奶奶','林先生','周女士'])[k], '1370000' || lpad((row_number() over ())::text, 4, '0'), 'confirmed',
      md5(a.id::text || k::text), ${now}::timestamptz
    from activities a cross join generate_series(1, 3) k
    where a.status = 'published' and a.citizen_places > 0 and a.starts_at > ${now}::timestamptz`);

  // Past activities: each signed-up volunteer checked in a little early and out a little late.
  await tx.execute(sql`insert into attendances (activity_id, volunteer_id, checked_in_at, checked_out_at, in_method, out_method, created_at)
    select a.id, s.volunteer_id,
      a.starts_at - (abs(hashtext(s.id::text)) % 10) * interval '1 minute',
      a.ends_at + (abs(hashtext(s.id::text || 'o')) % 10) * interval '1 minute', 'qr', 'qr', a.starts_at
    from signups s join activities a on a.id = s.activity_id
    where s.kind = 'volunteer' and s.status = 'confirmed' and a.ends_at < ${now}::timestamptz`);
  // Their service records: approved by the station, except the last week's, which wait for review.
  await tx.execute(sql`insert into service_records (volunteer_id, activity_id, unit_id, unit_code, team_id, attendance_id, source,
      started_at, ended_at, minutes, content, status, decided_at, created_at)
    select t.volunteer_id, a.id, a.unit_id, a.unit_code, a.team_id, t.id, 'checkin', t.checked_in_at, t.checked_out_at,
      floor(extract(epoch from t.checked_out_at - t.checked_in_at) / 60)::int, a.title,
      case when a.ends_at < ${now}::timestamptz - interval '7 days' then 'approved' else 'pending' end,
      case when a.ends_at < ${now}::timestamptz - interval '7 days' then a.ends_at + interval '1 day' end, t.checked_out_at
    from attendances t join activities a on a.id = t.activity_id`);
  await rebuildServiceTotals(tx);
  // Anyone whose approved hours reached a level waits for their unit to confirm it.
  await tx.execute(sql`insert into star_awards (volunteer_id, level, minutes_at, status, reached_at)
    select v.id, l.level, v.service_minutes, 'pending', ${now}::timestamptz
    from volunteers v join star_levels l on v.service_minutes >= l.min_hours * 60 on conflict do nothing`);
}
