// CLI: staff accounts. create-admin (the first admin of a new deployment, or a rescue) and reset-password.
// Both go through the accounts service as a trusted operator (principal null), so the rules and the audit
// entries are the same as in the console.
import { eq } from 'drizzle-orm';
import { units } from '../db/schema/network';
import { accounts, signInThrottle } from '../db/schema/accounts';
import { AppError } from '../platform/errors';
import { audit } from '../platform/audit';
import { passwordProblem } from '../platform/passwords';
import { mobileSchema } from '../../common/validation';
import { roleLevel, staffRoles, type StaffRole } from '../../common/roles';
import { createStaffAccount, resetStaffPassword } from '../modules/accounts/accounts.service';
import { CliFailure, UsageError, parseOptions } from './args';
import { withDatabase } from './context';

const roleForLevel = Object.fromEntries(Object.entries(roleLevel).map(([role, level]) => [level, role])) as Record<string, StaffRole>;

function checkPhone(phone: string): void {
  if (!mobileSchema.safeParse(phone).success) throw new UsageError(`--phone: "${phone}" is not an 11-digit mobile number / 请输入 11 位手机号`);
}

function checkPassword(password: string): void {
  const problem = passwordProblem(password);
  if (problem) throw new UsageError(`--password: ${problem} (at least 8 characters from 3 of: lower case, upper case, digits, symbols)`);
}

/** Service errors name API fields; the operator typed CLI flags, so name those. */
export function rethrowForCli(e: unknown, flags: Record<string, string>): never {
  if (e instanceof AppError) {
    const fields = (e.details as { fields?: { field: string; message: string }[] } | undefined)?.fields ?? [];
    const named = fields.map((f) => `${flags[f.field] ?? f.field}: ${f.message}`).join('; ');
    const message = named || e.message;
    if (e.code === 'validation_failed') throw new UsageError(message);
    throw new CliFailure(message);
  }
  throw e;
}

export async function createAdminCommand(argv: string[]): Promise<void> {
  const o = parseOptions(argv, {
    phone: { type: 'string', required: true },
    name: { type: 'string', required: true },
    password: { type: 'string', required: true },
    unit: { type: 'string', required: true },
    role: { type: 'string' },
  });
  checkPhone(o.phone);
  checkPassword(o.password);
  if (o.role && !staffRoles.includes(o.role as StaffRole)) {
    throw new UsageError(`--role: "${o.role}" is not one of ${staffRoles.join(', ')} / 角色须为 ${staffRoles.join('、')}`);
  }
  await withDatabase(async ({ database, actor }) => {
    const [unit] = await database.db.select().from(units).where(eq(units.code, o.unit));
    if (!unit) throw new UsageError(`--unit: no unit has the code ${o.unit} / 没有代码为 ${o.unit} 的单位`);
    const role = o.role ?? roleForLevel[unit.level];
    if (roleLevel[role as StaffRole] !== unit.level) {
      throw new UsageError(`--role: ${role} is granted on a ${roleLevel[role as StaffRole]}, but ${unit.code} is a ${unit.level} / 角色与单位层级不符`);
    }
    const account = await createStaffAccount(database.db, {
      principal: null,
      actor,
      phone: o.phone,
      name: o.name.trim(),
      password: o.password,
      role,
      unitId: unit.id,
    }).catch((e) => rethrowForCli(e, { phone: '--phone', name: '--name', password: '--password', role: '--role', unitId: '--unit' }));
    console.log(`created ${account.name} ${account.phone} as ${role} of ${unit.code} ${unit.name} / 已创建管理员账号`);
  });
}

export async function resetPasswordCommand(argv: string[]): Promise<void> {
  const o = parseOptions(argv, { phone: { type: 'string', required: true }, password: { type: 'string', required: true } });
  checkPhone(o.phone);
  checkPassword(o.password);
  await withDatabase(async ({ database, actor }) => {
    const [account] = await database.db.select({ id: accounts.id, name: accounts.name }).from(accounts).where(eq(accounts.phone, o.phone));
    if (!account) throw new UsageError(`--phone: no account has the mobile number ${o.phone} / 没有该手机号的账号`);
    await resetStaffPassword(database.db, { principal: null, actor, id: account.id, newPassword: o.password }).catch((e) =>
      rethrowForCli(e, { newPassword: '--password', id: '--phone' }),
    );
    // An operator resetting a password is usually rescuing someone locked out by wrong tries: lift that too.
    const cleared = await database.db.delete(signInThrottle).where(eq(signInThrottle.phone, o.phone)).returning({ phone: signInThrottle.phone });
    if (cleared.length > 0) await audit(database.db, actor, { action: 'auth.lockout_cleared', objectType: 'account', objectId: account.id });
    console.log(`password of ${account.name} ${o.phone} reset; its sessions are ended / 密码已重置，该账号已在所有设备上退出`);
  });
}
