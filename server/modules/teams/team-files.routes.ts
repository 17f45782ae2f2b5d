// A team's files: its logo (upload by its managers, public to read), its join QR code (SVG / PNG, regenerate),
// and the teams export (.xlsx) of the caller's scope.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import multipart from '@fastify/multipart';
import type { ModuleDeps } from '../../app';
import { requirePrincipal } from '../../platform/auth';
import { actorOf, audit } from '../../platform/audit';
import { AppError, fieldError } from '../../platform/errors';
import { TEAM_LOGO_MAX_BYTES } from '../../../common/team-specialties';
import { attachmentHeader, civicCodePng, civicCodeSvg, safeFileName } from '../network/civic-code.service';
import { fileResponse, idParams, teamExportQuery, teamSchema } from './teams.schemas';
import { actorContext, teamPresenter } from './teams.http';
import { joinUrl } from './teams.presenter';
import { getManagedTeam, regenerateJoinToken, setTeamLogo, teamLogo, teamsForExport } from './teams.service';
import { exportTeamsXlsx } from './teams-export.service';

const tags = ['teams'];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const teamFileRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  // Registered here, not app-wide: only the logo upload accepts multipart, and only one image up to 1 MB.
  await app.register(multipart, { limits: { fileSize: TEAM_LOGO_MAX_BYTES, files: 1, fields: 2, parts: 3 } });

  app.put(
    '/api/teams/:id/logo',
    {
      schema: {
        tags,
        summary: "Upload the team's logo (multipart field `file`, PNG / JPEG / WebP, at most 1 MB)",
        consumes: ['multipart/form-data'],
        params: idParams,
        body: z.strictObject({ file: z.any().meta({ type: 'string', format: 'binary', description: 'the image' }) }).nullish(),
        response: { 200: teamSchema },
      },
    },
    async (req) => {
      const who = actorContext(req, deps);
      // Who may change the logo is settled before a megabyte of upload is read.
      await getManagedTeam(deps.db, { principal: who.principal, id: req.params.id });
      if (!req.isMultipart()) throw new AppError('unsupported_media_type', '请以 multipart/form-data 上传图片（字段名 file）');
      const part = await req.file();
      if (!part || part.fieldname !== 'file') throw fieldError('file', '请选择队徽图片');
      let data: Buffer;
      try {
        data = await part.toBuffer();
      } catch (e) {
        if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('payload_too_large', '队徽图片不能超过 1 MB');
        throw e;
      }
      return teamPresenter(req, deps)(await setTeamLogo(deps.db, { ...who, id: req.params.id, data }));
    },
  );

  app.get(
    '/api/public/teams/:id/logo',
    {
      config: { access: 'public', rateLimit: { max: deps.config.rateLimit.publicPerMin, timeWindow: '1 minute' } },
      schema: { tags, summary: "A team's logo (public: shown on its join page and the federation list)", params: idParams, response: { 200: fileResponse } },
    },
    async (req, reply) => {
      const logo = await teamLogo(deps.db, req.params.id);
      return reply.type(logo.mime).header('cache-control', 'public, max-age=300').header('x-content-type-options', 'nosniff').send(logo.data);
    },
  );

  app.post(
    '/api/teams/:id/join-code/regenerate',
    {
      schema: {
        tags,
        summary: 'Give the team a new join QR code; the old code stops working',
        params: idParams,
        body: z.strictObject({}).nullish(),
        response: { 200: teamSchema },
      },
    },
    async (req) => teamPresenter(req, deps)(await regenerateJoinToken(deps.db, { ...actorContext(req, deps), id: req.params.id })),
  );

  for (const format of ['svg', 'png'] as const) {
    app.get(
      `/api/teams/:id/join-code.${format}`,
      {
        schema: {
          tags,
          summary: `Download the team's join QR code as ${format.toUpperCase()} (encodes PUBLIC_BASE_URL/m/join/<token>)`,
          params: idParams,
          produces: [format === 'svg' ? 'image/svg+xml' : 'image/png'],
          response: { 200: fileResponse },
        },
      },
      async (req, reply) => {
        const team = await getManagedTeam(deps.db, { principal: requirePrincipal(req), id: req.params.id });
        const url = joinUrl(deps.config.publicBaseUrl, team.joinToken);
        const body = format === 'svg' ? await civicCodeSvg(url) : await civicCodePng(url);
        return reply
          .type(format === 'svg' ? 'image/svg+xml' : 'image/png')
          .header('content-disposition', attachmentHeader(`${safeFileName(team.name)}-入队二维码.${format}`, `team-join-${team.id.slice(0, 8)}.${format}`))
          .header('cache-control', 'no-store')
          .send(body);
      },
    );
  }

  app.get(
    '/api/teams/export.xlsx',
    {
      schema: {
        tags,
        summary: 'Export the teams in scope (same filters as the list) as .xlsx; phones masked',
        querystring: teamExportQuery,
        produces: [XLSX_TYPE],
        response: { 200: fileResponse },
      },
    },
    async (req, reply) => {
      const principal = requirePrincipal(req);
      const rows = await teamsForExport(deps.db, { principal, ...req.query });
      const file = await exportTeamsXlsx(rows);
      await audit(deps.db, actorOf(req), { action: 'team.exported', objectType: 'team', details: { filters: req.query, rows: rows.length } });
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', attachmentHeader('志愿服务队.xlsx', 'teams.xlsx'))
        .header('cache-control', 'no-store')
        .send(file);
    },
  );
};
