// Walks every route × relation (same unit, parent, child, sibling, unrelated, anonymous) against the target
// institute and checks the policy's answer. A route missing from every module's matrix fails the test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../testing/harness';
import { actorFor, addUnrelatedDistrict, matrixContext, relations, withCookie, type MatrixCtx, type MatrixEntry } from '../testing/matrix';
import { accountsMatrix } from '../modules/accounts/accounts.matrix';
import { networkMatrix } from '../modules/network/network.matrix';
import { webMatrix } from '../modules/web/web.matrix';
import { volunteersMatrix } from '../modules/volunteers/volunteers.matrix';
import { teamsMatrix } from '../modules/teams/teams.matrix';
import { rosterMatrix } from '../modules/roster/roster.matrix';
import { trainingMatrix } from '../modules/training/training.matrix';
import { activitiesMatrix } from '../modules/activities/activities.matrix';
import { signupsMatrix } from '../modules/signups/signups.matrix';
import { attendanceMatrix } from '../modules/attendance/attendance.matrix';
import { hoursMatrix } from '../modules/hours/hours.matrix';
import { certificatesMatrix } from '../modules/certificates/certificates.matrix';
import { feedsMatrix } from '../modules/feeds/feeds.matrix';
import { menuMatrix } from '../modules/menu/menu.matrix';

const entries: MatrixEntry[] = [...accountsMatrix, ...networkMatrix, ...webMatrix, ...volunteersMatrix, ...teamsMatrix, ...rosterMatrix, ...trainingMatrix, ...activitiesMatrix,
  ...signupsMatrix,
  ...attendanceMatrix,
  ...hoursMatrix,
  ...certificatesMatrix,
  ...feedsMatrix,
  ...menuMatrix,
];
let t: TestContext;
let ctx: MatrixCtx;

beforeAll(async () => {
  t = await startTestApp();
  await addUnrelatedDistrict(t.database);
  ctx = await matrixContext(t.app, t.database);
});
afterAll(() => t.close());

describe('policy matrix', () => {
  it('knows every route the app serves', () => {
    const known = new Set(entries.map((e) => e.route));
    const unknown = t.app.routeList.map((r) => `${r.method} ${r.url}`).filter((r) => !known.has(r));
    expect(unknown, 'routes without a policy matrix entry').toEqual([]);
  });

  it('routes marked public are exactly the public entries', () => {
    const publicRoutes = t.app.routeList.filter((r) => r.access === 'public').map((r) => `${r.method} ${r.url}`).sort();
    const listed = entries.filter((e) => e.kind === 'public').map((e) => e.route).filter((r) => t.app.routeList.some((x) => `${x.method} ${x.url}` === r)).sort();
    expect(publicRoutes).toEqual(listed);
  });

  for (const entry of entries) {
    if (entry.kind === 'public') continue;
    describe(entry.route, () => {
      it('anonymous → 401', async () => {
        const req = entry.kind === 'volunteer' ? await entry.request(ctx, await ctx.volunteerSession()) : await entry.request(ctx);
        const res = await t.app.inject(req);
        expect(res.statusCode, res.body).toBe(401);
      });
      if (entry.kind === 'volunteer') {
        it('a signed-in volunteer may use it', async () => {
          const v = await ctx.volunteerSession();
          const res = await t.app.inject(withCookie(await entry.request(ctx, v), v.cookie));
          expect([401, 403], res.body).not.toContain(res.statusCode);
          expect(res.statusCode, res.body).toBeLessThan(500);
        });
        it('a staff account that is no volunteer → 403', async () => {
          const v = await ctx.volunteerSession();
          const res = await t.app.inject(withCookie(await entry.request(ctx, v), await ctx.sessionFor('institute_admin', '330303001')));
          expect(res.statusCode, res.body).toBe(403);
        });
        return;
      }
      if (entry.kind === 'self') {
        it('any signed-in staff member may use it', async () => {
          const res = await t.app.inject(withCookie(await entry.request(ctx), await ctx.sessionFor('station_admin', '330303002001')));
          expect([401, 403]).not.toContain(res.statusCode);
          expect(res.statusCode).toBeLessThan(500);
        });
        return;
      }
      for (const relation of relations) {
        const allowed = entry.allowed.includes(relation);
        it(`${relation} → ${allowed ? 'allowed' : 'denied'}`, async () => {
          const actor = actorFor(relation);
          const res = await t.app.inject(withCookie(await entry.request(ctx), await ctx.sessionFor(actor.role, actor.code)));
          expect(res.statusCode, res.body).toBeLessThan(500);
          if (entry.kind === 'list') {
            expect(res.statusCode, res.body).toBe(200);
            expect(entry.sees(res.json()), `${relation} sees the target's rows`).toBe(allowed);
          } else if (allowed) {
            expect([401, 403, 404], res.body).not.toContain(res.statusCode);
          } else {
            expect([403, 404], res.body).toContain(res.statusCode);
          }
        });
      }
    });
  }
});
