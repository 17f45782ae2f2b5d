// Signing in and out: password check with a per-phone lock-out, session rotation, password changes.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { accounts, signInThrottle } from '../../db/schema/accounts';
import { AppError, fieldError } from '../../platform/errors';
import { createSession, endSessionsOf, loadGrants } from '../../platform/auth';
import { hashPassword, passwordProblem, verifyNothing, verifyPassword } from '../../platform/passwords';
import { audit, type AuditActor } from '../../platform/audit';
import { sha256 } from '../../platform/crypto';

export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 30;

type SignInInput = { phone: string; password: string; ip: string; userAgent: string; now: Date; oldToken?: string };

export async function signInWithPassword(db: Db, input: SignInInput) {
  const [throttle] = await db.select().from(signInThrottle).where(eq(signInThrottle.phone, input.phone));
  const actor: AuditActor = { id: null, label: input.phone, ip: input.ip };
  if (throttle?.lockedUntil && throttle.lockedUntil > input.now) {
    await audit(db, actor, { action: 'auth.sign_in', result: 'denied', details: { reason: 'locked' } });
    throw new AppError('account_locked');
  }
  const [account] = await db.select().from(accounts).where(eq(accounts.phone, input.phone));
  const ok =
    account && account.passwordHash && account.status === 'active'
      ? await verifyPassword(account.passwordHash, input.password)
      : await verifyNothing(input.password);
  if (!ok) {
    const failures = (throttle && (!throttle.lockedUntil || throttle.lockedUntil <= input.now) ? throttle.failures : 0) + 1;
    const lockedUntil = failures >= MAX_FAILURES ? new Date(input.now.getTime() + LOCK_MINUTES * 60_000) : null;
    await db
      .insert(signInThrottle)
      .values({ phone: input.phone, failures: lockedUntil ? 0 : failures, lockedUntil, updatedAt: input.now })
      .onConflictDoUpdate({
        target: signInThrottle.phone,
        set: { failures: lockedUntil ? 0 : failures, lockedUntil, updatedAt: input.now },
      });
    await audit(db, { ...actor, id: account?.id ?? null }, {
      action: 'auth.sign_in',
      result: 'failed',
      objectType: 'account',
      objectId: account?.id ?? '',
      unitCode: account ? ((await loadGrants(db, account.id))[0]?.unitCode ?? '') : '',
      details: { locked: Boolean(lockedUntil) },
    });
    throw new AppError(lockedUntil ? 'account_locked' : 'invalid_credentials');
  }
  return db.transaction(async (tx) => {
    if (throttle) await tx.delete(signInThrottle).where(eq(signInThrottle.phone, input.phone));
    // Rotation: the cookie the browser came with (if any) is ended; a fresh token is issued.
    if (input.oldToken) await tx.execute(sql`delete from sessions where token_hash = ${sha256(input.oldToken)}`);
    const token = await createSession(tx, account.id, input);
    const grants = await loadGrants(tx, account.id);
    await audit(tx, { id: account.id, label: `${account.name} ${account.phone}`, ip: input.ip }, {
      action: 'auth.sign_in',
      objectType: 'account',
      objectId: account.id,
      unitCode: grants[0]?.unitCode ?? '',
    });
    return { token, account: { id: account.id, name: account.name, phone: account.phone, grants } };
  });
}

export async function changeOwnPassword(
  db: Db,
  input: { accountId: string; currentPassword: string; newPassword: string; keepTokenHash: string; actor: AuditActor },
) {
  const [account] = await db.select().from(accounts).where(eq(accounts.id, input.accountId));
  if (!account?.passwordHash || !(await verifyPassword(account.passwordHash, input.currentPassword))) {
    throw fieldError('currentPassword', '当前密码不正确');
  }
  const problem = passwordProblem(input.newPassword);
  if (problem) throw fieldError('newPassword', problem);
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx.update(accounts).set({ passwordHash, updatedAt: new Date() }).where(eq(accounts.id, account.id));
    // Other devices signed in with the old password are signed out; this one stays.
    await endSessionsOf(tx, account.id, input.keepTokenHash);
    await audit(tx, input.actor, { action: 'account.password_changed', objectType: 'account', objectId: account.id });
  });
}
