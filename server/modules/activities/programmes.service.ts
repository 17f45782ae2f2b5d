// Programme lists (项目清单): a unit drafts, publishes and withdraws its items; units below see the published
// items of the units above them (inherited) and adopt them as their own published copy. Reading needs
// activity.read, changing activity.manage on the owning unit (adopting: on the adopting unit).
import type { Db, DbOrTx } from '../../db/client';
import { programmes } from '../../db/schema/activities';
import { AppError, fieldError, notFound } from '../../platform/errors';
import { assertCan, can, scopeCodes, scopeCondition, type Principal } from '../../platform/policy';
import { audit } from '../../platform/audit';
import { decodeCursor, pageOf } from '../../platform/pagination';
import { CODE_SEGMENT_DIGITS, ROOT_CODE_DIGITS } from '../../../common/network';
import { findUnit } from '../network/units.repo';
import * as repo from './programmes.repo';
import type { Actor } from './activities.service';

export type ProgrammeFields = { title: string; topic: string; platform?: string | null; brands: string[]; description: string };

/** The codes of the units strictly above `code` (330303001001 → 330303, 330303001). */
export function ancestorCodes(code: string): string[] {
  const out: string[] = [];
  for (let n = ROOT_CODE_DIGITS; n < code.length; n += CODE_SEGMENT_DIGITS) out.push(code.slice(0, n));
  return out;
}

function inheritedCodesOf(principal: Principal): string[] {
  const mine = scopeCodes(principal, 'activity.read');
  return [...new Set(mine.flatMap(ancestorCodes))].filter((c) => !mine.some((m) => c.startsWith(m)));
}

async function loadProgramme(db: DbOrTx, id: string, lock = false): Promise<repo.ProgrammeJoined> {
  const p = await repo.findProgramme(db, id, lock);
  if (!p) throw notFound('该项目');
  return p;
}

export async function listProgrammesIn(
  db: DbOrTx,
  opts: { principal: Principal; unit?: string; topic?: string; platform?: string; status?: string; q?: string; cursor?: string; limit: number },
) {
  let underCode: string | undefined;
  let inherited = inheritedCodesOf(opts.principal);
  if (opts.unit) {
    const unit = await findUnit(db, opts.unit);
    if (!unit) throw fieldError('unit', '单位不存在');
    if (!can(opts.principal, 'activity.read', unit.code) && !inherited.includes(unit.code)) throw new AppError('forbidden');
    underCode = unit.code;
    inherited = inherited.filter((c) => c === unit.code);
  }
  const after = decodeCursor(opts.cursor, ['string', 'string', 'uuid']) as [string, string, string] | null;
  const rows = await repo.listProgrammes(db, {
    scope: scopeCondition(opts.principal, 'activity.read', programmes.unitCode),
    inheritedCodes: inherited,
    underCode,
    topic: opts.topic,
    platform: opts.platform,
    status: opts.status,
    q: opts.q,
    after,
    limit: opts.limit,
  });
  return pageOf(rows, opts.limit, (r) => [r.unitCode, r.title, r.id]);
}

export async function createProgramme(db: Db, opts: Actor & ProgrammeFields & { unitId: string }) {
  const id = await db.transaction(async (tx) => {
    const unit = await findUnit(tx, opts.unitId);
    if (!unit) throw fieldError('unitId', '单位不存在');
    assertCan(opts.principal, 'activity.manage', unit.code);
    if (unit.status !== 'active') throw fieldError('unitId', '该单位已关闭');
    const id = await repo.insertProgramme(tx, {
      unitId: unit.id,
      unitCode: unit.code,
      title: opts.title,
      topic: opts.topic,
      platform: opts.platform ?? null,
      brands: opts.brands,
      description: opts.description,
      createdAt: opts.now,
      updatedAt: opts.now,
    });
    await audit(tx, opts.actor, { action: 'programme.created', objectType: 'programme', objectId: id, unitCode: unit.code, details: { title: opts.title } });
    return id;
  });
  return loadProgramme(db, id);
}

export async function updateProgramme(db: Db, opts: Actor & Partial<ProgrammeFields> & { id: string }) {
  await db.transaction(async (tx) => {
    const p = await loadProgramme(tx, opts.id, true);
    assertCan(opts.principal, 'activity.manage', p.unitCode);
    const { principal: _p, actor: _a, now, id, ...patch } = opts;
    await repo.updateProgramme(tx, id, { ...patch, updatedAt: now });
    await audit(tx, opts.actor, { action: 'programme.updated', objectType: 'programme', objectId: id, unitCode: p.unitCode, details: { fields: Object.keys(patch) } });
  });
  return loadProgramme(db, opts.id);
}

export async function setProgrammeStatus(db: Db, opts: Actor & { id: string; to: 'published' | 'withdrawn' }) {
  await db.transaction(async (tx) => {
    const p = await loadProgramme(tx, opts.id, true);
    assertCan(opts.principal, 'activity.manage', p.unitCode);
    if (p.status === opts.to) return;
    if (opts.to === 'withdrawn' && p.status !== 'published') throw new AppError('conflict', '只有已发布的项目可以撤回');
    await repo.updateProgramme(tx, p.id, { status: opts.to, publishedAt: opts.to === 'published' ? opts.now : p.publishedAt, updatedAt: opts.now });
    await audit(tx, opts.actor, {
      action: opts.to === 'published' ? 'programme.published' : 'programme.withdrawn',
      objectType: 'programme',
      objectId: p.id,
      unitCode: p.unitCode,
    });
  });
  return loadProgramme(db, opts.id);
}

/** A unit below the programme's unit takes a published item into its own list (a published copy). */
export async function adoptProgramme(db: Db, opts: Actor & { id: string; unitId: string }) {
  const id = await db.transaction(async (tx) => {
    const unit = await findUnit(tx, opts.unitId);
    if (!unit) throw fieldError('unitId', '单位不存在');
    assertCan(opts.principal, 'activity.manage', unit.code);
    const source = await loadProgramme(tx, opts.id);
    if (source.status !== 'published') throw new AppError('conflict', '只能采用已发布的项目');
    if (!(unit.code.startsWith(source.unitCode) && unit.code !== source.unitCode)) throw fieldError('unitId', '只有下级单位可以采用该项目');
    if (await repo.adoptionExists(tx, unit.id, source.id)) throw new AppError('conflict', '该单位已采用此项目');
    const id = await repo.insertProgramme(tx, {
      unitId: unit.id,
      unitCode: unit.code,
      title: source.title,
      topic: source.topic,
      platform: source.platform,
      brands: source.brands,
      description: source.description,
      status: 'published',
      publishedAt: opts.now,
      adoptedFrom: source.id,
      createdAt: opts.now,
      updatedAt: opts.now,
    });
    await audit(tx, opts.actor, { action: 'programme.adopted', objectType: 'programme', objectId: id, unitCode: unit.code, details: { from: source.id } });
    return id;
  });
  return loadProgramme(db, id);
}
