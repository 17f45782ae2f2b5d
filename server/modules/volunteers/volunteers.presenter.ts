// Rows → API shapes. The ID number never leaves here except masked (the reveal route answers it on its own);
// phones are masked in lists and exports. Age and minor status are computed at read time from the birth date,
// so a volunteer stops being a minor on their 18th birthday without any job running.
import { ageOn, MINOR_AGE } from '../../../common/id-card';
import { maskPhone } from '../../../common/mask';
import type { ListRow, VolunteerWithUnit } from './volunteers.repo';
import type { consents } from '../../db/schema/volunteers';

type ConsentRow = typeof consents.$inferSelect;
type TeamRef = { id: string; name: string; role: string; status: string };
type Qualification = { name: string; grantedAt: Date; expiresAt: Date | null };
type Training = { courseTitle: string; startsAt: Date; status: string; attended: boolean | null; passed: boolean | null };

export function ageOf(birthDate: string | null, now: Date): number | null {
  return birthDate ? ageOn(birthDate, now) : null;
}

export function isMinor(birthDate: string | null, now: Date): boolean {
  const age = ageOf(birthDate, now);
  return age !== null && age < MINOR_AGE;
}

const iso = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString();

function homeUnit(v: { homeUnitId: string | null; homeUnitCode: string; unitName: string | null }) {
  return v.homeUnitId ? { id: v.homeUnitId, code: v.homeUnitCode, name: v.unitName ?? '' } : null;
}

export function presentRow(v: ListRow | VolunteerWithUnit, now: Date) {
  return {
    id: v.id,
    number: v.number,
    name: v.name,
    phoneMasked: maskPhone(v.phone),
    idMasked: v.idMasked,
    gender: v.gender ?? null,
    age: ageOf(v.birthDate, now),
    minor: isMinor(v.birthDate, now),
    skills: v.skills,
    homeUnit: homeUnit(v),
    status: v.status,
    source: v.source,
    createdAt: iso(v.createdAt),
  };
}

const qualificationOut = (q: Qualification) => ({ name: q.name, grantedAt: iso(q.grantedAt), expiresAt: q.expiresAt ? iso(q.expiresAt) : null });
const givenByKind = (g: string): 'self' | 'guardian' | 'staff' => (g.startsWith('staff:') ? 'staff' : g === 'guardian' ? 'guardian' : 'self');

export type DetailParts = {
  teams: TeamRef[];
  qualifications: Qualification[];
  trainings: Training[];
  consents: ConsentRow[];
  hasPhoto: boolean;
  names: Map<string, string>;
};

export function presentDetail(v: VolunteerWithUnit, parts: DetailParts, now: Date) {
  return {
    ...presentRow(v, now),
    phone: v.phone,
    birthDate: v.birthDate,
    availability: v.availability,
    teams: parts.teams,
    qualifications: parts.qualifications.map(qualificationOut),
    trainings: parts.trainings.map((t) => ({ ...t, startsAt: iso(t.startsAt) })),
    consents: parts.consents.map((c) => ({
      kind: c.kind,
      version: c.version,
      givenBy: givenByKind(c.givenBy),
      acceptedAt: iso(c.acceptedAt),
      withdrawnAt: c.withdrawnAt ? iso(c.withdrawnAt) : null,
    })),
    guardian: v.guardianName ? { name: v.guardianName, phoneMasked: maskPhone(v.guardianPhone ?? ''), relation: v.guardianRelation ?? '' } : null,
    hasPhoto: parts.hasPhoto,
    serviceMinutes: v.serviceMinutes,
    starLevel: v.starLevel,
    points: v.points,
    certificates: [],
    review: {
      reviewedAt: v.reviewedAt ? iso(v.reviewedAt) : null,
      reviewedBy: v.reviewedBy ? (parts.names.get(v.reviewedBy) ?? null) : null,
      note: v.reviewNote,
    },
    registeredBy: v.registeredBy ? (parts.names.get(v.registeredBy) ?? null) : null,
    erased: v.erasedAt !== null,
    updatedAt: iso(v.updatedAt),
  };
}

export type MyParts = { teams: TeamRef[]; qualifications: Qualification[]; consents: ConsentRow[]; photoAt: Date | null; hasPassword: boolean };

export function presentMine(v: VolunteerWithUnit, parts: MyParts, now: Date) {
  return {
    id: v.id,
    number: v.number,
    name: v.name,
    phone: v.phone,
    idMasked: v.idMasked,
    gender: v.gender ?? null,
    birthDate: v.birthDate,
    age: ageOf(v.birthDate, now),
    minor: isMinor(v.birthDate, now),
    skills: v.skills,
    availability: v.availability,
    homeUnit: homeUnit(v),
    status: v.status,
    photoUrl: parts.photoAt ? `/api/me/volunteer/photo?v=${parts.photoAt.getTime()}` : null,
    teams: parts.teams,
    qualifications: parts.qualifications.map(qualificationOut),
    serviceMinutes: v.serviceMinutes,
    starLevel: v.starLevel,
    points: v.points,
    certificates: [],
    consents: parts.consents.filter((c) => !c.withdrawnAt).map((c) => ({ kind: c.kind, version: c.version, acceptedAt: iso(c.acceptedAt) })),
    hasPassword: parts.hasPassword,
  };
}
