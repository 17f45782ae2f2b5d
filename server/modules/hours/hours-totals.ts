// Counting approved hours: every approval (and the supersession a correction brings) moves the monthly rollup
// (service_totals, by organizing unit, team and local month) and the volunteer's service_minutes in the caller's
// transaction, then re-checks star levels. Reports read the rollup, never the records.
import { and, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../db/client';
import { serviceTotals } from '../../db/schema/hours';
import { volunteers } from '../../db/schema/volunteers';
import { units } from '../../db/schema/network';
import { teams } from '../../db/schema/teams';
import { fieldError, AppError } from '../../platform/errors';
import { can, escapeLike, scopeCodes, type Principal } from '../../platform/policy';
import type { Notifier } from '../../platform/notify';
import { findUnit, findUnitByCode } from '../network/units.repo';
import { localParts } from '../activities/activity-time';
import type { ServiceRecordRow } from './hours-record';
import { syncStarAwards } from './stars.service';

async function bumpTotals(tx: DbOrTx, r: ServiceRecordRow, sign: 1 | -1): Promise<void> {
  await tx
    .insert(serviceTotals)
    .values({ unitId: r.unitId, unitCode: r.unitCode, teamKey: r.teamId ?? '', month: localParts(r.startedAt).month, minutes: sign * r.minutes, records: sign })
    .onConflictDoUpdate({
      target: [serviceTotals.unitId, serviceTotals.teamKey, serviceTotals.month],
      set: {
        minutes: sql`service_totals.minutes + excluded.minutes`,
        records: sql`service_totals.records + excluded.records`,
        unitCode: sql`excluded.unit_code`,
      },
    });
}

/**
 * Counts a newly approved record and un-counts the version it replaces (if it was approved), keeping the rollup,
 * the volunteer's minutes and star awards in step.
 */
export async function countApproval(tx: DbOrTx, o: { approved: ServiceRecordRow; superseded: ServiceRecordRow | null; notify: Notifier; now: Date }): Promise<void> {
  await bumpTotals(tx, o.approved, 1);
  if (o.superseded) await bumpTotals(tx, o.superseded, -1);
  const delta = o.approved.minutes - (o.superseded?.minutes ?? 0);
  const [v] = await tx
    .update(volunteers)
    .set({ serviceMinutes: sql`${volunteers.serviceMinutes} + ${delta}`, updatedAt: o.now })
    .where(eq(volunteers.id, o.approved.volunteerId))
    .returning({ id: volunteers.id, homeUnitCode: volunteers.homeUnitCode, serviceMinutes: volunteers.serviceMinutes });
  await syncStarAwards(tx, { volunteer: v, notify: o.notify, now: o.now });
}

type TotalsRow = { id: string; name: string; code?: string; minutes: number; records: number };

/** The unit the report is about: the one asked for (hours.read over it), else the top of the caller's scope. */
async function reportUnit(db: DbOrTx, principal: Principal, unitId: string | undefined) {
  if (unitId) {
    const unit = await findUnit(db, unitId);
    if (!unit) throw fieldError('unit', '单位不存在');
    if (!can(principal, 'hours.read', unit.code)) throw new AppError('forbidden');
    return unit;
  }
  const [code] = scopeCodes(principal, 'hours.read');
  const unit = code ? await findUnitByCode(db, code) : null;
  if (!unit) throw new AppError('forbidden');
  return unit;
}

/** Approved minutes and records under a unit for a month range, per direct child unit (and the unit itself) or per team. */
export async function hoursTotals(db: DbOrTx, o: { principal: Principal; unit?: string; from?: string; to?: string; by: 'unit' | 'team' }) {
  if (o.from && o.to && o.from > o.to) throw fieldError('to', '结束月份不能早于开始月份');
  const unit = await reportUnit(db, o.principal, o.unit);
  const where = and(
    sql`${serviceTotals.unitCode} like ${escapeLike(unit.code) + '%'}`,
    o.from ? gte(serviceTotals.month, o.from) : undefined,
    o.to ? lte(serviceTotals.month, o.to) : undefined,
  );
  const keyLen = unit.code.length + 3;
  // A record of the unit itself stays under its own code; deeper ones count for the child whose code they extend.
  const key = o.by === 'unit' ? sql<string>`case when ${serviceTotals.unitCode} = ${unit.code} then ${unit.code} else substr(${serviceTotals.unitCode}, 1, ${keyLen}) end` : sql<string>`${serviceTotals.teamKey}`;
  const sums = rowsOf<{ key: string; minutes: number | string; records: number | string }>(
    await db.execute(sql`select ${key} as key, coalesce(sum(${serviceTotals.minutes}), 0)::bigint as minutes, coalesce(sum(${serviceTotals.records}), 0)::int as records
      from ${serviceTotals} where ${where} group by 1`),
  ).map((r) => ({ key: r.key, minutes: Number(r.minutes), records: Number(r.records) }));
  const byKey = new Map(sums.map((s) => [s.key, s]));
  const total = { minutes: sums.reduce((a, s) => a + s.minutes, 0), records: sums.reduce((a, s) => a + s.records, 0) };

  let rows: TotalsRow[];
  if (o.by === 'unit') {
    const children = await db.select({ id: units.id, code: units.code, name: units.name, status: units.status }).from(units).where(eq(units.parentId, unit.id)).orderBy(units.code);
    rows = [unit, ...children]
      .filter((u) => u.id === unit.id || u.status === 'active' || byKey.has(u.code))
      .map((u) => ({ id: u.id, name: u.name, code: u.code, minutes: byKey.get(u.code)?.minutes ?? 0, records: byKey.get(u.code)?.records ?? 0 }));
  } else {
    const ids = sums.map((s) => s.key).filter((k) => k !== '');
    const names = new Map(
      ids.length ? (await db.select({ id: teams.id, name: teams.name }).from(teams).where(inArray(teams.id, ids))).map((t) => [t.id, t.name]) : [],
    );
    rows = sums.map((s) => ({ id: s.key, name: s.key ? names.get(s.key) ?? '' : '', minutes: s.minutes, records: s.records })).sort((a, b) => b.minutes - a.minutes || a.name.localeCompare(b.name));
  }
  return { total, rows };
}
