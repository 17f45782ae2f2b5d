// Rebuilds the kept totals (service_totals, volunteers.service_minutes) from the approved records in one pass.
// The app keeps them in step record by record; this is for data written in bulk (the demo seed, benchmarks).
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';

export async function rebuildServiceTotals(db: DbOrTx): Promise<void> {
  await db.execute(sql`delete from service_totals`);
  await db.execute(sql`insert into service_totals (unit_id, unit_code, team_key, month, minutes, records)
    select unit_id, min(unit_code), coalesce(team_id::text, ''), to_char(started_at at time zone 'Asia/Shanghai', 'YYYY-MM'), sum(minutes), count(*)
    from service_records where status = 'approved' group by 1, 3, 4`);
  await db.execute(sql`update volunteers v set service_minutes = coalesce(t.m, 0)
    from (select v2.id, (select sum(minutes)::int from service_records r where r.volunteer_id = v2.id and r.status = 'approved') m from volunteers v2) t
    where t.id = v.id and v.service_minutes is distinct from coalesce(t.m, 0)`);
}
