// Shapes of the teams API as the web uses them (server/modules/teams/teams.schemas.ts is the truth), and the
// label helpers for specialties, organization types, roles and statuses.
import type { OrgType, TeamKind } from '../../common/team-specialties';

export type TeamStatus = 'active' | 'dissolved';
export type FederationStatus = 'none' | 'applied' | 'member' | 'rejected';
export type MemberRole = 'leader' | 'vice_leader' | 'member';
export type MemberStatus = 'pending' | 'active' | 'rejected' | 'left' | 'removed';

export type Team = {
  id: string;
  name: string;
  kind: TeamKind;
  unitId: string;
  unitCode: string;
  unitName: string;
  orgName: string | null;
  orgType: OrgType | null;
  specialty: string;
  specialtyLabel: string;
  intro: string;
  contactName: string;
  contactPhone: string;
  status: TeamStatus;
  federationStatus: FederationStatus;
  federationAppliedAt: string | null;
  federationDecidedAt: string | null;
  federationNote: string | null;
  memberCount: number;
  pendingCount: number;
  leader: { volunteerId: string; name: string } | null;
  hasLogo: boolean;
  joinUrl: string;
  canEdit: boolean;
  createdAt: string;
  updatedAt: string;
};

export type TeamInput = {
  name?: string;
  kind?: TeamKind;
  unitId?: string;
  orgName?: string | null;
  orgType?: OrgType | null;
  specialty?: string;
  intro?: string;
  contactName?: string;
  contactPhone?: string;
};

export type TeamMember = {
  id: string;
  volunteerId: string;
  number: string;
  name: string;
  phoneMasked: string;
  role: MemberRole;
  status: MemberStatus;
  requestedAt: string;
  joinedAt: string | null;
  endedAt: string | null;
  note: string | null;
};

export type PublicTeam = {
  id: string;
  name: string;
  kind: TeamKind;
  unitName: string;
  orgName: string | null;
  specialty: string;
  specialtyLabel: string;
  intro: string;
  contactName: string;
  contactPhoneMasked: string;
  memberCount: number;
  logoUrl: string | null;
  federationMember: boolean;
  status: TeamStatus;
};

export type JoinCard = PublicTeam & {
  myMembership: { status: MemberStatus; role: MemberRole } | null;
  signedInAsVolunteer: boolean;
};

export type Membership = { teamId: string; teamName: string; role: MemberRole; status: MemberStatus };

export type MyTeam = {
  teamId: string;
  name: string;
  specialtyLabel: string;
  unitName: string;
  teamStatus: TeamStatus;
  role: MemberRole;
  status: MemberStatus;
  requestedAt: string;
  joinedAt: string | null;
};

export const teamPaths = {
  list: '/api/teams',
  one: (id: string) => `/api/teams/${id}`,
  members: (id: string) => `/api/teams/${id}/members`,
  member: (id: string, memberId: string) => `/api/teams/${id}/members/${memberId}`,
  decide: (id: string, memberId: string) => `/api/teams/${id}/members/${memberId}/decide`,
  leader: (id: string) => `/api/teams/${id}/leader`,
  dissolve: (id: string) => `/api/teams/${id}/dissolve`,
  logo: (id: string) => `/api/teams/${id}/logo`,
  publicLogo: (id: string) => `/api/public/teams/${id}/logo`,
  joinCode: (id: string, format: 'svg' | 'png') => `/api/teams/${id}/join-code.${format}`,
  regenerate: (id: string) => `/api/teams/${id}/join-code/regenerate`,
  federationApply: (id: string) => `/api/teams/${id}/federation/apply`,
  federationList: '/api/federation/applications',
  federationDecide: (id: string) => `/api/federation/applications/${id}/decide`,
  export: '/api/teams/export.xlsx',
  joinCard: (token: string) => `/api/public/teams/join/${encodeURIComponent(token)}`,
  join: '/api/me/teams/join',
  mine: '/api/me/teams',
  leave: (teamId: string) => `/api/me/teams/${teamId}/leave`,
} as const;
