// Rules for sites (实践点/阵地): they belong to an active unit, their names are unique within it, each carries
// an unguessable civic-code token that can be regenerated (the old one is kept to answer "replaced").
// Authorization: reading needs network.read on the site's unit, changing needs network.manage on it (moving a
// site to another unit: on both).
import type { Db, DbOrTx } from '../../db/client';
import { AppError, fieldError, notFound } from '../../platform/errors';
import { assertCan, scopeCondition, type Principal } from '../../platform/policy';
import { audit, type AuditActor } from '../../platform/audit';
import { shortToken } from '../../platform/crypto';
import { decodeCursor, pageOf } from '../../platform/pagination';
import { sites } from '../../db/schema/network';
import type { SiteKind, SiteStatus } from '../../../common/network';
import * as repo from './sites.repo';
import { findUnit } from './units.repo';
import { assertCoordinatePair, changedFields } from './units.service';
import { conflictOn, mapUnique } from './network.errors';
import type { SiteWithUnit } from './network.presenter';

type Actor = { principal: Principal; actor: AuditActor; now: Date };
export type SiteDetails = {
  address?: string;
  lat?: number | null;
  lng?: number | null;
  openingHours?: string;
  facilities?: string[];
  capacity?: number | null;
  photos?: string[];
  contactName?: string;
  contactPhone?: string;
  intro?: string;
};

const DUPLICATE_NAME = '该单位下已有同名阵地';

export function newCivicToken(): string {
  return shortToken(12);
}

async function loadSite(db: DbOrTx, id: string, lock = false): Promise<SiteWithUnit> {
  const s = await repo.findSite(db, id, { lock });
  if (!s) throw notFound('该阵地');
  return s;
}

export async function getSite(db: DbOrTx, opts: { principal: Principal; id: string }): Promise<SiteWithUnit> {
  const s = await loadSite(db, opts.id);
  assertCan(opts.principal, 'network.read', s.unitCode);
  return s;
}

export async function listSitesIn(
  db: DbOrTx,
  opts: { principal: Principal; q?: string; unitId?: string; kind?: SiteKind; status?: SiteStatus; cursor?: string; limit: number },
) {
  let under: string | undefined;
  if (opts.unitId) {
    const unit = await findUnit(db, opts.unitId);
    if (!unit) throw fieldError('unitId', '单位不存在');
    assertCan(opts.principal, 'network.read', unit.code);
    under = unit.code;
  }
  const after = decodeCursor(opts.cursor, ['string', 'string', 'uuid']);
  const { rows, total } = await repo.listSites(db, {
    scope: scopeCondition(opts.principal, 'network.read', sites.unitCode),
    q: opts.q,
    kind: opts.kind,
    status: opts.status,
    underCode: under,
    after: after as [string, string, string] | null,
    limit: opts.limit,
  });
  return { ...pageOf(rows, opts.limit, (r) => [r.unitCode, r.name, r.id]), total };
}

async function activeUnitForSites(db: DbOrTx, principal: Principal, unitId: string) {
  const unit = await findUnit(db, unitId);
  if (!unit) throw fieldError('unitId', '单位不存在');
  assertCan(principal, 'network.manage', unit.code);
  if (unit.status !== 'active') throw fieldError('unitId', '该单位已关闭，不能新增或移入阵地');
  return unit;
}

export async function createSite(
  db: Db,
  opts: Actor & { unitId: string; name: string; kind: SiteKind; status?: SiteStatus } & SiteDetails,
): Promise<SiteWithUnit> {
  assertCoordinatePair(opts.lat, opts.lng);
  return db.transaction(async (tx) => {
    const unit = await activeUnitForSites(tx, opts.principal, opts.unitId);
    if (await repo.siteNameTaken(tx, unit.id, opts.name)) throw conflictOn('name', DUPLICATE_NAME);
    const { principal: _p, actor: _a, now, ...values } = opts;
    const row = await mapUnique(
      () => repo.insertSite(tx, { ...values, unitCode: unit.code, civicToken: newCivicToken(), createdAt: now, updatedAt: now }),
      'sites_unit_name_uq',
      'name',
      DUPLICATE_NAME,
    );
    await audit(tx, opts.actor, {
      action: 'network.site_created',
      objectType: 'site',
      objectId: row.id,
      unitCode: unit.code,
      details: { name: row.name, kind: row.kind },
    });
    return { ...row, unitName: unit.name };
  });
}

