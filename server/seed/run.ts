// Seeds the demo data on a first start (empty network), in one transaction so a failed seed leaves nothing.
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { units } from '../db/schema/network';
import { seedNetwork } from './network';
import { seedAccounts } from './accounts';
import { seedRegistry } from './registry';
import { seedActivities } from './activities';
import { seedParticipation } from './participation';
import { seedMenu } from '../modules/menu/menu.seed';
import type { FieldCipher } from '../platform/crypto';

/** volunteers: also seed the volunteer population (first start of the product; tests skip it for speed). */
export type SeedOptions = { volunteers?: boolean; cipher?: FieldCipher };

export async function seedDemo(db: Db, opts: SeedOptions = {}): Promise<void> {
  await db.transaction(async (tx) => {
    await seedNetwork(tx);
    await seedAccounts(tx);
    await seedRegistry(tx, opts);
    // The activity plan of the demo district (tests make their own activities).
    if (opts.volunteers) {
      const now = new Date();
      await seedActivities(tx, { now });
      await seedParticipation(tx, { now });
      await seedMenu(tx, { now });
    }
  });
}

export async function seedDemoIfEmpty(db: Db, opts: Omit<SeedOptions, 'volunteers'> = {}): Promise<boolean> {
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(units);
  if (n > 0) return false;
  await seedDemo(db, { ...opts, volunteers: true });
  return true;
}
