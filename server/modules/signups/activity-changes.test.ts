// Staff changing an activity moves sign-ups along: raising the slots moves the waiting list up at once, and
// cancelling tells everyone signed up or booked, in-app and by text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentWithCookie, startTestApp, type Agent, type TestContext } from '../../testing/harness';
import { matrixContext, type MatrixCtx } from '../../testing/matrix';
import { activityIn, makeVolunteer, notificationsOf, signupStatuses, smsTo, STATION } from './signups.testing';

let t: TestContext;
let ctx: MatrixCtx;
let staff: Agent;

beforeAll(async () => {
  t = await startTestApp();
  ctx = await matrixContext(t.app, t.database);
  staff = agentWithCookie(t.app, await ctx.sessionFor('station_admin', STATION));
});
afterAll(() => t.close());

describe('activity changes and sign-ups', () => {
  it('raising the volunteer slots confirms the people waiting, oldest first, and tells them', async () => {
    const a = await activityIn(t.database, 48, { volunteerSlots: 1 });
    const people = [];
    for (let i = 0; i < 3; i++) people.push(await makeVolunteer(t, ctx));
    for (const p of people) expect((await p.agent.post(`/api/volunteer/activities/${a.id}/signup`, {})).statusCode).toBe(201);
    expect(await signupStatuses(t.database, a.id)).toEqual({ confirmed: 1, waitlisted: 2 });

    const res = await staff.patch(`/api/activities/${a.id}`, { volunteerSlots: 2 });
    expect(res.statusCode, res.body).toBe(200);
    expect(await signupStatuses(t.database, a.id)).toEqual({ confirmed: 2, waitlisted: 1 });
    expect((await notificationsOf(t.database, people[1].volunteerId)).map((n) => n.purpose)).toContain('signup:promoted');
    expect((await notificationsOf(t.database, people[2].volunteerId)).map((n) => n.purpose)).not.toContain('signup:promoted');
  });

  it('cancelling the activity tells each volunteer and citizen signed up, with the reason', async () => {
    const a = await activityIn(t.database, 48, { volunteerSlots: 2, citizenPlaces: 5 });
    const v = await makeVolunteer(t, ctx);
    expect((await v.agent.post(`/api/volunteer/activities/${a.id}/signup`, {})).statusCode).toBe(201);
    const booking = await t.app.inject({ method: 'POST', url: `/api/public/activities/${a.id}/bookings`, payload: { name: '钱阿姨', phone: '13822223333' } });
    expect(booking.statusCode, booking.body).toBe(201);

    const res = await staff.post(`/api/activities/${a.id}/cancel`, { reason: '台风预警' });
    expect(res.statusCode, res.body).toBe(200);
    const notes = await notificationsOf(t.database, v.volunteerId);
    expect(notes.find((n) => n.purpose === 'activity:cancelled')?.body).toContain('台风预警');
    expect((await smsTo(t.database, '13822223333')).some((m) => m.purpose === 'activity:cancelled' && m.text.includes('台风预警'))).toBe(true);
  });
});
