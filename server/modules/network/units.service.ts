// Rules for units: codes extend their parent's, no cycles, no duplicates; moving rewrites the codes of the
// whole subtree; closing waits until nothing under the unit is open. Every change is audited in its transaction.
// Authorization: editing a unit needs network.manage on it; creating, moving, closing and reopening need it on
// the parent (moving: on the old and the new parent).
import { sql } from 'drizzle-orm';
import { rowsOf, type Db, type DbOrTx } from '../../db/client';
import { AppError, fieldError, notFound } from '../../platform/errors';
import { assertCan, scopeCodes, scopeCondition, type Principal } from '../../platform/policy';
import { audit, type AuditActor } from '../../platform/audit';
import { decodeCursor, pageOf } from '../../platform/pagination';
import { childLevelOf, unitCodeProblem, type UnitLevel, type UnitStatus } from '../../../common/network';
import { units } from '../../db/schema/network';
import * as repo from './units.repo';
import { conflictOn, mapUnique } from './network.errors';

type Actor = { principal: Principal; actor: AuditActor; now: Date };
export type UnitDetails = {
  address?: string;
  lat?: number | null;
  lng?: number | null;
  contactName?: string;
  contactPhone?: string;
  openingHours?: string;
  intro?: string;
};

const DUPLICATE_CODE = '该编码已被其他单位使用';

async function loadUnit(db: DbOrTx, id: string, lock = false): Promise<repo.UnitRow> {
  const u = await repo.findUnit(db, id, { lock });
  if (!u) throw notFound('该单位');
  return u;
}

/** Coordinates come in pairs: a point needs both, clearing needs both. */
export function assertCoordinatePair(lat: number | null | undefined, lng: number | null | undefined): void {
  if ((lat == null) !== (lng == null)) throw fieldError(lat == null ? 'lat' : 'lng', '经纬度须同时填写或同时留空');
}

export async function getUnit(db: DbOrTx, opts: { principal: Principal; id: string }): Promise<repo.UnitRow> {
  const u = await loadUnit(db, opts.id);
  assertCan(opts.principal, 'network.read', u.code);
  return u;
}

// The tree is read on every console page and changes rarely: keep it per database and scope, valid while the
// network version (bumped by a trigger on any unit or site change, see migration 0003) is unchanged.
type CachedTree = { version: number; rows: repo.TreeRow[] };
const treeCache = new WeakMap<object, Map<string, CachedTree>>();

async function cachedTreeRows(db: DbOrTx, principal: Principal): Promise<repo.TreeRow[]> {
  const key = scopeCodes(principal, 'network.read').join(',');
  const [{ version }] = rowsOf<{ version: number }>(await db.execute(sql`select version::int as version from network_state where id = 1`));
  let perDb = treeCache.get(db);
  if (!perDb) treeCache.set(db, (perDb = new Map()));
  const hit = perDb.get(key);
  if (hit && hit.version === version) return hit.rows;
  const rows = await repo.unitTree(db, scopeCondition(principal, 'network.read', units.code));
  if (perDb.size > 500) perDb.clear(); // scopes are few; this only bounds memory against odd grant mixes
  perDb.set(key, { version, rows });
  return rows;
}

export async function unitTreeOf(db: DbOrTx, opts: { principal: Principal }) {
  const rows = await cachedTreeRows(db, opts.principal);
  // Subtree totals from the own counts, child to ancestor, in memory: the list is at most a district's units.
  const byId = new Map(rows.map((r) => [r.id, { ...r, subtreeSiteCount: r.siteCount }]));
  for (const r of [...rows].sort((a, b) => b.code.length - a.code.length)) {
    const parent = r.parentId ? byId.get(r.parentId) : undefined;
    if (parent) parent.subtreeSiteCount += byId.get(r.id)!.subtreeSiteCount;
  }
  return [...byId.values()];
}

export async function listUnitsIn(
  db: DbOrTx,
  opts: { principal: Principal; q?: string; level?: UnitLevel; status?: UnitStatus; under?: string; cursor?: string; limit: number },
) {
  let under: string | undefined;
  if (opts.under) under = (await getUnit(db, { principal: opts.principal, id: opts.under })).code;
  const after = decodeCursor(opts.cursor, 1);
  const { rows, total } = await repo.listUnits(db, {
    scope: scopeCondition(opts.principal, 'network.read', units.code),
    q: opts.q,
    level: opts.level,
    status: opts.status,
    underCode: under,
    afterCode: after ? String(after[0]) : null,
    limit: opts.limit,
  });
  return { ...pageOf(rows, opts.limit, (r) => [r.code]), total };
}

