// API shapes of the roster module: the import report, the duplicates report, and the merge request.
import { z } from 'zod';
import { pageQuery } from '../../platform/pagination';
import { rosterFields } from './roster-mapping';

export const teamParams = z.strictObject({ teamId: z.uuid() });

const header = z.string().nullable();
export const mappingOut = z.object(Object.fromEntries(rosterFields.map((f) => [f, header])) as Record<(typeof rosterFields)[number], typeof header>);

// Documents the multipart upload; the multipart plugin reads the stream, so a JSON body never reaches the handler.
export const uploadBody = z
  .strictObject({
    file: z.any().meta({ type: 'string', format: 'binary', description: 'the roster, .xlsx or .csv, at most 10 MB' }),
    mapping: z.string().optional().meta({ description: 'JSON {name, phone, idNumber, skills?, station?}: the header of the column holding each field (null = none)' }),
    decisions: z.string().optional().meta({ description: 'JSON {"<row number>": "keep" | "take"} for rows with conflicting fields (default keep)' }),
  })
  .nullish();

const issue = z.object({ field: z.string(), message: z.string() });
export const rosterReportSchema = z.object({
  ok: z.boolean(),
  committed: z.boolean(),
  team: z.object({ id: z.string(), name: z.string(), unitName: z.string() }),
  file: z.object({ format: z.enum(['xlsx', 'csv']), sheet: z.string().nullable(), headerRow: z.number(), headers: z.array(z.string()), emptyRowsSkipped: z.number() }),
  mapping: mappingOut,
  mappingSource: z.enum(['request', 'remembered', 'guessed']),
  problems: z.array(issue),
  summary: z.object({ rows: z.number(), new: z.number(), match: z.number(), member: z.number(), error: z.number(), conflict: z.number() }),
  rows: z.array(
    z.object({
      row: z.number(),
      status: z.enum(['error', 'new', 'match', 'member']),
      name: z.string(),
      phoneMasked: z.string(),
      idMasked: z.string(),
      volunteerNumber: z.string().nullable(),
      matchedBy: z.enum(['id', 'phone_name']).nullable(),
      conflicts: z.array(z.object({ field: z.enum(['name', 'phone', 'idNumber']), registry: z.string(), roster: z.string() })),
      decision: z.enum(['keep', 'take']).nullable(),
      errors: z.array(z.object({ field: z.string(), column: z.string(), message: z.string() })),
    }),
  ),
  truncated: z.boolean(),
  result: z.object({ created: z.number(), joined: z.number(), updated: z.number() }).nullable(),
});

export const teamsQuery = z.strictObject({ q: z.string().trim().max(50).optional(), limit: z.coerce.number().int().min(1).max(50).default(20) });
export const teamOptionSchema = z.object({ id: z.string(), name: z.string(), unitName: z.string(), unitCode: z.string() });

export const duplicatesQuery = z.strictObject(pageQuery);
const unitRef = z.object({ id: z.string(), code: z.string(), name: z.string() }).nullable();
export const duplicateMemberSchema = z.object({
  id: z.string(),
  number: z.string(),
  name: z.string(),
  phoneMasked: z.string(),
  idMasked: z.string(),
  gender: z.enum(['male', 'female']).nullable(),
  birthDate: z.string().nullable(),
  homeUnit: unitRef,
  status: z.string(),
  source: z.string(),
  teams: z.number(),
  hasAccount: z.boolean(),
  createdAt: z.string(),
});
export const duplicateGroupSchema = z.object({
  reason: z.enum(['phone', 'name_birth']),
  /** What the members share, masked (138****0001 or 张三 · 1990-01-01). */
  key: z.string(),
  members: z.array(duplicateMemberSchema),
});
export const duplicatesPage = z.object({ items: z.array(duplicateGroupSchema), nextCursor: z.string().nullable() });

export const mergeBody = z.strictObject({ keepId: z.uuid(), mergeId: z.uuid() });
export const mergeResultSchema = z.object({
  kept: duplicateMemberSchema,
  mergedNumber: z.string(),
  moved: z.object({ memberships: z.number(), enrolments: z.number(), qualifications: z.number(), consents: z.number(), other: z.number() }),
});
