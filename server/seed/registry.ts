// Demo volunteer registry: the skill tags and the 50 teams (always, tests included: two inserts), and on a
// product's first start the volunteer population (registry-volunteers.ts) and then the volunteer school.
// Deterministic: a seeded PRNG gives the same names and phones on every run; only ids, tokens and ciphertexts
// differ, as they must.
import { inArray } from 'drizzle-orm';
import type { Tx } from '../db/client';
import { skillTags } from '../db/schema/volunteers';
import { teams } from '../db/schema/teams';
import { units } from '../db/schema/network';
import { shortToken } from '../platform/crypto';
import type { SeedOptions } from './run';
import { TEAM_SEEDS } from './registry-teams';
import { personName, rng, uniquePhone, type Gender } from './registry-people';
import { seedVolunteers, DEMO_VOLUNTEER_PHONE } from './registry-volunteers';
import { seedTraining } from './training';

const SKILL_TAGS: [string, 'skill' | 'specialty'][] = [
  ['急救', 'skill'], ['驾驶', 'skill'], ['医疗护理', 'skill'], ['心理疏导', 'skill'], ['法律咨询', 'skill'],
  ['家电维修', 'skill'], ['理发', 'skill'], ['外语', 'skill'], ['计算机', 'skill'], ['烹饪', 'skill'],
  ['助老陪护', 'skill'], ['儿童辅导', 'skill'], ['交通劝导', 'skill'], ['应急救援', 'skill'], ['财会', 'skill'],
  ['摄影', 'specialty'], ['书法', 'specialty'], ['宣讲', 'specialty'], ['文艺表演', 'specialty'], ['体育指导', 'specialty'],
  ['手工', 'specialty'], ['环保', 'specialty'], ['绘画', 'specialty'], ['乐器', 'specialty'], ['主持', 'specialty'],
  ['新媒体运营', 'specialty'], ['温州话方言宣讲', 'specialty'],
];
export const SKILL_TAG_NAMES = SKILL_TAGS.map(([name]) => name);

export type TeamContact = { name: string; phone: string; gender: Gender };
export type SeededTeam = { id: string; name: string; unitCode: string; contact: TeamContact };

const DAY = 86_400_000;

/** The contact person of each team, who becomes its leader when volunteers are seeded. */
function teamContacts(takenPhones: Set<string>): TeamContact[] {
  const r = rng(20_260_303);
  return TEAM_SEEDS.map((_, i) => {
    const gender: Gender = r.chance(0.55) ? 'male' : 'female';
    const name = personName(r, gender);
    // The first team's leader is the documented demo volunteer.
    const phone = i === 0 ? DEMO_VOLUNTEER_PHONE : uniquePhone(r, takenPhones);
    return { name, phone, gender };
  });
}

async function seedTeams(tx: Tx, now: Date, takenPhones: Set<string>): Promise<SeededTeam[]> {
  const codes = [...new Set(TEAM_SEEDS.map((t) => t.unitCode))];
  const unitRows = await tx.select({ id: units.id, code: units.code }).from(units).where(inArray(units.code, codes));
  const unitId = new Map(unitRows.map((u) => [u.code, u.id]));
  const contacts = teamContacts(takenPhones);
  // Another district's network may lack some units: its teams are simply not seeded.
  const rows = TEAM_SEEDS.flatMap((t, i) => {
    const id = unitId.get(t.unitCode);
    if (!id) return [];
    // Founded over the past years, in list order, so "newest first" lists keep a stable order.
    const createdAt = new Date(now.getTime() - (400 - i * 7) * DAY);
    const decided = t.federation === 'member' ? new Date(createdAt.getTime() + 30 * DAY) : null;
    return [{
      name: t.name,
      kind: t.org ? ('organization' as const) : ('unit' as const),
      unitId: id,
      unitCode: t.unitCode,
      orgName: t.org?.name ?? null,
      orgType: t.org?.type ?? null,
      specialty: t.specialty,
      intro: t.intro,
      contactName: contacts[i].name,
      contactPhone: contacts[i].phone,
      joinToken: shortToken(12),
      federationStatus: t.federation,
      federationAppliedAt: t.federation === 'none' ? null : t.federation === 'applied' ? new Date(now.getTime() - (3 + i) * DAY) : createdAt,
      federationDecidedAt: decided,
      createdAt,
      updatedAt: createdAt,
    }];
  });
  const inserted = await tx.insert(teams).values(rows).returning({ id: teams.id, name: teams.name, unitCode: teams.unitCode });
  return inserted.map((t) => ({ ...t, contact: contacts[TEAM_SEEDS.findIndex((s) => s.name === t.name)] }));
}

export async function seedRegistry(tx: Tx, opts: SeedOptions): Promise<void> {
  if (opts.volunteers && !opts.cipher) throw new Error('seeding volunteers needs the field cipher (ID numbers are stored encrypted)');
  const now = new Date();
  await tx.insert(skillTags).values(SKILL_TAGS.map(([name, category], i) => ({ name, category, sort: i + 1 })));
  const takenPhones = new Set<string>([DEMO_VOLUNTEER_PHONE]);
  const seededTeams = await seedTeams(tx, now, takenPhones);
  if (!opts.volunteers || !opts.cipher) return;
  const seeded = await seedVolunteers(tx, { cipher: opts.cipher, teams: seededTeams, now, takenPhones, skills: SKILL_TAG_NAMES });
  await seedTraining(tx, { volunteers: seeded, now });
}
