// A volunteer signing up: the public activity page, a slot or the waiting list, requirements, the cancel cut-off,
// the waiting list moving up (with its notices), the volunteer's list and notifications, and the last slot taken
// by several people at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestContext } from '../../testing/harness';
import { matrixContext, type MatrixCtx } from '../../testing/matrix';
import { publishedActivity } from '../../testing/participation-fixtures';
import { activityIn, grantQualification, HOUR, makeVolunteer, notificationsOf, signupStatuses, smsTo, STATION } from './signups.testing';

let t: TestContext;
let ctx: MatrixCtx;

beforeAll(async () => {
  t = await startTestApp();
  ctx = await matrixContext(t.app, t.database);
});
afterAll(() => t.close());

describe('public activity page', () => {
  it('shows places taken without names, and hides drafts', async () => {
    const a = await activityIn(t.database, 48, { volunteerSlots: 3, citizenPlaces: 4, requiredSkills: ['急救'] });
    const v = await makeVolunteer(t, ctx, { skills: ['急救'], name: '公开页志愿者' });
    expect((await v.agent.post(`/api/volunteer/activities/${a.id}/signup`, {})).statusCode).toBe(201);
    const res = await t.app.inject({ method: 'GET', url: `/api/public/activities/${a.id}` });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ title: a.title, status: 'published', requiredSkills: ['急救'], cancelCutoffMinutes: 120 });
    expect(body.volunteers).toEqual({ slots: 3, confirmed: 1, waitlisted: 0 });
    expect(body.citizens).toEqual({ places: 4, confirmed: 0, waitlisted: 0 });
    expect(res.body).not.toContain('公开页志愿者');
    expect(res.body).not.toContain(v.phone);

    const draft = await activityIn(t.database, 48, { status: 'draft' });
    expect((await t.app.inject({ method: 'GET', url: `/api/public/activities/${draft.id}` })).statusCode).toBe(404);
  });
});

