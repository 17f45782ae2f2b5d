// Rules for team members: volunteers ask to join (a 'pending' row), the team's leaders or the overseeing staff
// approve or turn the request down (the volunteer gets a text message either way), change roles, remove members
// and hand over leadership. A team has exactly one leader: the leader changes only by a transfer, in one
// transaction, and cannot leave or be removed before handing over.
import type { Db, DbOrTx } from '../../db/client';
import { AppError, fieldError, notFound } from '../../platform/errors';
import { assertCan, can, requireVolunteer, type Principal } from '../../platform/policy';
import { audit } from '../../platform/audit';
import { mapUnique } from '../network/network.errors';
import { decodeCursor, pageOf } from '../../platform/pagination';
import type { SmsSender } from '../../platform/sms';
import type { TeamMemberStatus } from '../../db/schema/teams';
import * as repo from './members.repo';
import { getManagedTeam, loadTeam, publicTeamByToken, type Actor } from './teams.service';
import type { TeamWithCounts } from './teams.repo';

const OPEN: TeamMemberStatus[] = ['pending', 'active'];

async function loadMember(db: DbOrTx, teamId: string, memberId: string, lock = false) {
  const m = await repo.findMember(db, teamId, memberId, { lock });
  if (!m) throw notFound('该成员');
  return m;
}

function assertTeamActive(t: TeamWithCounts): void {
  if (t.status !== 'active') throw new AppError('conflict', '该志愿服务队已解散');
}

export async function listTeamMembers(
  db: DbOrTx,
  opts: { principal: Principal; id: string; status?: TeamMemberStatus; q?: string; cursor?: string; limit: number },
) {
  await getManagedTeam(db, { principal: opts.principal, id: opts.id });
  const after = decodeCursor(opts.cursor, ['number', 'timestamp', 'uuid']) as [number, string, string] | null;
  const { rows, total } = await repo.listMembers(db, {
    teamId: opts.id,
    statuses: opts.status ? [opts.status] : OPEN,
    q: opts.q,
    after,
    limit: opts.limit,
  });
  const rank = (role: string) => (role === 'leader' ? 0 : role === 'vice_leader' ? 1 : 2);
  return { ...pageOf(rows, opts.limit, (r) => [rank(r.role), r.requestedAtText, r.id]), total };
}

/**
 * A pending join request (team_members row) for a volunteer, or the open membership they already have. Shared
 * with registration: the volunteers module may call it in its own transaction when someone registers from a QR.
 */
export async function createJoinRequest(tx: DbOrTx, opts: { teamId: string; volunteerId: string; now: Date }): Promise<{ row: repo.MemberRow; created: boolean }> {
  const existing = await repo.findMembership(tx, opts.teamId, opts.volunteerId, { lock: true });
  if (existing && OPEN.includes(existing.status)) return { row: existing, created: false };
  const values = { role: 'member' as const, status: 'pending' as const, requestedAt: opts.now, joinedAt: null, endedAt: null, decidedBy: null, note: null };
  if (existing) return { row: await repo.updateMember(tx, existing.id, values), created: true };
  const row = await repo.insertMemberIfAbsent(tx, { teamId: opts.teamId, volunteerId: opts.volunteerId, ...values });
  // null: a simultaneous request for the same person won the insert; answer with its row.
  if (!row) return { row: (await repo.findMembership(tx, opts.teamId, opts.volunteerId))!, created: false };
  return { row, created: true };
}

export async function requestToJoin(db: Db, opts: Actor & { token: string }) {
  const volunteerId = requireVolunteer(opts.principal);
  return db.transaction(async (tx) => {
    const team = await publicTeamByToken(tx, opts.token);
    const { row, created } = await createJoinRequest(tx, { teamId: team.id, volunteerId, now: opts.now });
    if (created) {
      await audit(tx, opts.actor, { action: 'team.join_requested', objectType: 'team', objectId: team.id, unitCode: team.unitCode, details: { memberId: row.id } });
    }
    return { team, row };
  });
}

