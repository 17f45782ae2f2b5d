// Citizens' bookings: a name and a phone take a place, the text message carries the manage link, the same phone
// cannot book twice, the booking page masks the phone, cancelling by token frees the place for the waiting list,
// and booking is rate limited per IP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../testing/harness';
import { activityIn, signupStatuses, smsTo } from './signups.testing';

let t: TestContext;
let ip = 0;
// Each test books from its own address, so the per-IP limit only bites where a test means it to.
const nextIp = () => `10.1.0.${++ip}`;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const book = (activityId: string, body: unknown, remoteAddress = nextIp()) =>
  t.app.inject({ method: 'POST', url: `/api/public/activities/${activityId}/bookings`, payload: body as object, remoteAddress });

describe('citizen bookings', () => {
  it('books a place, texts the manage link, and shows the booking by its token with the phone masked', async () => {
    const a = await activityIn(t.database, 48, { citizenPlaces: 2 });
    const res = await book(a.id, { name: '王阿姨', phone: '13912345678' });
    expect(res.statusCode, res.body).toBe(201);
    const booking = res.json().booking;
    expect(booking).toMatchObject({ status: 'confirmed', position: null, cancelUntil: new Date(a.startsAt.getTime() - 2 * 3600_000).toISOString() });
    expect(booking.manageToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);

    const texts = await smsTo(t.database, '13912345678');
    expect(texts).toHaveLength(1);
    expect(texts[0].text).toContain(`http://wenming.test/m/booking/${booking.manageToken}`);
    expect(texts[0].text).toContain(a.title);

    const page = await t.app.inject({ method: 'GET', url: `/api/public/bookings/${booking.manageToken}` });
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json().booking).toMatchObject({ status: 'confirmed', name: '王阿姨', phoneMasked: '139****5678' });
    expect(page.json().activity).toMatchObject({ id: a.id, citizens: { places: 2, confirmed: 1, waitlisted: 0 } });
    expect(page.body).not.toContain('13912345678');
  });

  it('refuses the same phone twice for one activity, but not for another', async () => {
    const a = await activityIn(t.database, 48, { citizenPlaces: 5 });
    const b = await activityIn(t.database, 48, { citizenPlaces: 5 });
    expect((await book(a.id, { name: '李四', phone: '13700000001' })).statusCode).toBe(201);
    const twice = await book(a.id, { name: '李四四', phone: '13700000001' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('already_signed_up');
    expect(await signupStatuses(t.database, a.id)).toEqual({ confirmed: 1 });
    expect((await book(b.id, { name: '李四', phone: '13700000001' })).statusCode).toBe(201);
  });

  it('refuses bad input naming the field, and activities without places for the public', async () => {
    const a = await activityIn(t.database, 48, { citizenPlaces: 5 });
    const badPhone = await book(a.id, { name: '张三', phone: '12345' });
    expect(badPhone.statusCode).toBe(400);
    expect(badPhone.json().error.details.fields[0].field).toContain('phone');
    const longName = await book(a.id, { name: '张'.repeat(21), phone: '13700000002' });
    expect(longName.statusCode).toBe(400);
    expect(longName.json().error.details.fields[0].field).toContain('name');
    const noPlaces = await activityIn(t.database, 48, { citizenPlaces: 0 });
    const closed = await book(noPlaces.id, { name: '张三', phone: '13700000002' });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.code).toBe('signup_closed');
    expect(await smsTo(t.database, '13700000002')).toEqual([]);
  });

  it('cancels by token before the cut-off; the first waiting booking moves up and gets a text', async () => {
    const a = await activityIn(t.database, 48, { citizenPlaces: 1 });
    const first = (await book(a.id, { name: '甲', phone: '13600000001' })).json().booking;
    const second = (await book(a.id, { name: '乙', phone: '13600000002' })).json().booking;
    expect(second).toMatchObject({ status: 'waitlisted', position: 1 });
    expect((await smsTo(t.database, '13600000002'))[0].text).toContain('候补第 1 位');

    const res = await t.app.inject({ method: 'DELETE', url: `/api/public/bookings/${first.manageToken}` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().booking.status).toBe('cancelled');
    const promoted = (await t.app.inject({ method: 'GET', url: `/api/public/bookings/${second.manageToken}` })).json();
    expect(promoted.booking).toMatchObject({ status: 'confirmed', position: null });
    const texts = await smsTo(t.database, '13600000002');
    expect(texts.map((x) => x.purpose)).toEqual(['booking:created', 'booking:promoted']);
    expect(texts[1].text).toContain(`/m/booking/${second.manageToken}`);

    // Asking again answers with the cancelled booking; a made-up token is not found.
    expect((await t.app.inject({ method: 'DELETE', url: `/api/public/bookings/${first.manageToken}` })).json().booking.status).toBe('cancelled');
    expect((await t.app.inject({ method: 'GET', url: `/api/public/bookings/${'x'.repeat(43)}` })).statusCode).toBe(404);
  });

  it('refuses to cancel a booking after the cut-off', async () => {
    const a = await activityIn(t.database, 1, { citizenPlaces: 3, cancelCutoffMinutes: 120 });
    const b = (await book(a.id, { name: '丙', phone: '13600000003' })).json().booking;
    const res = await t.app.inject({ method: 'DELETE', url: `/api/public/bookings/${b.manageToken}` });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('cancel_deadline_passed');
    expect((await t.app.inject({ method: 'GET', url: `/api/public/bookings/${b.manageToken}` })).json().booking.status).toBe('confirmed');
  });

  it('limits bookings from one address to 10 a minute', async () => {
    const a = await activityIn(t.database, 48, { citizenPlaces: 50 });
    const addr = nextIp();
    const codes: number[] = [];
    for (let i = 0; i < 11; i++) codes.push((await book(a.id, { name: '刷单', phone: `1350000${String(i).padStart(4, '0')}` }, addr)).statusCode);
    expect(codes.slice(0, 10)).toEqual(Array(10).fill(201));
    expect(codes[10]).toBe(429);
    expect((await book(a.id, { name: '别人', phone: '13500009999' })).statusCode).toBe(201);
  });
});

describe('the API description', () => {
  it('documents the sign-up routes with their shapes', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const paths = res.json().paths;
    for (const p of ['/api/public/activities/{id}/bookings', '/api/public/bookings/{token}', '/api/volunteer/activities/{id}/signup', '/api/volunteer/notifications', '/api/activities/{id}/signups.xlsx']) {
      expect(paths[p], p).toBeDefined();
    }
    expect(Object.keys(paths['/api/public/activities/{id}/bookings'].post.requestBody.content['application/json'].schema.properties).sort()).toEqual(['name', 'phone']);
  });
});