export async function createUnit(db: Db, opts: Actor & { parentId: string; code: string; name: string } & UnitDetails) {
  assertCoordinatePair(opts.lat, opts.lng);
  return db.transaction(async (tx) => {
    const parent = await repo.findUnit(tx, opts.parentId);
    if (!parent) throw fieldError('parentId', '上级单位不存在');
    assertCan(opts.principal, 'network.manage', parent.code);
    const level = childLevelOf[parent.level];
    if (!level) throw fieldError('parentId', '实践站下不能再设下级单位');
    if (parent.status !== 'active') throw fieldError('parentId', '上级单位已关闭，不能新增下级单位');
    const problem = unitCodeProblem(opts.code, parent);
    if (problem) throw fieldError('code', problem);
    if (await repo.findUnitByCode(tx, opts.code)) throw conflictOn('code', DUPLICATE_CODE);
    const { principal: _p, actor: _a, now, parentId, ...values } = opts;
    const row = await mapUnique(
      () => repo.insertUnit(tx, { ...values, parentId, level, createdAt: now, updatedAt: now }),
      'units_code_uq',
      'code',
      DUPLICATE_CODE,
    );
    await audit(tx, opts.actor, {
      action: 'network.unit_created',
      objectType: 'unit',
      objectId: row.id,
      unitCode: row.code,
      details: { code: row.code, name: row.name, level, parentCode: parent.code },
    });
    return row;
  });
}

export async function updateUnitDetails(db: Db, opts: Actor & { id: string; name?: string } & UnitDetails) {
  return db.transaction(async (tx) => {
    const before = await loadUnit(tx, opts.id, true);
    assertCan(opts.principal, 'network.manage', before.code);
    const { principal: _p, actor: _a, now, id, ...patch } = opts;
    assertCoordinatePair(patch.lat !== undefined ? patch.lat : before.lat, patch.lng !== undefined ? patch.lng : before.lng);
    const changes = changedFields(before, patch);
    if (Object.keys(changes).length === 0) return before;
    const row = await repo.updateUnit(tx, id, { ...patch, updatedAt: now });
    await audit(tx, opts.actor, { action: 'network.unit_updated', objectType: 'unit', objectId: id, unitCode: row.code, details: { changes } });
    return row;
  });
}

/** Field → [before, after] for the fields a patch really changes. */
export function changedFields<T extends Record<string, unknown>>(before: T, patch: Partial<T>): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) continue;
    if (JSON.stringify(before[k]) !== JSON.stringify(v)) out[k] = [before[k], v];
  }
  return out;
}

export async function moveUnit(db: Db, opts: Actor & { id: string; parentId: string; code: string }) {
  return db.transaction(async (tx) => {
    const unit = await loadUnit(tx, opts.id, true);
    if (!unit.parentId) throw fieldError('parentId', '中心是网络的根，不能移动');
    const oldParent = await loadUnit(tx, unit.parentId);
    assertCan(opts.principal, 'network.manage', oldParent.code);
    const parent = await repo.findUnit(tx, opts.parentId);
    if (!parent) throw fieldError('parentId', '目标上级单位不存在');
    assertCan(opts.principal, 'network.manage', parent.code);
    if (parent.code.startsWith(unit.code)) throw fieldError('parentId', '不能移动到自身或其下级单位之下');
    if (childLevelOf[parent.level] !== unit.level) throw fieldError('parentId', '目标上级单位的层级不符（移动不改变单位层级）');
    if (parent.status !== 'active') throw fieldError('parentId', '目标上级单位已关闭');
    const problem = unitCodeProblem(opts.code, parent);
    if (problem) throw fieldError('code', problem);
    if (parent.id === oldParent.id && opts.code === unit.code) return unit; // nothing to do
    if (await repo.codeRangeTaken(tx, opts.code, unit.code)) throw conflictOn('code', DUPLICATE_CODE);
    const moved = await mapUnique(() => repo.recodeSubtree(tx, unit.code, opts.code, opts.now), 'units_code_uq', 'code', DUPLICATE_CODE);
    const row = await repo.updateUnit(tx, unit.id, { parentId: parent.id, updatedAt: opts.now });
    await audit(tx, opts.actor, {
      action: 'network.unit_moved',
      objectType: 'unit',
      objectId: unit.id,
      unitCode: row.code,
      details: { fromCode: unit.code, toCode: row.code, fromParentCode: oldParent.code, toParentCode: parent.code, unitsRecoded: moved },
    });
    return row;
  });
}

export async function setUnitStatus(db: Db, opts: Actor & { id: string; status: UnitStatus }) {
  return db.transaction(async (tx) => {
    const unit = await loadUnit(tx, opts.id, true);
    if (!unit.parentId) throw new AppError('conflict', '中心是网络的根，不能关闭或恢复');
    const parent = await loadUnit(tx, unit.parentId);
    assertCan(opts.principal, 'network.manage', parent.code);
    if (unit.status === opts.status) return unit;
    if (opts.status === 'closed') {
      const { openSites, activeChildren } = await repo.closeBlockers(tx, unit.id);
      if (openSites > 0 || activeChildren > 0) {
        const parts = [activeChildren ? `${activeChildren} 个运行中的下级单位` : '', openSites ? `${openSites} 个未关闭的阵地` : ''].filter(Boolean);
        throw new AppError('conflict', `该单位还有${parts.join('和')}，请先关闭或移走后再关闭本单位`, { openSites, activeChildren });
      }
    } else if (parent.status !== 'active') {
      throw new AppError('conflict', '上级单位已关闭，请先恢复上级单位');
    }
    const row = await repo.updateUnit(tx, unit.id, { status: opts.status, updatedAt: opts.now });
    await audit(tx, opts.actor, {
      action: opts.status === 'closed' ? 'network.unit_closed' : 'network.unit_reopened',
      objectType: 'unit',
      objectId: unit.id,
      unitCode: unit.code,
    });
    return row;
  });
}
