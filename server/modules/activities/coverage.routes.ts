// Coverage report routes (月月有主题 周周有活动): the report, its drill-down into one unit's week, the console
// home alert for the coming week, and the plan as XLSX / printable monthly calendar (PDF).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../app';
import { requirePrincipal } from '../../platform/auth';
import { fieldError } from '../../platform/errors';
import { ROOT_CODE_DIGITS } from '../../../common/network';
import { attachmentHeader, safeFileName } from '../network/civic-code.service';
import { alertsResponse, calendarQuery, coverageQuery, coverageReport as reportSchema, fileResponse, weekDetail, weekParams } from './coverage.schemas';
import { comingWeekAlerts, coverageReport, readableUnit, weekActivities } from './coverage.service';
import { activitiesBetween, centerThemes, COUNTED_STATUSES } from './coverage.repo';
import { calendarPdf, localParts, planXlsx } from './coverage-export';
import { formatDate, monthBounds, todayInShanghai } from './coverage.dates';

const tags = ['coverage'];
const MAX_PLAN_ROWS = 50_000;
const MAX_CALENDAR_ROWS = 5_000;

export const coverageRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  app.get(
    '/api/coverage',
    {
      schema: {
        tags,
        summary: 'Weeks without activities and months without a theme activity, per institute and station under a unit (ISO weeks, Asia/Shanghai)',
        querystring: coverageQuery,
        response: { 200: reportSchema },
      },
    },
    async (req) => coverageReport(deps.db, { principal: requirePrincipal(req), now: deps.clock.now(), ...req.query }),
  );

  app.get(
    '/api/coverage/units/:id/weeks/:isoWeek',
    {
      schema: {
        tags,
        summary: 'The activities (any status, flagged whether they count) of a unit and the units under it in one ISO week',
        params: weekParams,
        response: { 200: weekDetail },
      },
    },
    async (req) => weekActivities(deps.db, { principal: requirePrincipal(req), now: deps.clock.now(), ...req.params }),
  );

  app.get(
    '/api/coverage/alerts',
    { schema: { tags, summary: 'Institutes and stations in scope with nothing planned next Monday–Sunday', response: { 200: alertsResponse } } },
    async (req) => comingWeekAlerts(deps.db, { principal: requirePrincipal(req), now: deps.clock.now() }),
  );

  app.get(
    '/api/coverage/plan.xlsx',
    {
      schema: {
        tags,
        summary: "The range's activities (drafts left out) and the coverage grid as .xlsx",
        querystring: coverageQuery,
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: { 200: fileResponse },
      },
    },
    async (req, reply) => {
      const now = deps.clock.now();
      const report = await coverageReport(deps.db, { principal: requirePrincipal(req), now, ...req.query });
      const to = new Date(Date.parse(report.to) + 86_400_000).toISOString().slice(0, 10);
      const activities = await activitiesBetween(deps.db, { code: report.unit.code, from: report.from, to, excludeDrafts: true, limit: MAX_PLAN_ROWS });
      const title = `${report.unit.name} 活动安排 ${report.from}至${report.to}`;
      const body = await planXlsx({ title, activities, report, now });
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', attachmentHeader(`${safeFileName(title)}.xlsx`, `plan-${report.from}.xlsx`))
        .header('cache-control', 'no-store')
        .send(body);
    },
  );

  app.get(
    '/api/coverage/calendar.pdf',
    {
      schema: {
        tags,
        summary: "A printable A4 landscape calendar of a unit's activities (and those of the units under it) for one month",
        querystring: calendarQuery,
        produces: ['application/pdf'],
        response: { 200: fileResponse },
      },
    },
    async (req, reply) => {
      const now = deps.clock.now();
      const unit = await readableUnit(deps.db, requirePrincipal(req), req.query.unit);
      const month = req.query.month ?? formatDate(todayInShanghai(now)).slice(0, 7);
      const bounds = monthBounds(month);
      if (!bounds) throw fieldError('month', '不是有效的月份');
      const [activities, themes] = await Promise.all([
        activitiesBetween(deps.db, { code: unit.code, from: formatDate(bounds.first), to: formatDate(bounds.next), statuses: COUNTED_STATUSES, limit: MAX_CALENDAR_ROWS }),
        centerThemes(deps.db, { rootCode: unit.code.slice(0, ROOT_CODE_DIGITS), months: [month] }),
      ]);
      const printed = localParts(now);
      const body = await calendarPdf({
        unitName: unit.name,
        showUnit: unit.level !== 'station',
        month,
        theme: themes[0]?.title ?? null,
        activities,
        printedAt: `${printed.date} ${printed.time}`,
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', attachmentHeader(`${safeFileName(unit.name)}-${month}-活动日历.pdf`, `calendar-${month}.pdf`))
        .header('cache-control', 'no-store')
        .send(body);
    },
  );
};
