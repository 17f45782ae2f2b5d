// The reminders job, run with explicit times: the day-before reminder inside [start − 24 h, start − 1 h), the
// hour-before one inside [start − 1 h, start), each once, to confirmed volunteers (in-app and text) and citizens
// (text), never to the waiting list, cancelled places or cancelled activities.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModuleDeps } from '../../app';
import { loadConfig } from '../../config';
import { fieldCipher } from '../../platform/crypto';
import { notifier } from '../../platform/notify';
import { outboxSmsSender } from '../../platform/sms';
import { startTestApp, TEST_SECRET_KEY, type TestContext } from '../../testing/harness';
import { matrixContext, type MatrixCtx } from '../../testing/matrix';
import { confirmedSignup } from '../../testing/participation-fixtures';
import { sendDueReminders } from './reminders.job';
import { activityIn, HOUR, makeVolunteer, notificationsOf, smsTo } from './signups.testing';

let t: TestContext;
let ctx: MatrixCtx;
let deps: ModuleDeps;
const MIN = 60_000;

beforeAll(async () => {
  t = await startTestApp();
  ctx = await matrixContext(t.app, t.database);
  const sms = outboxSmsSender();
  deps = {
    db: t.database.db,
    database: t.database,
    config: loadConfig({ PUBLIC_BASE_URL: 'http://wenming.test', SECRET_KEY: TEST_SECRET_KEY }),
    clock: t.clock,
    version: 'test',
    cipher: fieldCipher(TEST_SECRET_KEY),
    sms,
    notify: notifier(sms),
  };
});
afterAll(() => t.close());

const at = (start: Date, offsetMs: number) => new Date(start.getTime() + offsetMs);

describe('reminders', () => {
  it('sends the day-before and the hour-before reminder once each, at the right times, to confirmed people only', async () => {
    // Far enough apart from the other test's activity that their windows never meet.
    const a = await activityIn(t.database, 100, { volunteerSlots: 1, citizenPlaces: 1 });
    const S = a.startsAt;
    const holder = await makeVolunteer(t, ctx);
    const waiting = await makeVolunteer(t, ctx);
    const quitter = await makeVolunteer(t, ctx);
    for (const v of [holder, waiting]) await v.agent.post(`/api/volunteer/activities/${a.id}/signup`, {});
    await quitter.agent.post(`/api/volunteer/activities/${a.id}/signup`, {});
    await quitter.agent.del(`/api/volunteer/activities/${a.id}/signup`);
    const booked = await t.app.inject({ method: 'POST', url: `/api/public/activities/${a.id}/bookings`, payload: { name: '周阿姨', phone: '13933334444' } });
    expect(booked.json().booking.status).toBe('confirmed');

    expect(await sendDueReminders(deps, at(S, -24 * HOUR - MIN))).toBe(0);
    expect(await sendDueReminders(deps, at(S, -24 * HOUR))).toBe(2);
    expect(await sendDueReminders(deps, at(S, -24 * HOUR + 5 * MIN))).toBe(0);
    expect(await sendDueReminders(deps, at(S, -61 * MIN))).toBe(0);
    expect(await sendDueReminders(deps, at(S, -60 * MIN))).toBe(2);
    expect(await sendDueReminders(deps, at(S, -30 * MIN))).toBe(0);
    expect(await sendDueReminders(deps, S)).toBe(0);

    const notes = await notificationsOf(t.database, holder.volunteerId);
    expect(notes.map((n) => n.purpose)).toEqual(['reminder:day_before', 'reminder:hour_before']);
    expect(notes[0].body).toContain(a.title);
    expect(notes[0].link).toBe(`/m/activities/${a.id}`);
    expect((await smsTo(t.database, holder.phone)).map((s) => s.purpose)).toEqual(['reminder:day_before', 'reminder:hour_before']);
    const citizen = await smsTo(t.database, '13933334444');
    expect(citizen.map((s) => s.purpose)).toEqual(['booking:created', 'reminder:day_before', 'reminder:hour_before']);
    expect(citizen[1].text).toContain(`/m/booking/${booked.json().booking.manageToken}`);
    for (const v of [waiting, quitter]) expect(await notificationsOf(t.database, v.volunteerId)).toEqual([]);
  });

  it('sends only the hour-before reminder to someone who signs up in the last hour, and nothing for cancelled activities', async () => {
    const a = await activityIn(t.database, 200);
    const v = await makeVolunteer(t, ctx);
    await v.agent.post(`/api/volunteer/activities/${a.id}/signup`, {});
    const cancelled = await activityIn(t.database, 200, { status: 'cancelled' });
    const other = await makeVolunteer(t, ctx);
    await confirmedSignup(t.database, cancelled.id, other.volunteerId);

    expect(await sendDueReminders(deps, at(a.startsAt, -20 * MIN))).toBe(1);
    expect(await sendDueReminders(deps, at(a.startsAt, -10 * MIN))).toBe(0);
    expect((await notificationsOf(t.database, v.volunteerId)).map((n) => n.purpose)).toEqual(['reminder:hour_before']);
    expect(await notificationsOf(t.database, other.volunteerId)).toEqual([]);
  });
});
