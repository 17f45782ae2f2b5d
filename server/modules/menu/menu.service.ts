// Rules for the service menu (服务菜单): a unit drafts items, publishes and withdraws them (withdrawn can be
// published again). An item's team and sites must lie in the item's unit or below it; staff need menu.manage on
// the item's unit for everything, lists are cut to their scope. The public menu of a site is its own items plus
// the whole-unit items of its unit and the units above.
import type { Db, DbOrTx } from '../../db/client';
import { menuItems } from '../../db/schema/orders';
import { AppError, fieldError, notFound } from '../../platform/errors';
import { assertCan, scopeCondition, type Principal } from '../../platform/policy';
import { audit, type AuditActor } from '../../platform/audit';
import { decodeCursor, pageOf } from '../../platform/pagination';
import { codeCovers } from '../../../common/roles';
import { findUnit } from '../network/units.repo';
import { publicSiteByToken } from '../network/sites.service';
import { findTeam } from '../teams/teams.repo';
import { ancestorCodes } from '../activities/programmes.service';
import * as repo from './menu.repo';
import type { MenuCreateBody, MenuPatchBody } from './menu.schemas';

export type Actor = { principal: Principal; actor: AuditActor; now: Date };
// A site's menu is short by nature; this only bounds the answer.
const PUBLIC_MENU_MAX = 200;

async function loadItem(db: DbOrTx, id: string, lock = false): Promise<repo.MenuItemJoined> {
  const item = await repo.findMenuItem(db, id, lock);
  if (!item) throw notFound('该服务项目');
  return item;
}

async function checkTeam(db: DbOrTx, teamId: string | null | undefined, unitCode: string): Promise<void> {
  if (!teamId) return;
  const team = await findTeam(db, teamId);
  if (!team || !codeCovers(unitCode, team.unitCode)) throw fieldError('teamId', '队伍不存在或不属于本单位及下级单位');
  if (team.status !== 'active') throw fieldError('teamId', '该队伍已解散');
}

/** The site ids, de-duplicated; each must be a site (not closed) of the unit or a unit under it. */
async function checkSites(db: DbOrTx, siteIds: string[] | undefined, unitCode: string): Promise<string[] | undefined> {
  if (!siteIds) return undefined;
  const ids = [...new Set(siteIds)];
  const found = new Map((await repo.sitesByIds(db, ids)).map((s) => [s.id, s]));
  for (const id of ids) {
    const s = found.get(id);
    if (!s || !codeCovers(unitCode, s.unitCode)) throw fieldError('siteIds', '阵地不存在或不属于本单位及下级单位');
    if (s.status === 'closed') throw fieldError('siteIds', '所选阵地已关闭');
  }
  return ids;
}

export async function getMenuItem(db: DbOrTx, opts: { principal: Principal; id: string }) {
  const item = await loadItem(db, opts.id);
  assertCan(opts.principal, 'menu.manage', item.unitCode);
  return item;
}

export async function listMenuItemsIn(
  db: DbOrTx,
  opts: { principal: Principal; unit?: string; status?: string; category?: string; q?: string; cursor?: string; limit: number },
) {
  let underCode: string | undefined;
  if (opts.unit) {
    const unit = await findUnit(db, opts.unit);
    if (!unit) throw fieldError('unit', '单位不存在');
    assertCan(opts.principal, 'menu.manage', unit.code);
    underCode = unit.code;
  }
  const after = decodeCursor(opts.cursor, ['timestamp', 'uuid']) as [string, string] | null;
  const rows = await repo.listMenuItems(db, {
    scope: scopeCondition(opts.principal, 'menu.manage', menuItems.unitCode),
    underCode,
    status: opts.status,
    category: opts.category,
    q: opts.q,
    after,
    limit: opts.limit,
  });
  return pageOf(rows, opts.limit, (r) => [r.updatedAt.toISOString(), r.id]);
}

