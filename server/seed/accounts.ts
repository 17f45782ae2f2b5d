// Demo staff accounts, one per level plus a sibling institute, all with the same demo password (README lists them).
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { accounts, roleGrants } from '../db/schema/accounts';
import { units } from '../db/schema/network';
import { hashPassword } from '../platform/passwords';
import type { StaffRole } from '../../common/roles';

export const DEMO_PASSWORD = 'Longwan@2026';

export const demoAccounts: { phone: string; name: string; role: StaffRole; unitCode: string }[] = [
  { phone: '13800000001', name: '区中心管理员', role: 'district_admin', unitCode: '330303' },
  { phone: '13800000002', name: '永中街道实践所管理员', role: 'institute_admin', unitCode: '330303001' },
  { phone: '13800000003', name: '实践站管理员', role: 'station_admin', unitCode: '330303001001' },
  { phone: '13800000004', name: '蒲州街道实践所管理员', role: 'institute_admin', unitCode: '330303002' },
];

export async function seedAccounts(db: DbOrTx): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const a of demoAccounts) {
    const [unit] = await db.select({ id: units.id }).from(units).where(eq(units.code, a.unitCode));
    if (!unit) continue; // a network without that unit (another district's seed) simply lacks that demo account
    const [acc] = await db.insert(accounts).values({ phone: a.phone, name: a.name, passwordHash }).returning({ id: accounts.id });
    await db.insert(roleGrants).values({ accountId: acc.id, role: a.role, unitId: unit.id });
  }
}
