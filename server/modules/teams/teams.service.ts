// Rules for teams (志愿服务队): a team belongs to an active unit, or to an outside organization (government unit,
// school, company, social organization) overseen by a unit; names are unique district-wide; each carries an
// unguessable join token (its QR code) that can be regenerated. Staff with team.manage on the unit create, edit
// and dissolve teams; the team's own leaders may edit its introduction, contact and logo and renew its join code.
import type { Db, DbOrTx } from '../../db/client';
import { AppError, fieldError, notFound } from '../../platform/errors';
import { assertCan, assertCanManageTeam, scopeCondition, type Principal } from '../../platform/policy';
import { audit, type AuditActor } from '../../platform/audit';
import { shortToken } from '../../platform/crypto';
import { decodeCursor, pageOf } from '../../platform/pagination';
import { teams } from '../../db/schema/teams';
import { or, inArray, type SQL } from 'drizzle-orm';
import type { OrgType, TeamKind, TeamSpecialty } from '../../../common/team-specialties';
import { findUnit } from '../network/units.repo';
import { conflictOn, mapUnique } from '../network/network.errors';
import { changedFields } from '../network/units.service';
import * as repo from './teams.repo';
import { endAllMemberships } from './members.repo';
import type { TeamFilter, TeamWithCounts } from './teams.repo';

export type Actor = { principal: Principal; actor: AuditActor; now: Date };
const DUPLICATE_NAME = '已有同名的志愿服务队';

export function newJoinToken(): string {
  return shortToken(12);
}

export async function loadTeam(db: DbOrTx, id: string, lock = false): Promise<TeamWithCounts> {
  const t = await repo.findTeam(db, id, { lock });
  if (!t) throw notFound('该志愿服务队');
  return t;
}

/** A team the principal manages (staff in scope or its leader); 404 before 403 would leak nothing more here. */
export async function getManagedTeam(db: DbOrTx, opts: { principal: Principal; id: string; lock?: boolean }): Promise<TeamWithCounts> {
  const t = await loadTeam(db, opts.id, opts.lock);
  assertCanManageTeam(opts.principal, t);
  return t;
}

function assertActive(t: TeamWithCounts): void {
  if (t.status !== 'active') throw new AppError('conflict', '该志愿服务队已解散');
}

/** Teams the principal may see in lists: those of units in their team.manage scope, plus the teams they lead. */
export function teamListScope(principal: Principal): SQL {
  const led = principal.teamsLed ?? [];
  const staff = scopeCondition(principal, 'team.manage', teams.unitCode);
  return led.length ? or(staff, inArray(teams.id, led))! : staff;
}

async function filterFor(db: DbOrTx, principal: Principal, f: Omit<TeamFilter, 'scope' | 'underCode'> & { unitId?: string }): Promise<TeamFilter> {
  const { unitId, ...rest } = f;
  let under: string | undefined;
  if (unitId) {
    const unit = await findUnit(db, unitId);
    if (!unit) throw fieldError('unitId', '单位不存在');
    assertCan(principal, 'team.manage', unit.code);
    under = unit.code;
  }
  return { ...rest, underCode: under, scope: teamListScope(principal) };
}

export type TeamListFilter = Omit<TeamFilter, 'scope' | 'underCode'> & { unitId?: string };

export async function listTeamsIn(db: DbOrTx, opts: { principal: Principal; cursor?: string; limit: number } & TeamListFilter) {
  const { principal, cursor, limit, ...f } = opts;
  const filter = await filterFor(db, principal, f);
  const after = decodeCursor(cursor, ['string', 'string', 'uuid']) as [string, string, string] | null;
  const { rows, total } = await repo.listTeams(db, { ...filter, after, limit });
  return { ...pageOf(rows, limit, (r) => [r.unitCode, r.name, r.id]), total };
}

export async function teamsForExport(db: DbOrTx, opts: { principal: Principal } & TeamListFilter): Promise<TeamWithCounts[]> {
  const { principal, ...f } = opts;
  return repo.allTeams(db, await filterFor(db, principal, f));
}

