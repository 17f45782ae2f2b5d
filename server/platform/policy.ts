// The one place that decides who may do what where. A role granted on a unit covers that unit and everything
// under it; the test is a code prefix. Lists get the same rule as SQL via scopeCondition().
import { or, sql, type SQL, type Column } from 'drizzle-orm';
import { actionRoles, codeCovers, type Action, type Role } from '../../common/roles';
import { AppError } from './errors';

export type Grant = { role: Role; unitId: string; unitCode: string; unitName: string };
export type Principal = { accountId: string; name: string; phone: string; grants: Grant[] };

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
