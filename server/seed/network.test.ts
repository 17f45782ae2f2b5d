import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestContext } from '../testing/harness';
import { rowsOf, type Db } from '../db/client';
import { seedNetwork } from './network';
import { CONTACT_PHONE_PATTERN, unitCodeProblem, type UnitLevel } from '../../common/network';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp({ seed: false });
});
afterAll(() => t.close());

type Snapshot = {
  units: { code: string; level: UnitLevel; name: string; parent: string | null; lat: number; lng: number; contact_phone: string; address: string }[];
  sites: { unit_code: string; name: string; kind: string; civic_token: string }[];
  belts: { name: string; stops: string[] }[];
};

/** Seeds inside a transaction, reads everything back, and rolls back so the next run starts empty. */
async function seedAndRead(db: Db): Promise<Snapshot> {
  let snap: Snapshot | null = null;
  await db
    .transaction(async (tx) => {
      await seedNetwork(tx);
      const units = rowsOf<Snapshot['units'][number]>(
        await tx.execute(sql`select u.code, u.level, u.name, p.code as parent, u.lat, u.lng, u.contact_phone, u.address
          from units u left join units p on p.id = u.parent_id order by u.code`),
      );
      const sites = rowsOf<Snapshot['sites'][number]>(await tx.execute(sql`select unit_code, name, kind, civic_token from sites order by unit_code, name`));
      const belts = rowsOf<{ name: string; stops: string[] }>(
        await tx.execute(sql`select b.name, array_agg(s.name order by bs.position) as stops
          from belts b join belt_stops bs on bs.belt_id = b.id join sites s on s.id = bs.site_id group by b.name, b.created_at order by b.created_at`),
      );
      snap = { units, sites, belts };
      throw new Error('rollback');
    })
    .catch((e) => {
      if ((e as Error).message !== 'rollback') throw e;
    });
  return snap!;
}

describe('the Longwan demo seed', () => {
  let first: Snapshot;
  let second: Snapshot;
  beforeAll(async () => {
    first = await seedAndRead(t.database.db);
    second = await seedAndRead(t.database.db);
  });

  it('is the same network every run, except for the random civic-code tokens', () => {
    const strip = (s: Snapshot) => ({ ...s, sites: s.sites.map(({ civic_token: _t, ...rest }) => rest) });
    expect(strip(second)).toEqual(strip(first));
    expect(second.sites[0].civic_token).not.toBe(first.sites[0].civic_token);
  });

  it('is 1 + 10 + 122 + 5, with codes that follow the code rule', () => {
    const levels = first.units.map((u) => u.level);
    expect(levels.filter((l) => l === 'center')).toHaveLength(1);
    expect(levels.filter((l) => l === 'institute')).toHaveLength(10);
    expect(levels.filter((l) => l === 'station')).toHaveLength(122);
    expect(first.belts).toHaveLength(5);
    const byCode = new Map(first.units.map((u) => [u.code, u]));
    for (const u of first.units) {
      const parent = u.parent ? byCode.get(u.parent)! : null;
      expect(unitCodeProblem(u.code, parent), u.code).toBeNull();
    }
    expect(first.units.find((u) => u.code === '330303013')?.name).toBe('沙城街道新时代文明实践所');
  });

  it('gives every unit an address, coordinates near Longwan and a valid phone; every station a site', () => {
    for (const u of first.units) {
      expect(u.address, u.code).not.toBe('');
      expect(Math.abs(u.lat - 27.93)).toBeLessThan(0.15);
      expect(Math.abs(u.lng - 120.79)).toBeLessThan(0.15);
      expect(u.contact_phone).toMatch(CONTACT_PHONE_PATTERN);
    }
    const withSites = new Set(first.sites.map((s) => s.unit_code));
    expect(first.units.filter((u) => u.level === 'station' && !withSites.has(u.code))).toEqual([]);
  });

  it('gives the center its building, 21 function rooms and the district venues', () => {
    const center = first.sites.filter((s) => s.unit_code === '330303');
    expect(center.filter((s) => s.kind === 'center_building')).toHaveLength(1);
    expect(center.filter((s) => s.kind === 'function_room')).toHaveLength(21);
    expect(center.map((s) => s.kind)).toEqual(expect.arrayContaining(['library', 'culture_hall']));
  });

  it('makes each belt an ordered route of 4 to 8 distinct sites', () => {
    for (const b of first.belts) {
      expect(b.stops.length).toBeGreaterThanOrEqual(4);
      expect(b.stops.length).toBeLessThanOrEqual(8);
      expect(new Set(b.stops).size).toBe(b.stops.length);
    }
  });
});
