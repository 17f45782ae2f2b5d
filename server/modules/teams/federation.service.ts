// The district volunteer federation (区志愿者联合会): a team applies (its leader or the staff overseeing it), the
// center decides (federation.manage, district admins only), and member teams are listed publicly without any
// personal data. A rejected team may apply again.
import type { Db, DbOrTx } from '../../db/client';
import { AppError } from '../../platform/errors';
import { assertCan, scopeCondition, type Principal } from '../../platform/policy';
import { audit } from '../../platform/audit';
import { decodeCursor, pageOf } from '../../platform/pagination';
import { teams } from '../../db/schema/teams';
import * as repo from './teams.repo';
import { getManagedTeam, loadTeam, type Actor } from './teams.service';

export async function applyToFederation(db: Db, opts: Actor & { id: string; note?: string }) {
  return db.transaction(async (tx) => {
    const team = await getManagedTeam(tx, { principal: opts.principal, id: opts.id, lock: true });
    if (team.status !== 'active') throw new AppError('conflict', '该志愿服务队已解散');
    if (team.federationStatus === 'member') throw new AppError('conflict', '该队伍已是志愿者联合会成员');
    if (team.federationStatus === 'applied') throw new AppError('conflict', '已提交申请，请等待区中心审核');
    await repo.updateTeam(tx, team.id, {
      federationStatus: 'applied',
      federationAppliedAt: opts.now,
      federationDecidedAt: null,
      federationNote: opts.note || null,
      updatedAt: opts.now,
    });
    await audit(tx, opts.actor, { action: 'federation.applied', objectType: 'team', objectId: team.id, unitCode: team.unitCode, details: { note: opts.note ?? null } });
    return loadTeam(tx, team.id);
  });
}

export async function listFederationTeams(
  db: DbOrTx,
  opts: { principal: Principal; status: 'applied' | 'member' | 'rejected'; q?: string; cursor?: string; limit: number },
) {
  const after = decodeCursor(opts.cursor, ['timestamp', 'uuid']) as [string, string] | null;
  const { rows, total } = await repo.listFederation(db, {
    scope: scopeCondition(opts.principal, 'federation.manage', teams.unitCode),
    federationStatus: opts.status,
    status: opts.status === 'rejected' ? undefined : 'active',
    q: opts.q,
    after,
    limit: opts.limit,
  });
  return { ...pageOf(rows, opts.limit, (r) => [r.federationSortAt, r.id]), total };
}

export async function decideFederation(db: Db, opts: Actor & { teamId: string; decision: 'approve' | 'reject'; note?: string }) {
  return db.transaction(async (tx) => {
    const team = await loadTeam(tx, opts.teamId, true);
    assertCan(opts.principal, 'federation.manage', team.unitCode);
    if (team.federationStatus !== 'applied') throw new AppError('conflict', '该队伍没有待审核的入会申请');
    if (team.status !== 'active') throw new AppError('conflict', '该志愿服务队已解散');
    const approve = opts.decision === 'approve';
    await repo.updateTeam(tx, team.id, {
      federationStatus: approve ? 'member' : 'rejected',
      federationDecidedAt: opts.now,
      federationNote: opts.note || null,
      updatedAt: opts.now,
    });
    await audit(tx, opts.actor, {
      action: approve ? 'federation.approved' : 'federation.rejected',
      objectType: 'team',
      objectId: team.id,
      unitCode: team.unitCode,
      details: { note: opts.note ?? null },
    });
    return loadTeam(tx, team.id);
  });
}

export async function listPublicFederation(db: DbOrTx, opts: { q?: string; specialty?: string; cursor?: string; limit: number }) {
  const after = decodeCursor(opts.cursor, ['string', 'uuid']) as [string, string] | null;
  const { rows, total } = await repo.listPublicFederation(db, { q: opts.q, specialty: opts.specialty, after, limit: opts.limit });
  return { ...pageOf(rows, opts.limit, (r) => [r.name, r.id]), total };
}
