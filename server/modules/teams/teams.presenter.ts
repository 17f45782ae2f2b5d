// Rows → API shapes for teams, members, a volunteer's own teams and the public team card. Members' phones are
// always masked (leaders are volunteers too, not staff); the public card shows no member and no full phone.
import { maskPhone } from '../../../common/mask';
import { teamSpecialtyLabel } from '../../../common/team-specialties';
import type { OrgType } from '../../../common/team-specialties';
import { canManageTeam, type Principal } from '../../platform/policy';
import type { TeamWithCounts } from './teams.repo';
import type { MemberWithVolunteer, MyTeamRow } from './members.repo';

export function joinUrl(publicBaseUrl: string, token: string): string {
  return `${publicBaseUrl}/m/join/${token}`;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentTeam(t: TeamWithCounts, opts: { publicBaseUrl: string; principal: Principal | null; lang?: 'zh' | 'en' }) {
  return {
    id: t.id,
    name: t.name,
    kind: t.kind,
    unitId: t.unitId,
    unitCode: t.unitCode,
    unitName: t.unitName,
    orgName: t.orgName,
    orgType: (t.orgType ?? null) as OrgType | null,
    specialty: t.specialty,
    specialtyLabel: teamSpecialtyLabel(t.specialty, opts.lang),
    intro: t.intro,
    contactName: t.contactName,
    // The team's published contact: the people who manage the team see it in full.
    contactPhone: t.contactPhone,
    status: t.status,
    federationStatus: t.federationStatus,
    federationAppliedAt: iso(t.federationAppliedAt),
    federationDecidedAt: iso(t.federationDecidedAt),
    federationNote: t.federationNote,
    memberCount: Number(t.memberCount),
    pendingCount: Number(t.pendingCount),
    leader: t.leaderId && t.leaderName !== null ? { volunteerId: t.leaderId, name: t.leaderName } : null,
    hasLogo: Boolean(t.hasLogo),
    joinUrl: joinUrl(opts.publicBaseUrl, t.joinToken),
    canEdit: t.status === 'active' && canManageTeam(opts.principal, t),
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}

export function presentMember(m: MemberWithVolunteer) {
  return {
    id: m.id,
    volunteerId: m.volunteerId,
    number: m.number,
    name: m.name,
    phoneMasked: maskPhone(m.phone),
    role: m.role,
    status: m.status,
    requestedAt: m.requestedAt.toISOString(),
    joinedAt: iso(m.joinedAt),
    endedAt: iso(m.endedAt),
    note: m.note,
  };
}

export function presentPublicTeam(t: TeamWithCounts, lang: 'zh' | 'en') {
  return {
    id: t.id,
    name: t.name,
    kind: t.kind,
    unitName: t.unitName,
    orgName: t.orgName,
    specialty: t.specialty,
    specialtyLabel: teamSpecialtyLabel(t.specialty, lang),
    intro: t.intro,
    contactName: t.contactName,
    contactPhoneMasked: maskPhone(t.contactPhone),
    memberCount: Number(t.memberCount),
    logoUrl: t.hasLogo ? `/api/public/teams/${t.id}/logo` : null,
    federationMember: t.federationStatus === 'member',
    status: t.status,
  };
}

export function presentMyTeam(r: MyTeamRow, lang: 'zh' | 'en') {
  return {
    teamId: r.teamId,
    name: r.name,
    specialtyLabel: teamSpecialtyLabel(r.specialty, lang),
    unitName: r.unitName,
    teamStatus: r.teamStatus,
    role: r.role,
    status: r.status,
    requestedAt: r.requestedAt.toISOString(),
    joinedAt: iso(r.joinedAt),
  };
}