async function activeUnitForTeams(db: DbOrTx, principal: Principal, unitId: string) {
  const unit = await findUnit(db, unitId);
  if (!unit) throw fieldError('unitId', '单位不存在');
  assertCan(principal, 'team.manage', unit.code);
  if (unit.status !== 'active') throw fieldError('unitId', '该单位已关闭，不能新建或移入志愿服务队');
  return unit;
}

/** An organization team names its organization and type; a unit team has neither. */
function organizationFields(kind: TeamKind, orgName: string | null | undefined, orgType: OrgType | null | undefined) {
  if (kind === 'unit') return { orgName: null, orgType: null };
  if (!orgName) throw fieldError('orgName', '外部组织的队伍须填写组织名称');
  if (!orgType) throw fieldError('orgType', '外部组织的队伍须选择组织类型');
  return { orgName, orgType };
}

export type TeamDetails = { specialty?: TeamSpecialty; intro?: string; contactName?: string; contactPhone?: string };

export async function createTeam(
  db: Db,
  opts: Actor & { name: string; kind: TeamKind; unitId: string; orgName?: string; orgType?: OrgType } & TeamDetails & { specialty: TeamSpecialty },
): Promise<TeamWithCounts> {
  return db.transaction(async (tx) => {
    const unit = await activeUnitForTeams(tx, opts.principal, opts.unitId);
    const org = organizationFields(opts.kind, opts.orgName, opts.orgType);
    if (await repo.teamNameTaken(tx, opts.name)) throw conflictOn('name', DUPLICATE_NAME);
    const row = await mapUnique(
      () =>
        repo.insertTeam(tx, {
          name: opts.name,
          kind: opts.kind,
          unitId: unit.id,
          unitCode: unit.code,
          ...org,
          specialty: opts.specialty,
          intro: opts.intro ?? '',
          contactName: opts.contactName ?? '',
          contactPhone: opts.contactPhone ?? '',
          joinToken: newJoinToken(),
          createdAt: opts.now,
          updatedAt: opts.now,
        }),
      'teams_name_uq',
      'name',
      DUPLICATE_NAME,
    );
    await audit(tx, opts.actor, { action: 'team.created', objectType: 'team', objectId: row.id, unitCode: unit.code, details: { name: row.name, kind: row.kind } });
    return loadTeam(tx, row.id);
  });
}

// Fields a team's own leader may change; the rest (name, unit, kind, organization) are the overseeing staff's.
const LEADER_FIELDS = new Set(['intro', 'contactName', 'contactPhone', 'specialty']);

export async function updateTeamDetails(
  db: Db,
  opts: Actor & { id: string; name?: string; kind?: TeamKind; unitId?: string; orgName?: string | null; orgType?: OrgType | null } & TeamDetails,
): Promise<TeamWithCounts> {
  return db.transaction(async (tx) => {
    const before = await getManagedTeam(tx, { principal: opts.principal, id: opts.id, lock: true });
    assertActive(before);
    const { principal, actor: _a, now, id, ...patch } = opts;
    const changes = changedFields(before as unknown as Record<string, unknown>, patch);
    if (Object.keys(changes).some((k) => !LEADER_FIELDS.has(k))) assertCan(principal, 'team.manage', before.unitCode);
    if (Object.keys(changes).length === 0) return before;
    let unit = { id: before.unitId, code: before.unitCode };
    if (patch.unitId && patch.unitId !== before.unitId) unit = await activeUnitForTeams(tx, principal, patch.unitId);
    const kind = patch.kind ?? before.kind;
    const org = organizationFields(
      kind,
      patch.orgName !== undefined ? patch.orgName : before.orgName,
      patch.orgType !== undefined ? patch.orgType : (before.orgType as OrgType | null),
    );
    if (patch.name && patch.name !== before.name && (await repo.teamNameTaken(tx, patch.name, id))) throw conflictOn('name', DUPLICATE_NAME);
    await mapUnique(
      () => repo.updateTeam(tx, id, { ...patch, kind, ...org, unitId: unit.id, unitCode: unit.code, updatedAt: now }),
      'teams_name_uq',
      'name',
      DUPLICATE_NAME,
    );
    await audit(tx, opts.actor, { action: 'team.updated', objectType: 'team', objectId: id, unitCode: unit.code, details: { changes } });
    return loadTeam(tx, id);
  });
}

