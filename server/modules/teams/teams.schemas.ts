// The API shapes of the teams module (requests and responses). Field rules come from common/ so the web
// validates the same way.
import { z } from 'zod';
import { contactPhoneSchema, textField } from '../../../common/network';
import {
  federationStatuses,
  orgTypeKeys,
  teamFieldLimits as L,
  teamKinds,
  teamMemberRoles,
  teamMemberStatuses,
  teamSpecialtyKeys,
  teamStatuses,
} from '../../../common/team-specialties';
import { pageQuery } from '../../platform/pagination';

export const idParams = z.strictObject({ id: z.uuid() });
export const memberParams = z.strictObject({ id: z.uuid(), memberId: z.uuid() });
export const tokenParams = z.strictObject({ token: z.string().min(1).max(64) });
const searchText = z.string().trim().max(100).optional();

export const teamSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(teamKinds),
  unitId: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  orgName: z.string().nullable(),
  orgType: z.enum(orgTypeKeys).nullable(),
  specialty: z.string(),
  specialtyLabel: z.string(),
  intro: z.string(),
  contactName: z.string(),
  contactPhone: z.string(),
  status: z.enum(teamStatuses),
  federationStatus: z.enum(federationStatuses),
  federationAppliedAt: z.string().nullable(),
  federationDecidedAt: z.string().nullable(),
  federationNote: z.string().nullable(),
  memberCount: z.number(),
  pendingCount: z.number(),
  leader: z.object({ volunteerId: z.string(), name: z.string() }).nullable(),
  hasLogo: z.boolean(),
  joinUrl: z.string(),
  /** What the signed-in person may do on this team (the console hides what they cannot). */
  canEdit: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const teamListQuery = z.strictObject({
  q: searchText,
  unitId: z.uuid().optional().describe("a unit id: teams of that unit's whole subtree"),
  kind: z.enum(teamKinds).optional(),
  specialty: z.enum(teamSpecialtyKeys).optional(),
  status: z.enum(teamStatuses).optional(),
  federationStatus: z.enum(federationStatuses).optional(),
  ...pageQuery,
});
export const teamExportQuery = teamListQuery.omit({ cursor: true, limit: true });

const teamDetails = {
  specialty: z.enum(teamSpecialtyKeys),
  intro: textField(L.intro).optional(),
  contactName: textField(L.contactName).optional(),
  contactPhone: contactPhoneSchema.optional(),
};

export const teamCreateBody = z.strictObject({
  name: textField(L.name, { required: true }),
  kind: z.enum(teamKinds).default('unit'),
  unitId: z.uuid().describe('the unit the team belongs to, or whose staff oversee the outside organization'),
  orgName: textField(L.orgName).optional(),
  orgType: z.enum(orgTypeKeys).optional(),
  ...teamDetails,
});

export const teamPatchBody = z.strictObject({
  name: textField(L.name, { required: true }).optional(),
  kind: z.enum(teamKinds).optional(),
  unitId: z.uuid().optional(),
  orgName: textField(L.orgName).nullable().optional(),
  orgType: z.enum(orgTypeKeys).nullable().optional(),
  ...teamDetails,
  specialty: teamDetails.specialty.optional(),
});

export const noteBody = z.strictObject({ note: textField(L.note).optional() }).nullish();

export const memberSchema = z.object({
  id: z.string().describe('the membership id'),
  volunteerId: z.string(),
  number: z.string(),
  name: z.string(),
  phoneMasked: z.string(),
  role: z.enum(teamMemberRoles),
  status: z.enum(teamMemberStatuses),
  requestedAt: z.string(),
  joinedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  note: z.string().nullable(),
});

export const memberListQuery = z.strictObject({
  q: searchText.describe('name, volunteer number, or the last digits of the phone'),
  status: z.enum(teamMemberStatuses).optional().describe('default: pending and active'),
  ...pageQuery,
});

export const memberAddBody = z.strictObject({
  volunteerNumber: z.string().trim().regex(/^V\d{9}$/, '志愿者编号格式为 V 加 9 位数字'),
  role: z.enum(['vice_leader', 'member']).optional(),
});
export const decisionBody = z.strictObject({ decision: z.enum(['approve', 'reject']), note: textField(L.note).optional() });
export const roleBody = z.strictObject({ role: z.enum(['vice_leader', 'member']).describe('the leader changes only by transfer') });
export const transferBody = z.strictObject({ memberId: z.uuid().describe('the active member who becomes leader') });

export const publicTeamSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(teamKinds),
  unitName: z.string(),
  orgName: z.string().nullable(),
  specialty: z.string(),
  specialtyLabel: z.string(),
  intro: z.string(),
  contactName: z.string(),
  contactPhoneMasked: z.string(),
  memberCount: z.number(),
  logoUrl: z.string().nullable(),
  federationMember: z.boolean(),
  status: z.enum(teamStatuses),
});
export const joinCardSchema = publicTeamSchema.extend({
  /** The signed-in volunteer's membership of this team, if any (null when not signed in as a volunteer). */
  myMembership: z.object({ status: z.enum(teamMemberStatuses), role: z.enum(teamMemberRoles) }).nullable(),
  signedInAsVolunteer: z.boolean(),
});

export const myTeamSchema = z.object({
  teamId: z.string(),
  name: z.string(),
  specialtyLabel: z.string(),
  unitName: z.string(),
  teamStatus: z.enum(teamStatuses),
  role: z.enum(teamMemberRoles),
  status: z.enum(teamMemberStatuses),
  requestedAt: z.string(),
  joinedAt: z.string().nullable(),
});

export const joinBody = z.strictObject({ token: z.string().trim().min(1).max(64) });
export const myTeamParams = z.strictObject({ teamId: z.uuid() });

export const federationListQuery = z.strictObject({
  status: z.enum(['applied', 'member', 'rejected']).default('applied'),
  q: searchText,
  ...pageQuery,
});
export const federationDecideBody = z.strictObject({ decision: z.enum(['approve', 'reject']), note: textField(L.note).optional() });
export const federationApplyBody = z.strictObject({ note: textField(L.note).optional() }).nullish();
export const publicFederationQuery = z.strictObject({ q: searchText, specialty: z.enum(teamSpecialtyKeys).optional(), ...pageQuery });

export function listOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number(), nextCursor: z.string().nullable() });
}

export const fileResponse = z.any().describe('a file download');
