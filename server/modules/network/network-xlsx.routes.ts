// XLSX export and import of the network in the console. The rules live in network-xlsx.service.ts, which the
// CLI uses too; these handlers add the signed-in admin's scope, the upload and the audit of exports.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import multipart from '@fastify/multipart';
import type { ModuleDeps } from '../../app';
import { requirePrincipal } from '../../platform/auth';
import { actorOf, audit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { scopeCodes } from '../../platform/policy';
import { fileResponse } from './network.schemas';
import { getUnit } from './units.service';
import { exportNetworkXlsx, importNetworkXlsx } from './network-xlsx.service';
import { attachmentHeader, safeFileName } from './civic-code.service';

const tags = ['network'];
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;

const fieldIssue = z.object({ field: z.string(), message: z.string() });
const counts = z.object({ created: z.number(), updated: z.number(), unchanged: z.number() });
export const importReportSchema = z.object({
  ok: z.boolean(),
  committed: z.boolean(),
  summary: z.object({ units: counts, sites: counts, errorRows: z.number() }),
  rows: z.array(
    z.object({
      sheet: z.string(),
      row: z.number(),
      key: z.string(),
      action: z.enum(['create', 'update', 'unchanged', 'error']),
      errors: z.array(fieldIssue),
    }),
  ),
});

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const networkXlsxRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  // Registered here, not app-wide: only this plugin accepts uploads, and only up to 5 MB.
  await app.register(multipart, { limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 5, parts: 6 } });

  app.get(
    '/api/network/export.xlsx',
    {
      schema: {
        tags,
        summary: 'Export units and sites in scope (or under one unit) as .xlsx, in the import format',
        querystring: z.strictObject({ under: z.uuid().optional() }),
        produces: [XLSX_TYPE],
        response: { 200: fileResponse },
      },
    },
    async (req, reply) => {
      const principal = requirePrincipal(req);
      const under = req.query.under ? await getUnit(deps.db, { principal, id: req.query.under }) : null;
      const codes = scopeCodes(principal, 'network.read');
      const file = await exportNetworkXlsx(deps.db, { underCode: under?.code, scopeCodes: codes });
      await audit(deps.db, actorOf(req), {
        action: 'network.exported',
        objectType: 'unit',
        objectId: under?.id ?? '',
        unitCode: under?.code ?? (codes.length === 1 ? codes[0] : ''),
        details: { bytes: file.length },
      });
      const name = under ? `${safeFileName(under.name)}-实践网络.xlsx` : '实践网络.xlsx';
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', attachmentHeader(name, `network-${under?.code ?? 'all'}.xlsx`))
        .header('cache-control', 'no-store')
        .send(file);
    },
  );

  app.post(
    '/api/network/import',
    {
      schema: {
        tags,
        summary: 'Import units and sites from .xlsx (multipart field `file`, at most 5 MB); preview writes nothing, commit writes all or nothing',
        consumes: ['multipart/form-data'],
        // Documents the upload; the multipart plugin reads the stream, so a JSON body never reaches the handler.
        body: z
          .strictObject({ file: z.any().meta({ type: 'string', format: 'binary', description: 'the .xlsx file' }) })
          .nullish(),
        querystring: z.strictObject({ mode: z.enum(['preview', 'commit']).default('preview') }),
        response: { 200: importReportSchema },
      },
    },
    async (req) => {
      const principal = requirePrincipal(req);
      const scope = scopeCodes(principal, 'network.manage');
      if (scope.length === 0) throw new AppError('forbidden');
      if (!req.isMultipart()) throw new AppError('unsupported_media_type', '请以 multipart/form-data 上传 .xlsx 文件（字段名 file）');
      const part = await req.file();
      if (!part || part.fieldname !== 'file') throw new AppError('validation_failed', 'file: 请选择要导入的 .xlsx 文件', { fields: [{ field: 'file', message: '缺少文件' }] });
      let buffer: Buffer;
      try {
        buffer = await part.toBuffer();
      } catch (e) {
        if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('payload_too_large', '文件不能超过 5 MB');
        throw e;
      }
      return importNetworkXlsx(deps.db, buffer, { commit: req.query.mode === 'commit', actor: actorOf(req), scopeCodes: scope, now: deps.clock.now() });
    },
  );
};
