import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startTestApp, type TestContext } from '../../testing/harness';
import { DEMO_PASSWORD } from '../../seed/accounts';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('sign-in', () => {
  it('signs in a demo admin and shows who they are', async () => {
    const a = await signIn(t.app, '13800000001', DEMO_PASSWORD);
    const me = await a.get('/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().grants[0].role).toBe('district_admin');
  });
  it('refuses a wrong password without telling whether the account exists', async () => {
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { phone: '13800000001', password: 'nope-Nope1' } });
    const none = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { phone: '13999999999', password: 'nope-Nope1' } });
    expect(wrong.statusCode).toBe(401);
    expect(none.statusCode).toBe(401);
    expect(wrong.json().error).toEqual(none.json().error);
  });
});
