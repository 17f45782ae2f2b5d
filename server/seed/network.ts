// STUB — replaced by the network module: seeds the Longwan network (center, 10 institutes, 122 stations, sites, belts).
import type { DbOrTx } from '../db/client';
import { units } from '../db/schema/network';
export async function seedNetwork(db: DbOrTx): Promise<void> {
  await db.insert(units).values([
    { code: '330303', level: 'center', name: '龙湾区新时代文明实践中心' },
  ]);
}