describe('signing up', () => {
  it('gives a slot while there are slots, then the waiting list in order', async () => {
    const a = await activityIn(t.database, 48, { volunteerSlots: 1 });
    const first = await makeVolunteer(t, ctx);
    const second = await makeVolunteer(t, ctx);
    const third = await makeVolunteer(t, ctx);
    const r1 = await first.agent.post(`/api/volunteer/activities/${a.id}/signup`, {});
    expect(r1.statusCode, r1.body).toBe(201);
    expect(r1.json().signup).toMatchObject({ status: 'confirmed', position: null, cancelUntil: new Date(a.startsAt.getTime() - 2 * HOUR).toISOString() });
    expect((await second.agent.post(`/api/volunteer/activities/${a.id}/signup`, {})).json().signup).toMatchObject({ status: 'waitlisted', position: 1 });
    expect((await third.agent.post(`/api/volunteer/activities/${a.id}/signup`, {})).json().signup).toMatchObject({ status: 'waitlisted', position: 2 });

    const again = await first.agent.post(`/api/volunteer/activities/${a.id}/signup`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('already_signed_up');

    const mine = (await third.agent.get(`/api/volunteer/activities/${a.id}/signup`)).json();
    expect(mine.signup).toMatchObject({ status: 'waitlisted', position: 2 });
    expect(mine.eligibility).toEqual({ ok: true, missingSkills: [], missingQualifications: [] });
    expect(mine.attendance).toEqual({ open: false, pairsToday: 0 });
  });

  it('refuses a volunteer who lacks a skill or a live qualification, naming what is missing', async () => {
    const a = await activityIn(t.database, 48, { requiredSkills: ['急救', '驾驶'], requiredQualifications: ['救护员证', '消防证'] });
    const v = await makeVolunteer(t, ctx, { skills: ['急救'] });
    await grantQualification(t.database, v.volunteerId, '救护员证', new Date(Date.now() + 30 * 24 * HOUR));
    await grantQualification(t.database, v.volunteerId, '消防证', new Date(Date.now() - 24 * HOUR));

    const state = (await v.agent.get(`/api/volunteer/activities/${a.id}/signup`)).json();
    expect(state.eligibility).toEqual({ ok: false, missingSkills: ['驾驶'], missingQualifications: ['消防证'] });
    const res = await v.agent.post(`/api/volunteer/activities/${a.id}/signup`, {});
    expect(res.statusCode).toBe(409);
    const err = res.json().error;
    expect(err.code).toBe('signup_requirements_unmet');
    expect(err.message).toContain('驾驶');
    expect(err.message).toContain('消防证');
    expect(err.message).not.toContain('救护员证');
    expect(err.details).toEqual({ missingSkills: ['驾驶'], missingQualifications: ['消防证'] });

    // A revoked qualification does not count either; a live one and the skill make it work.
    await grantQualification(t.database, v.volunteerId, '消防证', null, true);
    expect((await v.agent.post(`/api/volunteer/activities/${a.id}/signup`, {})).statusCode).toBe(409);
    await grantQualification(t.database, v.volunteerId, '消防证', null);
    await t.database.db.execute(sql`update volunteers set skills = '{"急救","驾驶"}'::text[] where id = ${v.volunteerId}`);
    expect((await v.agent.post(`/api/volunteer/activities/${a.id}/signup`, {})).statusCode).toBe(201);
  });

  it('refuses a volunteer whose registration is still pending', async () => {
    const a = await activityIn(t.database, 48);
    const v = await makeVolunteer(t, ctx, { status: 'pending' });
    const res = await v.agent.post(`/api/volunteer/activities/${a.id}/signup`, {});
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('signup_requirements_unmet');
    expect(res.json().error.message).toContain('审核');
  });

  it('takes no sign-ups for cancelled or finished activities', async () => {
    const v = await makeVolunteer(t, ctx);
    const cancelled = await activityIn(t.database, 48, { status: 'cancelled' });
    const finished = await activityIn(t.database, -5);
    for (const a of [cancelled, finished]) {
      const res = await v.agent.post(`/api/volunteer/activities/${a.id}/signup`, {});
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('signup_closed');
    }
  });
});

describe('cancelling', () => {
  it('moves the first on the waiting list up, and tells them in-app and by text', async () => {
    const a = await activityIn(t.database, 48, { volunteerSlots: 1 });
    const holder = await makeVolunteer(t, ctx);
    const waiting = await makeVolunteer(t, ctx);
    const later = await makeVolunteer(t, ctx);
    for (const v of [holder, waiting, later]) await v.agent.post(`/api/volunteer/activities/${a.id}/signup`, {});

    const res = await holder.agent.del(`/api/volunteer/activities/${a.id}/signup`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().signup.status).toBe('cancelled');
    expect((await waiting.agent.get(`/api/volunteer/activities/${a.id}/signup`)).json().signup).toMatchObject({ status: 'confirmed', position: null });
    expect((await later.agent.get(`/api/volunteer/activities/${a.id}/signup`)).json().signup).toMatchObject({ status: 'waitlisted', position: 1 });
    expect(await signupStatuses(t.database, a.id)).toEqual({ cancelled: 1, confirmed: 1, waitlisted: 1 });

    const notes = await notificationsOf(t.database, waiting.volunteerId);
    expect(notes).toEqual([expect.objectContaining({ purpose: 'signup:promoted', link: `/m/activities/${a.id}` })]);
    expect(notes[0].body).toContain(a.title);
    const texts = await smsTo(t.database, waiting.phone);
    expect(texts).toEqual([expect.objectContaining({ purpose: 'signup:promoted' })]);
    expect(texts[0].text).toContain(a.title);
    expect(await notificationsOf(t.database, later.volunteerId)).toEqual([]);

    // Cancelling again is answered with the cancelled sign-up; signing up again joins the end of the queue.
    expect((await holder.agent.del(`/api/volunteer/activities/${a.id}/signup`)).json().signup.status).toBe('cancelled');
    expect((await holder.agent.post(`/api/volunteer/activities/${a.id}/signup`, {})).json().signup).toMatchObject({ status: 'waitlisted', position: 2 });
  });

  it('refuses to give up a slot after the cut-off, but lets a waiting-list place go', async () => {
    // Starts in 90 minutes; the cut-off is 120 minutes before the start, so it has passed.
    const a = await activityIn(t.database, 1.5, { volunteerSlots: 1, cancelCutoffMinutes: 120 });
    const holder = await makeVolunteer(t, ctx);
    const waiting = await makeVolunteer(t, ctx);
    await holder.agent.post(`/api/volunteer/activities/${a.id}/signup`, {});
    await waiting.agent.post(`/api/volunteer/activities/${a.id}/signup`, {});
    const res = await holder.agent.del(`/api/volunteer/activities/${a.id}/signup`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('cancel_deadline_passed');
    expect((await holder.agent.get(`/api/volunteer/activities/${a.id}/signup`)).json().signup.status).toBe('confirmed');
    expect((await waiting.agent.del(`/api/volunteer/activities/${a.id}/signup`)).statusCode).toBe(200);

    // With a shorter cut-off the same timing is fine.
    const b = await activityIn(t.database, 1.5, { cancelCutoffMinutes: 60 });
    await holder.agent.post(`/api/volunteer/activities/${b.id}/signup`, {});
    expect((await holder.agent.del(`/api/volunteer/activities/${b.id}/signup`)).statusCode).toBe(200);
  });

  it('answers not_signed_up when there is nothing to cancel', async () => {
    const a = await activityIn(t.database, 48);
    const v = await makeVolunteer(t, ctx);
    const res = await v.agent.del(`/api/volunteer/activities/${a.id}/signup`);
    expect(res.json().error.code).toBe('not_signed_up');
  });
});

describe('my sign-ups and notifications', () => {
  it('lists upcoming soonest first and past latest first, without cancelled ones', async () => {
    const v = await makeVolunteer(t, ctx);
    const soon = await activityIn(t.database, 30, { title: '列表-近' });
    const later = await activityIn(t.database, 60, { title: '列表-远' });
    const dropped = await activityIn(t.database, 40, { title: '列表-取消' });
    const past = await publishedActivity(t.database, { unitCode: STATION, startsAt: new Date(Date.now() - 50 * HOUR), endsAt: new Date(Date.now() - 48 * HOUR), title: '列表-过去' });
    for (const a of [later, soon, dropped]) await v.agent.post(`/api/volunteer/activities/${a.id}/signup`, {});
    await v.agent.del(`/api/volunteer/activities/${dropped.id}/signup`);
    await t.database.db.execute(sql`insert into signups (activity_id, kind, volunteer_id, status) values (${past.id}, 'volunteer', ${v.volunteerId}, 'confirmed')`);

    const first = (await v.agent.get('/api/volunteer/signups?when=upcoming&limit=1')).json();
    expect(first.items.map((i: { activity: { title: string } }) => i.activity.title)).toEqual(['列表-近']);
    const rest = (await v.agent.get(`/api/volunteer/signups?when=upcoming&limit=5&cursor=${first.nextCursor}`)).json();
    expect(rest.items.map((i: { activity: { title: string } }) => i.activity.title)).toEqual(['列表-远']);
    expect(rest.nextCursor).toBeNull();
    const pastList = (await v.agent.get('/api/volunteer/signups?when=past')).json();
    expect(pastList.items).toEqual([expect.objectContaining({ activity: expect.objectContaining({ title: '列表-过去', status: 'finished' }) })]);
  });

  it('lists notifications newest first with the unread count, and marks them read', async () => {
    const a = await activityIn(t.database, 48, { volunteerSlots: 1 });
    const b = await activityIn(t.database, 50, { volunteerSlots: 1 });
    const holder = await makeVolunteer(t, ctx);
    const waiting = await makeVolunteer(t, ctx);
    for (const x of [a, b]) {
      await holder.agent.post(`/api/volunteer/activities/${x.id}/signup`, {});
      await waiting.agent.post(`/api/volunteer/activities/${x.id}/signup`, {});
      await holder.agent.del(`/api/volunteer/activities/${x.id}/signup`);
    }
    const list = (await waiting.agent.get('/api/volunteer/notifications')).json();
    expect(list.unread).toBe(2);
    expect(list.items).toHaveLength(2);
    expect(list.items[0].readAt).toBeNull();
    expect((await holder.agent.get('/api/volunteer/notifications')).json().unread).toBe(0);

    // Someone else's ids change nothing; one id marks one; no ids marks the rest.
    expect((await holder.agent.post('/api/volunteer/notifications/read', { ids: [list.items[0].id] })).json().unread).toBe(0);
    expect((await waiting.agent.post('/api/volunteer/notifications/read', { ids: [list.items[0].id] })).json().unread).toBe(1);
    expect((await waiting.agent.post('/api/volunteer/notifications/read', {})).json().unread).toBe(0);
    const after = (await waiting.agent.get('/api/volunteer/notifications')).json();
    expect(after.items.every((n: { readAt: string | null }) => n.readAt !== null)).toBe(true);
  });
});

describe('the last slot', () => {
  it('goes to exactly as many people as there are slots when they sign up at once', async () => {
    const a = await activityIn(t.database, 48, { volunteerSlots: 2 });
    const people = await Promise.all(Array.from({ length: 6 }, () => makeVolunteer(t, ctx)));
    const results = await Promise.all(people.map((p) => p.agent.post(`/api/volunteer/activities/${a.id}/signup`, {})));
    expect(results.map((r) => r.statusCode)).toEqual(Array(6).fill(201));
    const statuses = results.map((r) => r.json().signup.status);
    expect(statuses.filter((s) => s === 'confirmed')).toHaveLength(2);
    expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(4);
    expect(await signupStatuses(t.database, a.id)).toEqual({ confirmed: 2, waitlisted: 4 });
    const positions = results.map((r) => r.json().signup.position).filter((p) => p !== null).sort((x, y) => x - y);
    expect(positions).toEqual([1, 2, 3, 4]);
  });
});
