// Policy matrix entries for the feeds routes (see server/testing/matrix.ts). The calendar feeds are public (the
// volunteer's behind a secret token); the feed address is a volunteer's own; the activity export acts on the
// target institute's activities: its own admin and the district admin may have it, the rest get 403.
import { TARGET_CODE, type MatrixEntry } from '../../testing/matrix';

export const feedsMatrix: MatrixEntry[] = [
  { route: 'GET /api/calendars/volunteers/:token.ics', kind: 'public' },
  { route: 'GET /api/calendars/teams/:id.ics', kind: 'public' },
  { route: 'GET /api/calendars/sites/:civicToken.ics', kind: 'public' },
  { route: 'GET /api/volunteer/calendar', kind: 'volunteer', request: async () => ({ method: 'GET', url: '/api/volunteer/calendar' }) },
  { route: 'POST /api/volunteer/calendar/renew', kind: 'volunteer', request: async () => ({ method: 'POST', url: '/api/volunteer/calendar/renew', payload: {} }) },
  {
    route: 'GET /api/activities.xlsx',
    kind: 'scoped',
    allowed: ['same', 'parent'],
    request: async (ctx) => ({ method: 'GET', url: `/api/activities.xlsx?unit=${await ctx.unitId(TARGET_CODE)}` }),
  },
];