export async function updateSiteDetails(
  db: Db,
  opts: Actor & { id: string; unitId?: string; name?: string; kind?: SiteKind } & SiteDetails,
): Promise<SiteWithUnit> {
  return db.transaction(async (tx) => {
    const before = await loadSite(tx, opts.id, true);
    assertCan(opts.principal, 'network.manage', before.unitCode);
    const { principal: _p, actor: _a, now, id, ...patch } = opts;
    assertCoordinatePair(patch.lat !== undefined ? patch.lat : before.lat, patch.lng !== undefined ? patch.lng : before.lng);
    let unit = { id: before.unitId, code: before.unitCode, name: before.unitName };
    if (patch.unitId && patch.unitId !== before.unitId) unit = await activeUnitForSites(tx, opts.principal, patch.unitId);
    const name = patch.name ?? before.name;
    if ((unit.id !== before.unitId || name !== before.name) && (await repo.siteNameTaken(tx, unit.id, name, id))) {
      throw conflictOn('name', DUPLICATE_NAME);
    }
    const changes = changedFields(before as Record<string, unknown>, patch);
    if (Object.keys(changes).length === 0) return before;
    const row = await mapUnique(
      () => repo.updateSite(tx, id, { ...patch, unitId: unit.id, unitCode: unit.code, updatedAt: now }),
      'sites_unit_name_uq',
      'name',
      DUPLICATE_NAME,
    );
    await audit(tx, opts.actor, { action: 'network.site_updated', objectType: 'site', objectId: id, unitCode: unit.code, details: { changes } });
    return { ...row, unitName: unit.name };
  });
}

export async function setSiteStatus(db: Db, opts: Actor & { id: string; status: SiteStatus }): Promise<SiteWithUnit> {
  return db.transaction(async (tx) => {
    const before = await loadSite(tx, opts.id, true);
    assertCan(opts.principal, 'network.manage', before.unitCode);
    if (before.status === opts.status) return before;
    if (opts.status !== 'closed') {
      const unit = await findUnit(tx, before.unitId);
      if (unit?.status !== 'active') throw new AppError('conflict', '所属单位已关闭，阵地不能重新开放');
    }
    const row = await repo.updateSite(tx, before.id, { status: opts.status, updatedAt: opts.now });
    await audit(tx, opts.actor, {
      action: 'network.site_status_changed',
      objectType: 'site',
      objectId: before.id,
      unitCode: before.unitCode,
      details: { from: before.status, to: opts.status },
    });
    return { ...row, unitName: before.unitName };
  });
}

/** Gives the site a new civic-code token; the old one is retired so its printed QR says "replaced". */
export async function regenerateCivicCode(db: Db, opts: Actor & { id: string }): Promise<SiteWithUnit> {
  return db.transaction(async (tx) => {
    const before = await loadSite(tx, opts.id, true);
    assertCan(opts.principal, 'network.manage', before.unitCode);
    await repo.retireToken(tx, before.civicToken, before.id, opts.now);
    const row = await repo.updateSite(tx, before.id, { civicToken: newCivicToken(), updatedAt: opts.now });
    // The tokens themselves stay out of the log: the old one is in retired_civic_tokens, the new one on the site.
    await audit(tx, opts.actor, { action: 'network.civic_code_regenerated', objectType: 'site', objectId: before.id, unitCode: before.unitCode });
    return { ...row, unitName: before.unitName };
  });
}

/** The public page behind a civic code: the site, or 410 for a replaced code, or 404. */
export async function publicSiteByToken(db: DbOrTx, token: string) {
  const site = await repo.findPublicSite(db, token);
  if (site) return site;
  const retired = await repo.findRetiredToken(db, token);
  if (retired) throw new AppError('code_replaced', undefined, { siteName: retired.siteName });
  throw notFound('该文明码');
}
