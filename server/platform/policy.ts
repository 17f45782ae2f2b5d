// The one place that decides who may do what where. A role granted on a unit covers that unit and everything
// under it; the test is a code prefix. Lists get the same rule as SQL via scopeCondition().
import { or, sql, type SQL, type Column } from 'drizzle-orm';
import { actionRoles, codeCovers, type Action, type Role } from '../../common/roles';
import { AppError } from './errors';

export type Grant = { role: Role; unitId: string; unitCode: string; unitName: string };
export type Principal = {
  accountId: string;
  name: string;
  phone: string;
  grants: Grant[];
  /** The volunteer record this account signs in for, if any. */
  volunteerId?: string | null;
  /** Teams this account's volunteer leads (leader or vice leader, active). */
  teamsLed?: string[];
};

function grantsFor(p: Principal, action: Action): Grant[] {
  const roles = actionRoles[action];
  return p.grants.filter((g) => roles.includes(g.role));
}

export function can(p: Principal | null, action: Action, unitCode: string): boolean {
  if (!p) return false;
  return grantsFor(p, action).some((g) => codeCovers(g.unitCode, unitCode));
}

export function assertCan(p: Principal | null, action: Action, unitCode: string): void {
  if (!p) throw new AppError('unauthenticated');
  if (!can(p, action, unitCode)) throw new AppError('forbidden');
}

/** The unit codes whose subtrees the principal may act on; nested codes are folded into their ancestor. */
export function scopeCodes(p: Principal, action: Action): string[] {
  const codes = [...new Set(grantsFor(p, action).map((g) => g.unitCode))].sort();
  return codes.filter((c) => !codes.some((o) => o !== c && codeCovers(o, c)));
}

/** SQL that keeps rows whose unit code column lies in scope; false when the principal has none. */
export function scopeCondition(p: Principal, action: Action, column: Column | SQL): SQL {
  const codes = scopeCodes(p, action);
  if (codes.length === 0) return sql`false`;
  return or(...codes.map((c) => sql`${column} like ${escapeLike(c) + '%'}`))!;
}

export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (m) => '\\' + m);
}

/**
 * Team leaders manage their own team (members, join requests) without any unit role; staff manage the teams of
 * units in their scope. Both checks live here so no handler decides it on its own.
 */
export function canManageTeam(p: Principal | null, team: { id: string; unitCode: string }): boolean {
  if (!p) return false;
  return can(p, 'team.manage', team.unitCode) || (p.teamsLed ?? []).includes(team.id);
}

export function assertCanManageTeam(p: Principal | null, team: { id: string; unitCode: string }): void {
  if (!p) throw new AppError('unauthenticated');
  if (!canManageTeam(p, team)) throw new AppError('forbidden');
}

/**
 * Running an activity on the day (sign-up lists, check-in codes, checking people in by hand, approving its hours)
 * belongs to staff of the organizing unit's scope and to the leaders of the team that runs it.
 */
export function canRunActivity(p: Principal | null, activity: { unitCode: string; teamId: string | null }, action: Action = 'activity.manage'): boolean {
  if (!p) return false;
  return can(p, action, activity.unitCode) || (activity.teamId !== null && (p.teamsLed ?? []).includes(activity.teamId));
}

export function assertCanRunActivity(p: Principal | null, activity: { unitCode: string; teamId: string | null }, action: Action = 'activity.manage'): void {
  if (!p) throw new AppError('unauthenticated');
  if (!canRunActivity(p, activity, action)) throw new AppError('forbidden');
}

/** The signed-in person's own volunteer record, or 403 for accounts that are not volunteers. */
export function requireVolunteer(p: Principal | null): string {
  if (!p) throw new AppError('unauthenticated');
  if (!p.volunteerId) throw new AppError('forbidden', '当前账号不是志愿者');
  return p.volunteerId;
}