export async function decideJoinRequest(
  db: Db,
  opts: Actor & { sms: SmsSender; id: string; memberId: string; decision: 'approve' | 'reject'; note?: string },
) {
  return db.transaction(async (tx) => {
    const team = await getManagedTeam(tx, { principal: opts.principal, id: opts.id, lock: true });
    assertTeamActive(team);
    const m = await loadMember(tx, team.id, opts.memberId, true);
    if (m.status !== 'pending') throw new AppError('conflict', '该申请已处理');
    const approve = opts.decision === 'approve';
    await repo.updateMember(tx, m.id, {
      status: approve ? 'active' : 'rejected',
      joinedAt: approve ? opts.now : null,
      endedAt: approve ? null : opts.now,
      decidedBy: opts.principal.accountId,
      note: opts.note || null,
    });
    if (m.phone) {
      const text = approve
        ? `【文明实践云】${m.name}，您加入“${team.name}”的申请已通过，欢迎加入！`
        : `【文明实践云】${m.name}，您加入“${team.name}”的申请未通过${opts.note ? `：${opts.note}` : '。'}`;
      await opts.sms.send(tx, { phone: m.phone, purpose: approve ? 'team:join_approved' : 'team:join_rejected', text, unitCode: team.unitCode });
    }
    await audit(tx, opts.actor, {
      action: approve ? 'team.join_approved' : 'team.join_rejected',
      objectType: 'team',
      objectId: team.id,
      unitCode: team.unitCode,
      details: { memberId: m.id, volunteerNumber: m.number, note: opts.note ?? null },
    });
    return loadMember(tx, team.id, m.id);
  });
}

/** Staff put an existing volunteer (by volunteer number) straight into a team, e.g. from a paper sign-up sheet. */
export async function addMemberByNumber(db: Db, opts: Actor & { id: string; volunteerNumber: string; role?: 'vice_leader' | 'member' }) {
  return db.transaction(async (tx) => {
    const team = await loadTeam(tx, opts.id, true);
    assertCan(opts.principal, 'team.manage', team.unitCode);
    assertTeamActive(team);
    const v = await repo.findVolunteer(tx, { number: opts.volunteerNumber });
    if (!v || v.erasedAt || v.mergedInto) throw fieldError('volunteerNumber', '找不到该志愿者编号');
    if (v.status !== 'active' && v.status !== 'pending') throw fieldError('volunteerNumber', '该志愿者已暂停或已退出，不能加入队伍');
    const existing = await repo.findMembership(tx, team.id, v.id, { lock: true });
    if (existing?.status === 'active') throw new AppError('conflict', '该志愿者已是本队成员', { fields: [{ field: 'volunteerNumber', message: '已是本队成员' }] });
    const values = { role: opts.role ?? ('member' as const), status: 'active' as const, joinedAt: opts.now, endedAt: null, decidedBy: opts.principal.accountId, note: null };
    const row = existing
      ? await repo.updateMember(tx, existing.id, values)
      : await mapUnique(
          () => repo.insertMember(tx, { teamId: team.id, volunteerId: v.id, requestedAt: opts.now, ...values }),
          'team_members_uq',
          'volunteerNumber',
          '该志愿者已是本队成员',
        );
    await audit(tx, opts.actor, { action: 'team.member_added', objectType: 'team', objectId: team.id, unitCode: team.unitCode, details: { memberId: row.id, volunteerNumber: v.number } });
    return loadMember(tx, team.id, row.id);
  });
}

export async function changeMemberRole(db: Db, opts: Actor & { id: string; memberId: string; role: 'vice_leader' | 'member' }) {
  return db.transaction(async (tx) => {
    const team = await getManagedTeam(tx, { principal: opts.principal, id: opts.id, lock: true });
    assertTeamActive(team);
    const m = await loadMember(tx, team.id, opts.memberId, true);
    if (m.status !== 'active') throw new AppError('conflict', '只能调整在队成员的角色');
    if (m.role === 'leader') throw new AppError('conflict', '队长的角色只能通过“移交队长”改变', { fields: [{ field: 'role', message: '请先移交队长' }] });
    if (m.role === opts.role) return m;
    await repo.updateMember(tx, m.id, { role: opts.role });
    await audit(tx, opts.actor, { action: 'team.member_role_changed', objectType: 'team', objectId: team.id, unitCode: team.unitCode, details: { memberId: m.id, from: m.role, to: opts.role } });
    return loadMember(tx, team.id, m.id);
  });
}

