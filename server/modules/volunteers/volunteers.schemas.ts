// The API shapes of the volunteers module (requests and responses), shared by its route files. Phone and text
// rules come from common/ so the web validates the same way; ID numbers are checked by the service (the check
// says what is wrong, which zod's messages cannot).
import { z } from 'zod';
import { mobileSchema } from '../../../common/validation';
import { pageQuery } from '../../platform/pagination';

export const idParams = z.strictObject({ id: z.uuid() });

export const volunteerStatuses = ['pending', 'active', 'suspended', 'left'] as const;
export const volunteerSources = ['self', 'staff', 'import'] as const;
export const slotKeys = ['morning', 'afternoon', 'evening'] as const;
export const otpPurposes = ['register', 'sign-in', 'erase'] as const;

const trimmed = (max: number) => z.string().trim().min(1, '不能为空').max(max);
export const nameSchema = trimmed(50);
export const idNumberInput = z.string().max(40);
export const codeSchema = z.string().regex(/^\d{6}$/, '验证码为 6 位数字');

export const availabilitySchema = z.strictObject({
  days: z.array(z.number().int().min(1).max(7)).max(7),
  slots: z.array(z.enum(slotKeys)).max(3),
});
export const skillsInput = z.array(trimmed(30)).max(20);

export const guardianInput = z.strictObject({
  name: nameSchema,
  phone: mobileSchema,
  relation: trimmed(20),
  consentVersion: z.string().max(40),
});

const profileFields = {
  name: nameSchema,
  idNumber: idNumberInput,
  skills: skillsInput.default([]),
  availability: availabilitySchema.default({ days: [], slots: [] }),
  homeUnitId: z.uuid(),
  guardian: guardianInput.optional(),
};

export const registerBody = z.strictObject({
  phone: mobileSchema,
  code: codeSchema,
  ...profileFields,
  consents: z.strictObject({ privacy: z.string().max(40), idProcessing: z.string().max(40) }),
  teamToken: z.string().min(1).max(64).optional(),
});
export type RegisterBody = z.infer<typeof registerBody>;

export const staffEntryBody = z.strictObject({ phone: mobileSchema, ...profileFields });
export type StaffEntryBody = z.infer<typeof staffEntryBody>;

export const staffPatchBody = z.strictObject({
  name: nameSchema.optional(),
  phone: mobileSchema.optional(),
  skills: skillsInput.optional(),
  availability: availabilitySchema.optional(),
  homeUnitId: z.uuid().optional(),
});
export const selfPatchBody = staffPatchBody.omit({ phone: true });

export const reviewBody = z.strictObject({ decision: z.enum(['approve', 'reject']), note: z.string().trim().max(200).optional() });
export const statusBody = z.strictObject({ status: z.enum(['active', 'suspended', 'left']), note: z.string().trim().max(200).optional() });

export const otpBody = z.strictObject({ phone: mobileSchema, purpose: z.enum(otpPurposes) });
export const signInBody = z.union([
  z.strictObject({ phone: mobileSchema, code: codeSchema }),
  z.strictObject({ phone: mobileSchema, password: z.string().min(1).max(128) }),
]);
export const passwordBody = z.strictObject({ password: z.string().max(128) });
export const eraseBody = z.strictObject({ code: codeSchema });

const boolText = z.enum(['true', 'false']).transform((v) => v === 'true');
export const volunteerListQuery = z.strictObject({
  q: z.string().trim().max(50).optional(),
  skill: z.string().trim().max(30).optional(),
  unit: z.uuid().optional().describe("a unit id: volunteers whose home unit is it or under it"),
  status: z.enum(volunteerStatuses).optional(),
  minor: boolText.optional(),
  ...pageQuery,
});
export type VolunteerListQuery = z.infer<typeof volunteerListQuery>;
export const volunteerExportQuery = volunteerListQuery.omit({ cursor: true, limit: true });

const unitRef = z.object({ id: z.string(), code: z.string(), name: z.string() });