export async function createMenuItem(db: Db, opts: Actor & MenuCreateBody) {
  const id = await db.transaction(async (tx) => {
    const unit = await findUnit(tx, opts.unitId);
    if (!unit) throw fieldError('unitId', '单位不存在');
    assertCan(opts.principal, 'menu.manage', unit.code);
    if (unit.status !== 'active') throw fieldError('unitId', '该单位已关闭');
    await checkTeam(tx, opts.teamId, unit.code);
    const siteIds = (await checkSites(tx, opts.siteIds, unit.code)) ?? [];
    const id = await repo.insertMenuItem(tx, {
      unitId: unit.id,
      unitCode: unit.code,
      teamId: opts.teamId ?? null,
      title: opts.title,
      category: opts.category,
      description: opts.description ?? '',
      provider: opts.provider ?? '',
      siteIds,
      availability: opts.availability ?? '',
      weeklyQuota: opts.weeklyQuota ?? null,
      homeVisit: opts.homeVisit ?? false,
      createdBy: opts.principal.accountId,
      createdAt: opts.now,
      updatedAt: opts.now,
    });
    await audit(tx, opts.actor, { action: 'menu_item.created', objectType: 'menu_item', objectId: id, unitCode: unit.code, details: { title: opts.title, category: opts.category } });
    return id;
  });
  return loadItem(db, id);
}

export async function updateMenuItem(db: Db, opts: Actor & MenuPatchBody & { id: string }) {
  await db.transaction(async (tx) => {
    const item = await loadItem(tx, opts.id, true);
    assertCan(opts.principal, 'menu.manage', item.unitCode);
    const { principal: _p, actor: _a, now, id, ...patch } = opts;
    if (patch.teamId !== undefined) await checkTeam(tx, patch.teamId, item.unitCode);
    const siteIds = await checkSites(tx, patch.siteIds, item.unitCode);
    const fields = Object.keys(patch).filter((k) => patch[k as keyof typeof patch] !== undefined);
    if (fields.length === 0) return;
    await repo.updateMenuItem(tx, id, { ...patch, ...(siteIds ? { siteIds } : {}), updatedAt: now });
    await audit(tx, opts.actor, { action: 'menu_item.updated', objectType: 'menu_item', objectId: id, unitCode: item.unitCode, details: { fields } });
  });
  return loadItem(db, opts.id);
}

export async function setMenuItemStatus(db: Db, opts: Actor & { id: string; to: 'published' | 'withdrawn' }) {
  await db.transaction(async (tx) => {
    const item = await loadItem(tx, opts.id, true);
    assertCan(opts.principal, 'menu.manage', item.unitCode);
    if (item.status === opts.to) return;
    if (opts.to === 'withdrawn' && item.status !== 'published') throw new AppError('conflict', '只有已发布的服务项目可以撤回');
    if (opts.to === 'published') {
      // A unit closed since the draft was written publishes nothing.
      const unit = await findUnit(tx, item.unitId);
      if (unit?.status !== 'active') throw new AppError('conflict', '所属单位已关闭，不能发布');
    }
    await repo.updateMenuItem(tx, item.id, { status: opts.to, publishedAt: opts.to === 'published' ? opts.now : item.publishedAt, updatedAt: opts.now });
    await audit(tx, opts.actor, {
      action: opts.to === 'published' ? 'menu_item.published' : 'menu_item.withdrawn',
      objectType: 'menu_item',
      objectId: item.id,
      unitCode: item.unitCode,
    });
  });
  return loadItem(db, opts.id);
}

/** The published menu behind a civic code; a replaced code answers 410 and an unknown one 404, like the site page. */
export async function publicMenuByToken(db: DbOrTx, token: string) {
  const site = await publicSiteByToken(db, token);
  const unitCodes = [...ancestorCodes(site.unitCode), site.unitCode];
  return repo.publishedMenuAt(db, { id: site.id, unitCodes }, PUBLIC_MENU_MAX);
}
