// Seeds the demo data on a first start (empty network), in one transaction so a failed seed leaves nothing.
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { units } from '../db/schema/network';
import { seedNetwork } from './network';
import { seedAccounts } from './accounts';

export async function seedDemo(db: Db, _opts: { volunteers?: boolean } = {}): Promise<void> {
  await db.transaction(async (tx) => {
    await seedNetwork(tx);
    await seedAccounts(tx);
  });
}

export async function seedDemoIfEmpty(db: Db): Promise<boolean> {
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(units);
  if (n > 0) return false;
  await seedDemo(db);
  return true;
}
