// Reading qualifications and training records: the staff list of qualifications about to expire (volunteers whose
// home unit is in scope), one volunteer's records for staff, and a volunteer's own.
import type { DbOrTx } from '../../db/client';
import { notFound } from '../../platform/errors';
import { assertCan, requireVolunteer, scopeCondition, type Principal } from '../../platform/policy';
import { decodeCursor, pageOf } from '../../platform/pagination';
import { volunteers } from '../../db/schema/volunteers';
import * as school from './school.repo';
import { presentQualifications } from './training.presenter';
import { DAY_MS } from './training-time';

export async function listExpiring(db: DbOrTx, opts: { principal: Principal; now: Date; days: number; cursor?: string; limit: number }) {
  const after = decodeCursor(opts.cursor, ['timestamp', 'uuid']) as [string, string] | null;
  const { rows, total } = await school.listExpiring(db, {
    scope: scopeCondition(opts.principal, 'training.manage', volunteers.homeUnitCode),
    now: opts.now,
    until: new Date(opts.now.getTime() + opts.days * DAY_MS),
    after,
    limit: opts.limit,
  });
  return { ...pageOf(rows, opts.limit, (r) => [r.expiresAt!.toISOString(), r.id]), total };
}

export async function volunteerRecords(db: DbOrTx, opts: { principal: Principal; volunteerId: string; now: Date }) {
  const v = await school.findVolunteer(db, { id: opts.volunteerId });
  if (!v) throw notFound('该志愿者');
  assertCan(opts.principal, 'volunteer.read', v.homeUnitCode);
  return {
    volunteer: { id: v.id, number: v.number, name: v.name },
    records: await school.recordsOf(db, v.id),
    qualifications: presentQualifications(await school.qualificationsOf(db, v.id), opts.now),
  };
}

/** The volunteer's qualifications that count today: one per name (the latest grant), expired ones included. */
export async function myQualifications(db: DbOrTx, opts: { principal: Principal; now: Date }) {
  const volunteerId = requireVolunteer(opts.principal);
  const all = presentQualifications(await school.qualificationsOf(db, volunteerId), opts.now);
  return all.filter((q) => q.state !== 'revoked' && q.state !== 'renewed');
}

export async function myRecords(db: DbOrTx, opts: { principal: Principal }) {
  return school.recordsOf(db, requireVolunteer(opts.principal));
}