/** Dissolves a team: it leaves lists of active teams and the federation; open memberships and requests end. */
export async function dissolveTeam(db: Db, opts: Actor & { id: string; note?: string }): Promise<TeamWithCounts> {
  return db.transaction(async (tx) => {
    const before = await loadTeam(tx, opts.id, true);
    assertCan(opts.principal, 'team.manage', before.unitCode);
    assertActive(before);
    const ended = await endAllMemberships(tx, before.id, opts.now, opts.note || '队伍已解散');
    await repo.updateTeam(tx, before.id, {
      status: 'dissolved',
      federationStatus: before.federationStatus === 'none' ? 'none' : 'rejected',
      federationNote: before.federationStatus === 'none' ? before.federationNote : '队伍已解散',
      updatedAt: opts.now,
    });
    await audit(tx, opts.actor, {
      action: 'team.dissolved',
      objectType: 'team',
      objectId: before.id,
      unitCode: before.unitCode,
      details: { name: before.name, membershipsEnded: ended, note: opts.note ?? null },
    });
    return loadTeam(tx, before.id);
  });
}

/** A new join token: the printed QR code stops working (its page answers "not found"). */
export async function regenerateJoinToken(db: Db, opts: Actor & { id: string }): Promise<TeamWithCounts> {
  return db.transaction(async (tx) => {
    const before = await getManagedTeam(tx, { principal: opts.principal, id: opts.id, lock: true });
    assertActive(before);
    await repo.updateTeam(tx, before.id, { joinToken: newJoinToken(), updatedAt: opts.now });
    await audit(tx, opts.actor, { action: 'team.join_code_regenerated', objectType: 'team', objectId: before.id, unitCode: before.unitCode });
    return loadTeam(tx, before.id);
  });
}

const LOGO_TYPES: Record<string, (b: Buffer) => boolean> = {
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/webp': (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
};

/** The image type by its first bytes (the declared type is not trusted), or null. */
export function sniffImage(data: Buffer): string | null {
  return Object.keys(LOGO_TYPES).find((mime) => LOGO_TYPES[mime](data)) ?? null;
}

export async function setTeamLogo(db: Db, opts: Actor & { id: string; data: Buffer }): Promise<TeamWithCounts> {
  const mime = sniffImage(opts.data);
  if (!mime) throw fieldError('file', '请上传 PNG、JPEG 或 WebP 图片');
  return db.transaction(async (tx) => {
    const team = await getManagedTeam(tx, { principal: opts.principal, id: opts.id, lock: true });
    assertActive(team);
    await repo.putLogo(tx, team.id, mime, opts.data, opts.now);
    await repo.updateTeam(tx, team.id, { updatedAt: opts.now });
    await audit(tx, opts.actor, { action: 'team.logo_changed', objectType: 'team', objectId: team.id, unitCode: team.unitCode, details: { bytes: opts.data.length, mime } });
    return loadTeam(tx, team.id);
  });
}

export async function teamLogo(db: DbOrTx, teamId: string): Promise<{ mime: string; data: Buffer; updatedAt: Date }> {
  const logo = await repo.findLogo(db, teamId);
  if (!logo) throw notFound('该队伍的队徽');
  return { ...logo, data: Buffer.from(logo.data) };
}

/** The public card behind a join QR code (active teams only; a regenerated or unknown token is 404). */
export async function publicTeamByToken(db: DbOrTx, token: string): Promise<TeamWithCounts> {
  const t = await repo.findTeamByToken(db, token);
  if (!t || t.status !== 'active') throw notFound('该志愿服务队（二维码可能已更换）');
  return t;
}
