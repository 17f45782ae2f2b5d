// The API shapes of the certificates module (志愿服务记录证明): requests, the register, issue / reject / revoke
// and the public verification answer.
import { z } from 'zod';
import { contactPhoneSchema, textField } from '../../../common/network';
import { pageQuery } from '../../platform/pagination';

export const certificateStatuses = ['requested', 'issued', 'rejected', 'revoked'] as const;

/** A real calendar date 'YYYY-MM-DD' (2026-02-30 is refused, not rolled over). */
export const localDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式为 YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, '不是有效的日期');

export const idParams = z.strictObject({ id: z.uuid() });
export const verifyParams = z.strictObject({ code: z.string().min(1).max(100) });
export const fileResponse = z.any().describe('a file download');

export const certificateSchema = z.object({
  id: z.string(),
  number: z.string().nullable(),
  status: z.enum(certificateStatuses),
  volunteerId: z.string(),
  volunteerName: z.string(),
  volunteerNumber: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  purpose: z.string(),
  issuingUnitName: z.string(),
  requestedAt: z.string(),
  requestedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  rejectReason: z.string().nullable(),
  issuedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revokeReason: z.string().nullable(),
  totalMinutes: z.number().nullable(),
  verifyUrl: z.string().nullable(),
});

export const snapshotSchema = z.object({
  name: z.string(),
  idType: z.string(),
  idMasked: z.string(),
  volunteerNumber: z.string(),
  totalMinutes: z.number(),
  items: z.array(z.object({ date: z.string(), title: z.string(), unitName: z.string(), minutes: z.number() })),
  issuer: z.string(),
  personInCharge: z.string(),
  handler: z.string(),
  handlerPhone: z.string(),
});

export const detailSchema = z.object({ certificate: certificateSchema, snapshot: snapshotSchema.nullable() });
export const listSchema = z.object({ items: z.array(certificateSchema), nextCursor: z.string().nullable() });

const period = {
  from: localDate.describe('first local date of the service period'),
  to: localDate.describe('last local date of the service period (inclusive)'),
  purpose: textField(200).default('').describe('what the volunteer needs it for (school, employer, …)'),
};
export const selfRequestBody = z.strictObject(period);
export const staffRequestBody = z.strictObject({ volunteerId: z.uuid(), ...period });

const filters = {
  status: z.enum(certificateStatuses).optional(),
  unit: z.uuid().optional().describe("an issuing unit: that unit's subtree"),
  q: z.string().trim().max(100).optional().describe('volunteer name, volunteer number or certificate number'),
};
export const registerQuery = z.strictObject({ ...filters, ...pageQuery });
export const exportQuery = z.strictObject(filters);

export const issueBody = z.strictObject({
  personInCharge: textField(50, { required: true }).describe('负责人'),
  handler: textField(50).optional().describe('经办人 (default: the signed-in staff member)'),
  handlerPhone: contactPhoneSchema.optional().describe("经办人联系电话 (default: the issuing unit's contact phone, else the staff member's)"),
});
export const reasonBody = z.strictObject({ reason: textField(500, { required: true }) });

export const verifySchema = z.object({
  valid: z.boolean(),
  status: z.enum(['issued', 'revoked']).optional(),
  number: z.string().optional(),
  nameMasked: z.string().optional(),
  idMasked: z.string().optional(),
  volunteerNumber: z.string().optional(),
  periodFrom: z.string().optional(),
  periodTo: z.string().optional(),
  totalMinutes: z.number().optional(),
  issuer: z.string().optional(),
  issuedAt: z.string().optional(),
  revokedAt: z.string().nullable().optional(),
  items: z.array(z.object({ date: z.string(), title: z.string(), minutes: z.number() })).optional(),
});
