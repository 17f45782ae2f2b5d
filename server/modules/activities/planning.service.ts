// The center's monthly themes (月度主题) and per-unit settings. Themes are set by theme.manage on the center and
// read by any staff of its district; a theme an activity uses cannot be deleted. A unit's review setting is
// decided by the level above it (activity.manage on the parent unit).
import type { Db, DbOrTx } from '../../db/client';
import { AppError, fieldError, notFound } from '../../platform/errors';
import { assertCan, scopeCodes, type Principal } from '../../platform/policy';
import { audit } from '../../platform/audit';
import { ROOT_CODE_DIGITS } from '../../../common/network';
import { findUnit, findUnitByCode } from '../network/units.repo';
import * as repo from './programmes.repo';
import type { Actor } from './activities.service';

export async function listThemesFor(db: DbOrTx, opts: { principal: Principal; from?: string; to?: string }) {
  const roots = [...new Set(opts.principal.grants.map((g) => g.unitCode.slice(0, ROOT_CODE_DIGITS)))];
  return repo.listThemes(db, { centerCodes: roots, from: opts.from, to: opts.to });
}

/** The center a theme change is about: the one named, or the caller's own (their theme.manage grant). */
async function centerFor(db: DbOrTx, principal: Principal, unitId?: string) {
  if (unitId) {
    const unit = await findUnit(db, unitId);
    if (!unit) throw fieldError('unitId', '单位不存在');
    if (unit.level !== 'center') throw fieldError('unitId', '月度主题由中心设置');
    assertCan(principal, 'theme.manage', unit.code);
    return unit;
  }
  const [code] = scopeCodes(principal, 'theme.manage');
  if (!code) throw new AppError('forbidden');
  const center = await findUnitByCode(db, code.slice(0, ROOT_CODE_DIGITS));
  if (!center) throw notFound('中心');
  assertCan(principal, 'theme.manage', center.code);
  return center;
}

export async function putTheme(db: Db, opts: Actor & { month: string; title: string; description: string; unitId?: string }) {
  return db.transaction(async (tx) => {
    const center = await centerFor(tx, opts.principal, opts.unitId);
    const before = await repo.findThemeOf(tx, center.id, opts.month);
    const row = await repo.upsertTheme(tx, { unitId: center.id, month: opts.month, title: opts.title, description: opts.description, createdAt: opts.now });
    await audit(tx, opts.actor, {
      action: before ? 'theme.updated' : 'theme.created',
      objectType: 'monthly_theme',
      objectId: row.id,
      unitCode: center.code,
      details: { month: opts.month, title: opts.title },
    });
    return { ...row, unitCode: center.code, unitName: center.name, unitLevel: center.level };
  });
}

export async function deleteTheme(db: Db, opts: Actor & { month: string; unitId?: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const center = await centerFor(tx, opts.principal, opts.unitId);
    const theme = await repo.findThemeOf(tx, center.id, opts.month);
    if (!theme) throw notFound('该月主题');
    const used = await repo.themeInUse(tx, theme.id);
    if (used > 0) throw new AppError('conflict', `已有 ${used} 个活动使用该主题，不能删除`, { activities: used });
    await repo.deleteTheme(tx, theme.id);
    await audit(tx, opts.actor, { action: 'theme.deleted', objectType: 'monthly_theme', objectId: theme.id, unitCode: center.code, details: { month: opts.month, title: theme.title } });
  });
}

export async function getUnitSettings(db: DbOrTx, opts: { principal: Principal; unitId: string }) {
  const unit = await findUnit(db, opts.unitId);
  if (!unit) throw notFound('该单位');
  assertCan(opts.principal, 'activity.read', unit.code);
  return repo.getSettings(db, unit.id);
}

export async function putUnitSettings(db: Db, opts: Actor & { unitId: string; activityReview: boolean }) {
  return db.transaction(async (tx) => {
    const unit = await findUnit(tx, opts.unitId);
    if (!unit) throw notFound('该单位');
    const parent = unit.parentId ? await findUnit(tx, unit.parentId) : null;
    // The level above decides; the center has none, so nobody can make it ask for review.
    if (!parent) throw new AppError('forbidden', '中心没有上级单位，不设审核');
    assertCan(opts.principal, 'activity.manage', parent.code);
    const before = await repo.getSettings(tx, unit.id);
    await repo.putSettings(tx, unit.id, opts.activityReview, opts.now);
    await audit(tx, opts.actor, {
      action: 'unit.settings_changed',
      objectType: 'unit',
      objectId: unit.id,
      unitCode: unit.code,
      details: { activityReview: { from: before.activityReview, to: opts.activityReview } },
    });
    return { activityReview: opts.activityReview };
  });
}
