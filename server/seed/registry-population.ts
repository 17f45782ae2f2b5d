// Plans the demo volunteer population in memory (no database): who they are, where they live, their status,
// skills and availability, which teams they belong to, and a few planted suspected duplicates for the
// de-duplication report. registry-volunteers.ts encrypts and inserts the plan.
import { randomUUID } from 'node:crypto';
import type { Availability, VolunteerStatus } from '../db/schema/volunteers';
import type { TeamMemberRole, TeamMemberStatus } from '../db/schema/teams';
import { adultAge, birthDateForAge, personName, rng, uniqueIdNumber, uniquePhone, weighted, type Gender, type Rng } from './registry-people';
import type { SeededTeam } from './registry';

export type Station = { id: string; code: string; name: string };
export type PersonPlan = {
  id: string;
  name: string;
  gender: Gender;
  phone: string;
  birthDate: string;
  idNumber: string;
  age: number;
  station: Station;
  status: VolunteerStatus;
  source: 'self' | 'staff' | 'import';
  skills: string[];
  availability: Availability;
  createdAt: Date;
  guardian: { name: string; phone: string; relation: string } | null;
  isDemo: boolean;
};
export type MembershipPlan = { teamId: string; volunteerId: string; role: TeamMemberRole; status: TeamMemberStatus; requestedAt: Date; joinedAt: Date | null; endedAt: Date | null };

const DAY = 86_400_000;
const CENTER = '330303';

function availabilityFor(r: Rng, age: number): Availability {
  // Retirees give weekday mornings; people of working age evenings and weekends.
  if (age >= 60) return { days: [1, 2, 3, 4, 5].filter(() => r.chance(0.7)).concat(r.chance(0.3) ? [6] : []), slots: r.chance(0.5) ? ['morning', 'afternoon'] : ['morning'] };
  if (age < 18) return { days: [6, 7], slots: ['morning', 'afternoon'] };
  return { days: r.chance(0.3) ? [3, 6, 7] : [6, 7], slots: r.chance(0.4) ? ['evening', 'afternoon'] : ['morning', 'afternoon'] };
}

function skillsFor(r: Rng, tags: string[], age: number): string[] {
  if (r.chance(0.1)) return [];
  const out = new Set<string>();
  // Older volunteers lean to care, calligraphy and lectures; younger ones to computers, languages and photography.
  const leaning = age >= 55 ? ['助老陪护', '书法', '宣讲', '温州话方言宣讲', '烹饪'] : age < 30 ? ['计算机', '外语', '摄影', '新媒体运营', '儿童辅导'] : [];
  const n = 1 + r.int(3);
  for (let i = 0; i < n; i++) out.add(leaning.length && r.chance(0.5) ? r.pick(leaning) : r.pick(tags));
  return [...out].filter((t) => tags.includes(t));
}

type Ctx = { r: Rng; now: Date; takenPhones: Set<string>; takenIds: Set<string>; skills: string[] };

function person(c: Ctx, o: { station: Station; gender?: Gender; name?: string; phone?: string; age?: number; createdAt?: Date; isDemo?: boolean }): PersonPlan {
  const { r, now } = c;
  const gender = o.gender ?? (r.chance(0.48) ? 'male' : 'female');
  // ~3% are 14–17 and ~0.5% under 14: minors serve with a guardian's consent.
  const roll = r.next();
  const age = o.age ?? (roll < 0.005 ? 10 + r.int(4) : roll < 0.035 ? 14 + r.int(4) : adultAge(r));
  const birthDate = birthDateForAge(r, age, now);
  const name = o.name ?? personName(r, gender);
  const guardian = age < 18 ? { name: personName(r, r.chance(0.5) ? 'male' : 'female', name[0]), phone: uniquePhone(r, c.takenPhones), relation: r.pick(['父亲', '母亲', '祖父', '祖母']) } : null;
  const statusRoll = r.next();
  const status: VolunteerStatus = o.isDemo ? 'active' : statusRoll < 0.03 ? 'pending' : statusRoll < 0.04 ? 'suspended' : statusRoll < 0.055 ? 'left' : 'active';
  // Pending ones registered in the last three weeks; the rest over the past three years.
  const createdAt = o.createdAt ?? new Date(now.getTime() - (status === 'pending' ? 1 + r.int(20) : 25 + r.int(1100)) * DAY - r.int(DAY));
  const source = status === 'pending' || o.isDemo ? 'self' : weighted(r, [['self', age >= 65 ? 25 : 55], ['staff', age >= 65 ? 45 : 15], ['import', 30]] as const);
  return {
    id: randomUUID(),
    name,
    gender,
    phone: o.phone ?? uniquePhone(r, c.takenPhones),
    birthDate,
    idNumber: uniqueIdNumber(r, birthDate, gender, c.takenIds),
    age,
    station: o.station,
    status,
    source,
    skills: o.isDemo ? ['宣讲', '书法', '温州话方言宣讲'] : skillsFor(r, c.skills, age),
    availability: availabilityFor(r, age),
    createdAt,
    guardian,
    isDemo: o.isDemo ?? false,
  };
}

