// Staff accounts: create, edit, disable, reset passwords, grant and remove roles on units.
// `principal: null` means a trusted operator (the CLI); otherwise every step is checked by the policy.
import { and, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import { accounts, roleGrants } from '../../db/schema/accounts';
import { AppError, fieldError, notFound } from '../../platform/errors';
import { assertCan, type Principal } from '../../platform/policy';
import { audit, type AuditActor } from '../../platform/audit';
import { endSessionsOf } from '../../platform/auth';
import { hashPassword, passwordProblem } from '../../platform/passwords';
import { roleLevel, staffRoles, type StaffRole } from '../../../common/roles';
import { findAccount, findAccountByPhone, findUnit, grantsOf } from './accounts.repo';
import { presentAccount } from './accounts.presenter';

type Who = { principal: Principal | null; actor: AuditActor };

async function unitForRole(db: DbOrTx, who: Who, role: string, unitId: string) {
  if (!staffRoles.includes(role as StaffRole)) throw fieldError('role', '未知的角色');
  const unit = await findUnit(db, unitId);
  if (!unit) throw fieldError('unitId', '单位不存在');
  if (roleLevel[role as StaffRole] !== unit.level) throw fieldError('role', '角色与单位层级不符（区中心/实践所/实践站）');
  if (who.principal) assertCan(who.principal, 'account.manage', unit.code);
  return unit;
}

/** The caller may manage an account only when every role it holds lies inside the caller's scope. */
async function manageableAccount(db: DbOrTx, who: Who, id: string) {
  const account = await findAccount(db, id);
  if (!account) throw notFound('账号');
  const grants = await grantsOf(db, [id]);
  if (who.principal) {
    if (grants.length === 0) assertCan(who.principal, 'account.manage', '');
    for (const g of grants) assertCan(who.principal, 'account.manage', g.unitCode);
  }
  return { account, grants };
}

async function present(db: DbOrTx, id: string) {
  const account = (await findAccount(db, id))!;
  return presentAccount(account, await grantsOf(db, [id]));
}

export async function createStaffAccount(
  db: Db,
  input: Who & { phone: string; name: string; password: string; role: string; unitId: string },
) {
  const problem = passwordProblem(input.password);
  if (problem) throw fieldError('password', problem);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const unit = await unitForRole(tx, input, input.role, input.unitId);
    if (await findAccountByPhone(tx, input.phone)) throw new AppError('conflict', 'phone: 该手机号已有账号', { fields: [{ field: 'phone', message: '该手机号已有账号' }] });
    const [acc] = await tx.insert(accounts).values({ phone: input.phone, name: input.name, passwordHash }).returning();
    await tx.insert(roleGrants).values({ accountId: acc.id, role: input.role, unitId: unit.id, grantedBy: input.actor.id });
    await audit(tx, input.actor, {
      action: 'account.created',
      objectType: 'account',
      objectId: acc.id,
      unitCode: unit.code,
      details: { role: input.role, unit: unit.name },
    });
    return present(tx, acc.id);
  });
}

export async function updateStaffAccount(
  db: Db,
  input: Who & { id: string; name?: string; status?: 'active' | 'disabled' },
) {
  return db.transaction(async (tx) => {
    const { account, grants } = await manageableAccount(tx, input, input.id);
    if (input.status === 'disabled' && input.principal?.accountId === account.id) throw fieldError('status', '不能停用自己的账号');
    await tx
      .update(accounts)
      .set({ ...(input.name ? { name: input.name } : {}), ...(input.status ? { status: input.status } : {}), updatedAt: new Date() })
      .where(eq(accounts.id, account.id));
    // A disabled account's sessions end at once, not at their idle timeout.
    if (input.status === 'disabled') await endSessionsOf(tx, account.id);
    await audit(tx, input.actor, {
      action: input.status && input.status !== account.status ? `account.${input.status === 'disabled' ? 'disabled' : 'enabled'}` : 'account.updated',
      objectType: 'account',
      objectId: account.id,
      unitCode: grants[0]?.unitCode ?? '',
      details: { name: input.name, status: input.status },
    });
    return present(tx, account.id);
  });
}

export async function resetStaffPassword(db: Db, input: Who & { id: string; newPassword: string }) {
  const problem = passwordProblem(input.newPassword);
  if (problem) throw fieldError('newPassword', problem);
  const passwordHash = await hashPassword(input.newPassword);
  return db.transaction(async (tx) => {
    const { account, grants } = await manageableAccount(tx, input, input.id);
    await tx.update(accounts).set({ passwordHash, updatedAt: new Date() }).where(eq(accounts.id, account.id));
    await endSessionsOf(tx, account.id);
    await audit(tx, input.actor, { action: 'account.password_reset', objectType: 'account', objectId: account.id, unitCode: grants[0]?.unitCode ?? '' });
    return present(tx, account.id);
  });
}

export async function grantRole(db: Db, input: Who & { id: string; role: string; unitId: string }) {
  return db.transaction(async (tx) => {
    const account = await findAccount(tx, input.id);
    if (!account) throw notFound('账号');
    const unit = await unitForRole(tx, input, input.role, input.unitId);
    const inserted = await tx
      .insert(roleGrants)
      .values({ accountId: account.id, role: input.role, unitId: unit.id, grantedBy: input.actor.id })
      .onConflictDoNothing()
      .returning({ id: roleGrants.id });
    if (inserted.length === 0) throw new AppError('conflict', 'role: 该账号已有此角色');
    await audit(tx, input.actor, {
      action: 'account.role_granted',
      objectType: 'account',
      objectId: account.id,
      unitCode: unit.code,
      details: { role: input.role, unit: unit.name },
    });
    return present(tx, account.id);
  });
}

export async function revokeRole(db: Db, input: Who & { id: string; grantId: string }) {
  return db.transaction(async (tx) => {
    const grants = await grantsOf(tx, [input.id]);
    const grant = grants.find((g) => g.id === input.grantId);
    if (!grant) throw notFound('角色');
    if (input.principal) assertCan(input.principal, 'account.manage', grant.unitCode);
    if (grants.length === 1) throw fieldError('grantId', '这是该账号的最后一个角色；如不再使用请停用账号');
    await tx.delete(roleGrants).where(and(eq(roleGrants.id, grant.id), eq(roleGrants.accountId, input.id)));
    await audit(tx, input.actor, {
      action: 'account.role_revoked',
      objectType: 'account',
      objectId: input.id,
      unitCode: grant.unitCode,
      details: { role: grant.role, unit: grant.unitName },
    });
    return present(tx, input.id);
  });
}
