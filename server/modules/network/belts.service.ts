// Rules for belts (实践带): a themed, ordered route of sites curated by a unit. Its stops must lie under that
// unit and appear once each. Managing a belt needs network.manage on its unit; reading it needs network.read
// on its unit or on one of its stops.
import type { Db, DbOrTx } from '../../db/client';
import { fieldError, notFound, AppError } from '../../platform/errors';
import { assertCan, can, scopeCondition, type Principal } from '../../platform/policy';
import { audit, type AuditActor } from '../../platform/audit';
import { decodeCursor, pageOf } from '../../platform/pagination';
import { belts, sites } from '../../db/schema/network';
import { codeCovers } from '../../../common/roles';
import * as repo from './belts.repo';
import { findUnit } from './units.repo';
import { changedFields } from './units.service';
import { presentBelt } from './network.presenter';

type Actor = { principal: Principal; actor: AuditActor; now: Date };

function readScopes(principal: Principal) {
  return {
    beltScope: scopeCondition(principal, 'network.read', belts.unitCode),
    siteScope: scopeCondition(principal, 'network.read', sites.unitCode),
  };
}

async function withStops(db: DbOrTx, rows: repo.BeltRow[]) {
  const stops = await repo.stopsOf(
    db,
    rows.map((b) => b.id),
  );
  return rows.map((b) => presentBelt(b, stops));
}

export async function listBeltsIn(db: DbOrTx, opts: { principal: Principal; q?: string; cursor?: string; limit: number }) {
  const after = decodeCursor(opts.cursor, ['timestamp', 'uuid']);
  const { rows, total } = await repo.listBelts(db, { ...readScopes(opts.principal), q: opts.q, after: after as [string, string] | null, limit: opts.limit });
  const page = pageOf(rows, opts.limit, (b) => [b.cursorAt, b.id]);
  return { items: await withStops(db, page.items), total, nextCursor: page.nextCursor };
}

export async function getBelt(db: DbOrTx, opts: { principal: Principal; id: string }) {
  const belt = await repo.findBelt(db, opts.id);
  if (!belt) throw notFound('该实践带');
  if (!can(opts.principal, 'network.read', belt.unitCode) && !(await repo.canSeeBelt(db, belt.id, readScopes(opts.principal)))) {
    throw new AppError('forbidden');
  }
  return (await withStops(db, [belt]))[0];
}

/** Stops must exist, be distinct and lie under the belt's unit. */
async function checkStops(db: DbOrTx, unitCode: string, siteIds: string[]): Promise<void> {
  const seen = new Set<string>();
  siteIds.forEach((id, i) => {
    if (seen.has(id)) throw fieldError(`siteIds.${i}`, '同一阵地在实践带中只能出现一次');
    seen.add(id);
  });
  const found = new Map((await repo.sitesByIds(db, siteIds)).map((s) => [s.id, s]));
  siteIds.forEach((id, i) => {
    const site = found.get(id);
    if (!site) throw fieldError(`siteIds.${i}`, '阵地不存在');
    if (!codeCovers(unitCode, site.unitCode)) throw fieldError(`siteIds.${i}`, '阵地不在该实践带所属单位的范围内');
  });
}

export async function createBelt(
  db: Db,
  opts: Actor & { name: string; theme: string; description?: string; unitId: string; siteIds?: string[] },
) {
  return db.transaction(async (tx) => {
    const unit = await findUnit(tx, opts.unitId);
    if (!unit) throw fieldError('unitId', '单位不存在');
    assertCan(opts.principal, 'network.manage', unit.code);
    await checkStops(tx, unit.code, opts.siteIds ?? []);
    const belt = await repo.insertBelt(tx, {
      name: opts.name,
      theme: opts.theme,
      description: opts.description ?? '',
      unitId: unit.id,
      unitCode: unit.code,
      createdAt: opts.now,
      updatedAt: opts.now,
    });
    await repo.replaceStops(tx, belt.id, opts.siteIds ?? []);
    await audit(tx, opts.actor, {
      action: 'network.belt_created',
      objectType: 'belt',
      objectId: belt.id,
      unitCode: unit.code,
      details: { name: belt.name, stops: opts.siteIds?.length ?? 0 },
    });
    return (await withStops(tx, [belt]))[0];
  });
}

async function loadManagedBelt(db: DbOrTx, principal: Principal, id: string) {
  const belt = await repo.findBelt(db, id, { lock: true });
  if (!belt) throw notFound('该实践带');
  assertCan(principal, 'network.manage', belt.unitCode);
  return belt;
}

export async function updateBelt(db: Db, opts: Actor & { id: string; name?: string; theme?: string; description?: string }) {
  return db.transaction(async (tx) => {
    const before = await loadManagedBelt(tx, opts.principal, opts.id);
    const patch = { name: opts.name, theme: opts.theme, description: opts.description };
    const changes = changedFields(before as Record<string, unknown>, patch);
    if (Object.keys(changes).length === 0) return (await withStops(tx, [before]))[0];
    const belt = await repo.updateBelt(tx, before.id, { ...patch, updatedAt: opts.now });
    await audit(tx, opts.actor, { action: 'network.belt_updated', objectType: 'belt', objectId: belt.id, unitCode: belt.unitCode, details: { changes } });
    return (await withStops(tx, [belt]))[0];
  });
}

export async function setBeltStops(db: Db, opts: Actor & { id: string; siteIds: string[] }) {
  return db.transaction(async (tx) => {
    const before = await loadManagedBelt(tx, opts.principal, opts.id);
    await checkStops(tx, before.unitCode, opts.siteIds);
    const previous = (await repo.stopsOf(tx, [before.id])).map((s) => s.siteId);
    await repo.replaceStops(tx, before.id, opts.siteIds);
    const belt = await repo.updateBelt(tx, before.id, { updatedAt: opts.now });
    await audit(tx, opts.actor, {
      action: 'network.belt_stops_set',
      objectType: 'belt',
      objectId: belt.id,
      unitCode: belt.unitCode,
      details: { before: previous, after: opts.siteIds },
    });
    return (await withStops(tx, [belt]))[0];
  });
}