/** Suspected duplicates the de-dup report should find: the same phone, or the same name and birth date. */
function plantedDuplicates(c: Ctx, people: PersonPlan[], stations: Station[]): PersonPlan[] {
  const adults = people.filter((p) => p.age >= 18 && !p.isDemo && p.status === 'active');
  // Registered again some time after the original, but never in the future.
  const later = (p: PersonPlan) => new Date(Math.min(p.createdAt.getTime() + (30 + c.r.int(300)) * DAY, c.now.getTime() - (2 + c.r.int(20)) * DAY));
  const out: PersonPlan[] = [];
  for (let i = 0; i < 16; i++) {
    const orig = adults[(i * 97 + 13) % adults.length];
    const copy = person(c, { station: c.r.pick(stations), gender: orig.gender, age: orig.age, createdAt: later(orig) });
    copy.source = i % 2 ? 'import' : 'staff';
    copy.status = 'active';
    if (i < 6) {
      // The same person imported by another unit with a mistyped ID: same name, phone and birth date.
      Object.assign(copy, { name: orig.name, phone: orig.phone, birthDate: orig.birthDate, idNumber: uniqueIdNumber(c.r, orig.birthDate, orig.gender, c.takenIds) });
    } else if (i < 12) {
      // Same name and birth date, another phone: maybe a namesake, maybe a changed number — staff decide.
      Object.assign(copy, { name: orig.name, birthDate: orig.birthDate, idNumber: uniqueIdNumber(c.r, orig.birthDate, orig.gender, c.takenIds) });
    } else {
      // An elderly parent registered with a child's phone.
      copy.phone = orig.phone;
    }
    out.push(copy);
  }
  return out;
}

function memberships(c: Ctx, people: PersonPlan[], teams: SeededTeam[], leaders: Map<string, PersonPlan>): MembershipPlan[] {
  const { r, now } = c;
  const out: MembershipPlan[] = [];
  const seen = new Set<string>();
  const add = (t: SeededTeam, p: PersonPlan, role: TeamMemberRole, status: TeamMemberStatus) => {
    if (seen.has(t.id + p.id)) return;
    seen.add(t.id + p.id);
    const requestedAt = status === 'pending' ? new Date(now.getTime() - (1 + r.int(10)) * DAY) : new Date(Math.min(p.createdAt.getTime() + r.int(60) * DAY, now.getTime() - 4 * DAY));
    const joinedAt = status === 'pending' ? null : new Date(requestedAt.getTime() + (1 + r.int(3)) * DAY);
    out.push({ teamId: t.id, volunteerId: p.id, role, status, requestedAt, joinedAt, endedAt: status === 'left' ? new Date(Math.min(now.getTime(), joinedAt!.getTime() + 200 * DAY)) : null });
  };
  for (const [teamId, p] of leaders) add(teams.find((t) => t.id === teamId)!, p, 'leader', 'active');
  // People join the teams of their own station first, then of their street, then district-wide ones.
  const weightOf = (t: SeededTeam, code: string) => (t.unitCode === code ? 60 : t.unitCode === code.slice(0, 9) ? 8 : t.unitCode === CENTER ? 2 : 0);
  const ordinary = people.filter((p) => ![...leaders.values()].includes(p));
  for (const p of ordinary) {
    if (p.status === 'pending') continue;
    const candidates = teams.map((t) => [t, weightOf(t, p.station.code)] as const).filter(([, w]) => w > 0);
    const n = r.chance(0.3) ? 2 : 1;
    for (let i = 0; i < n; i++) add(weighted(r, candidates), p, 'member', p.status === 'left' ? 'left' : 'active');
  }
  // One or two vice leaders per team, from its active members.
  for (const t of teams) {
    const members = out.filter((m) => m.teamId === t.id && m.role === 'member' && m.status === 'active');
    for (let i = 0, n = 1 + r.int(2); i < n && members.length; i++) members.splice(r.int(members.length), 1)[0].role = 'vice_leader';
  }
  // A few join requests waiting for a leader's decision: new registrations and active volunteers.
  const askers = [...people.filter((p) => p.status === 'pending').slice(0, 20), ...ordinary.filter((p) => p.status === 'active').slice(0, 25)];
  for (const p of askers) add(r.pick(teams), p, 'member', 'pending');
  return out;
}

export function planPopulation(o: { total: number; teams: SeededTeam[]; stations: Station[]; now: Date; takenPhones: Set<string>; skills: string[] }): { people: PersonPlan[]; memberships: MembershipPlan[] } {
  const c: Ctx = { r: rng(330_303), now: o.now, takenPhones: o.takenPhones, takenIds: new Set(), skills: o.skills };
  const { r, now } = c;
  // Communities have more residents to serve and volunteer than villages; some stations are simply more active.
  // A station with its own team is an active one: it has more volunteers.
  const withTeam = new Set(o.teams.map((t) => t.unitCode));
  const stationWeights = o.stations.map((s) => [s, (s.name.includes('社区') ? 3 : 2) * (1 + r.int(4)) * (withTeam.has(s.code) ? 2 : 1)] as const);
  const leaders = new Map<string, PersonPlan>();
  o.teams.forEach((t, i) => {
    const local = o.stations.filter((s) => s.code.startsWith(t.unitCode));
    const station = t.unitCode.length === 12 ? local[0] : r.pick(local.length ? local : o.stations);
    const createdAt = new Date(now.getTime() - (900 + r.int(300)) * DAY);
    leaders.set(t.id, person(c, { station, name: t.contact.name, gender: t.contact.gender, phone: t.contact.phone, age: 30 + r.int(30), createdAt, isDemo: i === 0 }));
    leaders.get(t.id)!.status = 'active';
  });
  const people = [...leaders.values()];
  while (people.length < o.total - 16) people.push(person(c, { station: weighted(r, stationWeights) }));
  people.push(...plantedDuplicates(c, people, o.stations));
  // Volunteer numbers come from a sequence in insertion order: insert oldest first so numbers follow sign-up.
  people.sort((a, b) => Number(b.isDemo) - Number(a.isDemo) || a.createdAt.getTime() - b.createdAt.getTime());
  return { people, memberships: memberships(c, people, o.teams, leaders) };
}
