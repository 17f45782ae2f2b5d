// Demo volunteer registry: the skill tags, the 50 teams and (on a product's first start) the volunteer population.
import type { Tx } from '../db/client';
import type { SeedOptions } from './run';

export async function seedRegistry(_tx: Tx, _opts: SeedOptions): Promise<void> {}