export const volunteerRowSchema = z.object({
  id: z.string(),
  number: z.string(),
  name: z.string(),
  phoneMasked: z.string(),
  idMasked: z.string(),
  gender: z.enum(['male', 'female']).nullable(),
  age: z.number().nullable(),
  minor: z.boolean(),
  skills: z.array(z.string()),
  homeUnit: unitRef.nullable(),
  status: z.enum(volunteerStatuses),
  source: z.enum(volunteerSources),
  createdAt: z.string(),
});

export const volunteerPageSchema = z.object({
  items: z.array(volunteerRowSchema),
  nextCursor: z.string().nullable(),
  total: z.number().optional().describe('counted up to 10000 on the first page only (no cursor)'),
  totalCapped: z.boolean().optional().describe('true when there are more rows than total says'),
});

const teamRef = z.object({ id: z.string(), name: z.string(), role: z.string(), status: z.string() });
const qualification = z.object({ name: z.string(), grantedAt: z.string(), expiresAt: z.string().nullable() });
const consentRef = z.object({ kind: z.string(), version: z.string(), acceptedAt: z.string() });

export const volunteerDetailSchema = volunteerRowSchema.extend({
  phone: z.string().describe('staff in scope may call the volunteer'),
  birthDate: z.string().nullable(),
  availability: z.object({ days: z.array(z.number()), slots: z.array(z.string()) }),
  teams: z.array(teamRef),
  qualifications: z.array(qualification),
  trainings: z.array(
    z.object({ courseTitle: z.string(), startsAt: z.string(), status: z.string(), attended: z.boolean().nullable(), passed: z.boolean().nullable() }),
  ),
  consents: z.array(consentRef.extend({ givenBy: z.enum(['self', 'guardian', 'staff']), withdrawnAt: z.string().nullable() })),
  guardian: z.object({ name: z.string(), phoneMasked: z.string(), relation: z.string() }).nullable(),
  hasPhoto: z.boolean(),
  serviceMinutes: z.number(),
  starLevel: z.number(),
  points: z.number(),
  certificates: z.array(z.unknown()),
  review: z.object({ reviewedAt: z.string().nullable(), reviewedBy: z.string().nullable(), note: z.string().nullable() }),
  registeredBy: z.string().nullable(),
  erased: z.boolean(),
  updatedAt: z.string(),
});

export const myVolunteerSchema = z.object({
  id: z.string(),
  number: z.string(),
  name: z.string(),
  phone: z.string(),
  idMasked: z.string(),
  gender: z.enum(['male', 'female']).nullable(),
  birthDate: z.string().nullable(),
  age: z.number().nullable(),
  minor: z.boolean(),
  skills: z.array(z.string()),
  availability: z.object({ days: z.array(z.number()), slots: z.array(z.string()) }),
  homeUnit: unitRef.nullable(),
  status: z.enum(volunteerStatuses),
  photoUrl: z.string().nullable(),
  teams: z.array(teamRef),
  qualifications: z.array(qualification),
  serviceMinutes: z.number(),
  starLevel: z.number(),
  points: z.number(),
  certificates: z.array(z.unknown()),
  consents: z.array(consentRef),
  hasPassword: z.boolean(),
});

export const skillTagSchema = z.object({ id: z.string(), name: z.string(), category: z.enum(['skill', 'specialty']), sort: z.number(), active: z.boolean() });
export const skillTagCreateBody = z.strictObject({ name: trimmed(30), category: z.enum(['skill', 'specialty']), sort: z.number().int().min(0).max(10000).optional() });
export const skillTagPatchBody = z.strictObject({
  name: trimmed(30).optional(),
  category: z.enum(['skill', 'specialty']).optional(),
  active: z.boolean().optional(),
  sort: z.number().int().min(0).max(10000).optional(),
});

export const smsRowSchema = z.object({
  id: z.number(),
  phone: z.string(),
  purpose: z.string(),
  text: z.string(),
  unitCode: z.string(),
  status: z.string(),
  createdAt: z.string(),
});
export const smsListQuery = z.strictObject({ phone: z.string().regex(/^\d{1,11}$/, '请输入手机号或其中的数字').optional(), ...pageQuery });

export const fileResponse = z.any().describe('the file');
