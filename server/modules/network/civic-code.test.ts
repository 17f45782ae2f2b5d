import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { signIn, startTestApp, type Agent, type TestContext } from '../../testing/harness';
import { DEMO_PASSWORD } from '../../seed/accounts';
import { count, pdfPageCount, unitIdOf } from './network.testing';

let t: TestContext;
let yongzhong: Agent;
let puzhou: Agent;

beforeAll(async () => {
  t = await startTestApp();
  [yongzhong, puzhou] = await Promise.all(['13800000002', '13800000004'].map((p) => signIn(t.app, p, DEMO_PASSWORD)));
});
afterAll(() => t.close());

describe('the civic-code poster sheet', () => {
  it("prints one A4 page per open site of the unit's subtree", async () => {
    const id = await unitIdOf(t.database, '330303001');
    const expected = await count(t.database, sql`select count(*)::int as n from sites where unit_code like '330303001%' and status <> 'closed'`);
    const res = await yongzhong.get(`/api/units/${id}/civic-code-sheet.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="civic-codes-330303001\.pdf"/);
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfPageCount(res.rawPayload)).toBe(expected);
    // A4 in points, and the Chinese font embedded (not a fallback that would print boxes).
    expect(res.rawPayload.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    expect(res.rawPayload.toString('latin1')).toMatch(/NotoSansHans/);
  });

  it('leaves closed sites out and is refused outside the scope', async () => {
    const stationId = await unitIdOf(t.database, '330303001001');
    const sites = (await yongzhong.get(`/api/sites?unitId=${stationId}&limit=100`)).json().items as { id: string }[];
    expect(sites.length).toBeGreaterThanOrEqual(2);
    expect(pdfPageCount((await yongzhong.get(`/api/units/${stationId}/civic-code-sheet.pdf`)).rawPayload)).toBe(sites.length);
    await yongzhong.post(`/api/sites/${sites[0].id}/status`, { status: 'closed' });
    const res = await yongzhong.get(`/api/units/${stationId}/civic-code-sheet.pdf`);
    expect(pdfPageCount(res.rawPayload)).toBe(sites.length - 1);
    expect((await puzhou.get(`/api/units/${stationId}/civic-code-sheet.pdf`)).statusCode).toBe(403);
  });
});
