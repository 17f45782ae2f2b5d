// Roster import routes: the team picker, preview and commit. The upload (multipart, one file up to 10 MB plus
// the mapping and decisions as JSON fields) is read here; the rules live in roster.service.ts.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import { z } from 'zod';
import type { ModuleDeps } from '../../app';
import { requirePrincipal } from '../../platform/auth';
import { actorOf } from '../../platform/audit';
import { AppError, fieldError } from '../../platform/errors';
import { ROSTER_MAX_BYTES } from './roster-file';
import { mappingSchema, type RosterMapping } from './roster-mapping';
import type { Decision } from './roster-plan';
import { rosterReportSchema, teamOptionSchema, teamParams, teamsQuery, uploadBody } from './roster.schemas';
import { commitRoster, importableTeams, previewRoster, teamForImport } from './roster.service';

const tags = ['roster'];
const decisionsSchema = z.record(z.string().regex(/^\d{1,7}$/), z.enum(['keep', 'take']));

type Upload = { buffer: Buffer; mapping: Partial<RosterMapping> | null; decisions: Record<string, Decision> };

function jsonField<T>(name: string, text: string | undefined, schema: z.ZodType<T>): T | null {
  if (text === undefined || text.trim() === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw fieldError(name, '不是有效的 JSON');
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw fieldError(`${name}.${parsed.error.issues[0]?.path.join('.') ?? ''}`.replace(/\.$/, ''), parsed.error.issues[0]?.message ?? 'invalid');
  return parsed.data;
}

const MULTIPART_ERRORS: Record<string, () => AppError> = {
  FST_REQ_FILE_TOO_LARGE: () => new AppError('payload_too_large', '名册文件不能超过 10 MB：请删去无关的工作表和空行，或分成几个文件导入', { fields: [{ field: 'file', message: 'larger than 10 MB' }] }),
  FST_FILES_LIMIT: () => fieldError('file', '一次只能上传一个文件'),
  FST_PARTS_LIMIT: () => new AppError('bad_request', '上传的表单项过多'),
  FST_FIELDS_LIMIT: () => new AppError('bad_request', '上传的表单项过多'),
  FST_PROTO_VIOLATION: () => new AppError('bad_request', '上传的表单项名称无效'),
  FST_INVALID_MULTIPART_CONTENT_TYPE: () => new AppError('unsupported_media_type', '请以 multipart/form-data 上传名册文件（字段名 file）'),
};

async function readUpload(req: FastifyRequest): Promise<Upload> {
  if (!req.isMultipart()) throw new AppError('unsupported_media_type', '请以 multipart/form-data 上传名册文件（字段名 file）');
  let buffer: Buffer | null = null;
  const fields: Record<string, string> = {};
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        const data = await part.toBuffer();
        if (part.fieldname === 'file' && !buffer) buffer = data;
      } else if (part.fieldname === 'mapping' || part.fieldname === 'decisions') {
        fields[part.fieldname] = String(part.value ?? '');
      }
    }
  } catch (e) {
    const known = MULTIPART_ERRORS[(e as { code?: string }).code ?? ''];
    if (known) throw known();
    if (e instanceof AppError) throw e;
    // Anything else here is a malformed upload (cut-off body, bad boundary), never our fault.
    throw new AppError('bad_request', '上传的内容不完整或格式有误，请重新选择文件上传');
  }
  if (!buffer) throw fieldError('file', '请选择要导入的名册文件（.xlsx 或 .csv）');
  return {
    buffer,
    mapping: jsonField('mapping', fields.mapping, mappingSchema),
    decisions: jsonField('decisions', fields.decisions, decisionsSchema) ?? {},
  };
}

export const rosterImportRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  // Registered here, not app-wide: only these routes accept uploads. The mapping and decisions fields are small
  // JSON; decisions name only rows where staff chose the roster's value.
  await app.register(multipart, { limits: { fileSize: ROSTER_MAX_BYTES, files: 1, fields: 4, parts: 6, fieldSize: 2 * 1024 * 1024 } });

  app.get(
    '/api/roster/teams',
    { schema: { tags, summary: 'Teams the caller may import a roster into (by name fragment)', querystring: teamsQuery, response: { 200: z.object({ items: z.array(teamOptionSchema) }) } } },
    async (req) => {
      const teams = await importableTeams(deps.db, requirePrincipal(req), req.query.q, req.query.limit);
      return { items: teams.map((t) => ({ id: t.id, name: t.name, unitName: t.unitName, unitCode: t.unitCode })) };
    },
  );

  const route = (mode: 'preview' | 'commit') =>
    app.post(
      `/api/teams/:teamId/roster/${mode}`,
      {
        schema: {
          tags,
          summary:
            mode === 'preview'
              ? 'Check a roster (.xlsx/.csv, multipart field `file`, ≤ 10 MB) against the registry: column mapping, row report, matches and conflicts; writes nothing'
              : 'Import a roster into the team: all rows in one transaction, or nothing (422 import_rejected with the report) if any row has an error',
          consumes: ['multipart/form-data'],
          params: teamParams,
          body: uploadBody,
          response: { 200: rosterReportSchema },
        },
      },
      async (req) => {
        const principal = requirePrincipal(req);
        const team = await teamForImport(deps.db, principal, req.params.teamId);
        const upload = await readUpload(req);
        const input = { team, ...upload, cipher: deps.cipher, now: deps.clock.now() };
        return mode === 'preview' ? previewRoster(deps.db, input) : commitRoster(deps.db, { ...input, actor: actorOf(req) });
      },
    );
  route('preview');
  route('commit');
};
