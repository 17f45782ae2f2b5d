// Checks on what an activity points at: its organizing unit (in the caller's scope, active), team and site (in
// scope too), programme (the unit's own or a published one of a unit above it) and monthly theme (the district
// center's theme of the activity's own month). Each refusal names the field.
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { programmes } from '../../db/schema/activities';
import { fieldError } from '../../platform/errors';
import { assertCan, can, type Principal } from '../../platform/policy';
import { codeCovers } from '../../../common/roles';
import { ROOT_CODE_DIGITS } from '../../../common/network';
import { findUnit, findUnitByCode } from '../network/units.repo';
import { findSite } from '../network/sites.repo';
import { findTeam } from '../teams/teams.repo';
import { localParts } from './activity-time';
import { findTheme, themesOf } from './activities.repo';

export const MAX_LENGTH_MS = 7 * 86_400_000;

export function checkTimes(startsAt: Date, endsAt: Date): void {
  if (endsAt.getTime() <= startsAt.getTime()) throw fieldError('endsAt', '结束时间须晚于开始时间');
  if (endsAt.getTime() - startsAt.getTime() > MAX_LENGTH_MS) throw fieldError('endsAt', '一次活动最长 7 天');
}

export async function organizingUnit(db: DbOrTx, principal: Principal, unitId: string) {
  const unit = await findUnit(db, unitId);
  if (!unit) throw fieldError('unitId', '单位不存在');
  assertCan(principal, 'activity.manage', unit.code);
  if (unit.status !== 'active') throw fieldError('unitId', '该单位已关闭，不能组织活动');
  return unit;
}

export async function checkTeam(db: DbOrTx, principal: Principal, teamId: string | null | undefined): Promise<void> {
  if (!teamId) return;
  const team = await findTeam(db, teamId);
  if (!team || !can(principal, 'activity.manage', team.unitCode)) throw fieldError('teamId', '队伍不存在或不在您的管辖范围内');
  if (team.status !== 'active') throw fieldError('teamId', '该队伍已解散');
}

export async function checkSite(db: DbOrTx, principal: Principal, siteId: string | null | undefined): Promise<void> {
  if (!siteId) return;
  const site = await findSite(db, siteId);
  if (!site || !can(principal, 'activity.manage', site.unitCode)) throw fieldError('siteId', '阵地不存在或不在您的管辖范围内');
  if (site.status === 'closed') throw fieldError('siteId', '该阵地已关闭');
}

export async function checkProgramme(db: DbOrTx, programmeId: string | null | undefined, unit: { id: string; code: string }): Promise<void> {
  if (!programmeId) return;
  const [p] = await db.select().from(programmes).where(eq(programmes.id, programmeId));
  const usable = p && codeCovers(p.unitCode, unit.code) && (p.status === 'published' || (p.unitId === unit.id && p.status === 'draft'));
  if (!usable) throw fieldError('programmeId', '项目不存在，或不是本单位及上级已发布的项目');
}

/** The district center's themes, to check an explicit theme and to give each occurrence its own month's theme. */
export async function themeContext(db: DbOrTx, unitCode: string) {
  const center = await findUnitByCode(db, unitCode.slice(0, ROOT_CODE_DIGITS));
  const byMonth = center ? await themesOf(db, center.id) : new Map<string, string>();
  const monthOf = new Map([...byMonth].map(([m, id]) => [id, m]));
  return {
    /** An explicit theme must be the center's and of the activity's month. */
    async check(themeId: string, startsAt: Date): Promise<void> {
      const theme = monthOf.has(themeId) ? { month: monthOf.get(themeId)! } : await findTheme(db, themeId);
      if (!theme || !monthOf.has(themeId)) throw fieldError('themeId', '主题不存在');
      const month = localParts(startsAt).month;
      if (theme.month !== month) throw fieldError('themeId', `所选主题属于 ${theme.month}，活动在 ${month}`);
    },
    /** The theme an occurrence carries when the series was planned against `themeId`. */
    forOccurrence(themeId: string | null | undefined, startsAt: Date): string | null {
      if (!themeId) return null;
      const month = localParts(startsAt).month;
      return monthOf.get(themeId) === month ? themeId : (byMonth.get(month) ?? null);
    },
    monthOf: (themeId: string) => monthOf.get(themeId) ?? null,
  };
}