export async function removeMember(db: Db, opts: Actor & { id: string; memberId: string; note?: string }) {
  return db.transaction(async (tx) => {
    const team = await getManagedTeam(tx, { principal: opts.principal, id: opts.id, lock: true });
    assertTeamActive(team);
    const m = await loadMember(tx, team.id, opts.memberId, true);
    if (m.status !== 'active') throw new AppError('conflict', '该志愿者不是在队成员');
    if (m.role === 'leader') throw new AppError('conflict', '不能移除队长，请先移交队长');
    await repo.updateMember(tx, m.id, { status: 'removed', endedAt: opts.now, note: opts.note || null });
    await audit(tx, opts.actor, { action: 'team.member_removed', objectType: 'team', objectId: team.id, unitCode: team.unitCode, details: { memberId: m.id, volunteerNumber: m.number, note: opts.note ?? null } });
    return loadMember(tx, team.id, m.id);
  });
}

/**
 * Makes an active member the leader; the previous leader (if any) becomes a vice leader. Staff in scope may do it
 * (also to appoint the first leader); of the team's own people only the current leader may hand over.
 */
export async function transferLeadership(db: Db, opts: Actor & { id: string; memberId: string }) {
  return db.transaction(async (tx) => {
    const team = await getManagedTeam(tx, { principal: opts.principal, id: opts.id, lock: true });
    assertTeamActive(team);
    const leaders = await repo.activeLeaders(tx, team.id);
    const isStaff = can(opts.principal, 'team.manage', team.unitCode);
    if (!isStaff && !leaders.some((l) => l.volunteerId === opts.principal.volunteerId)) throw new AppError('forbidden', '只有队长本人或管理单位可以移交队长');
    const target = await loadMember(tx, team.id, opts.memberId, true);
    if (target.status !== 'active') throw fieldError('memberId', '只能移交给在队成员');
    if (target.role === 'leader' && leaders.length === 1) return target;
    for (const l of leaders) if (l.id !== target.id) await repo.updateMember(tx, l.id, { role: 'vice_leader' });
    await repo.updateMember(tx, target.id, { role: 'leader' });
    await audit(tx, opts.actor, {
      action: 'team.leader_transferred',
      objectType: 'team',
      objectId: team.id,
      unitCode: team.unitCode,
      details: { from: leaders.map((l) => l.id), to: target.id, volunteerNumber: target.number },
    });
    return loadMember(tx, team.id, target.id);
  });
}

export async function leaveTeam(db: Db, opts: Actor & { teamId: string }) {
  const volunteerId = requireVolunteer(opts.principal);
  return db.transaction(async (tx) => {
    const team = await loadTeam(tx, opts.teamId);
    const m = await repo.findMembership(tx, team.id, volunteerId, { lock: true });
    if (!m || !OPEN.includes(m.status)) throw notFound('您在该队伍的成员记录');
    if (m.status === 'active' && m.role === 'leader') throw new AppError('conflict', '您是队长，请先把队长移交给其他成员再退出');
    const row = await repo.updateMember(tx, m.id, { status: 'left', endedAt: opts.now });
    await audit(tx, opts.actor, {
      action: m.status === 'pending' ? 'team.join_withdrawn' : 'team.member_left',
      objectType: 'team',
      objectId: team.id,
      unitCode: team.unitCode,
      details: { memberId: m.id },
    });
    return { team, row };
  });
}

export async function listMyTeams(db: DbOrTx, principal: Principal) {
  return repo.myTeams(db, requireVolunteer(principal));
}

/** The signed-in volunteer's membership of a team, for the join page (null when not a volunteer or none). */
export async function myMembership(db: DbOrTx, principal: Principal | null, teamId: string) {
  if (!principal?.volunteerId) return null;
  const row = await repo.findMembership(db, teamId, principal.volunteerId);
  return row ? { status: row.status, role: row.role } : null;
}
