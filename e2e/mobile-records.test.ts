// Service hours and certificates on a 375×667 phone, as the demo volunteer (13900000001) and as anyone checking a
// certificate. Staff work (an activity, two approved records, issuing and revoking the certificate) goes through
// the staff API as the district admin would do it in the console.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiSession, demo, launchBrowser, phoneContext, type SiteRow, volunteerPhone } from './browser';

const VOLUNTEER = '13900000001';
const OFFSET_MS = 8 * 3600_000; // Asia/Shanghai
const MINUTE = 60_000;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** "2小时30分" as the pages write it. */
function duration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h === 0 ? `${m}分钟` : m === 0 ? `${h}小时` : `${h}小时${m}分`;
}
const localInput = (d: Date) => new Date(d.getTime() + OFFSET_MS).toISOString().slice(0, 16);
const localDay = (d: Date) => new Date(d.getTime() + OFFSET_MS).toISOString().slice(0, 10);


const noWiderThanPhone = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

type HourRecord = { id: string; minutes: number; status: string };
type Certificate = { id: string; number: string | null; status: string; verifyUrl: string | null; volunteerNumber: string };

describe('hours and certificates on the phone', () => {
  test('the volunteer sees approved hours, asks for a correction and a certificate; anyone can check it until it is revoked', async () => {
    const asDistrict = await apiSession(demo.district);
    const asVolunteer = await apiSession(VOLUNTEER);
    const me = await asVolunteer<{ id: string; number: string }>('/api/me/volunteer');

    // An activity that began three hours ago at a station, and two stretches of service in it, approved.
    const sites = await asDistrict<{ items: SiteRow[] }>('/api/sites?limit=100');
    const site = sites.items.find((s) => s.unitCode.length === 12) ?? sites.items[0];
    const startsAt = new Date(Math.floor((Date.now() - 3 * 3600_000) / MINUTE) * MINUTE);
    const endsAt = new Date(startsAt.getTime() + 4 * 3600_000);
    const title = `社区助老服务${Math.random().toString(36).slice(2, 6)}`;
    const created = await asDistrict<{ activities: { id: string }[] }>('/api/activities', {
      body: { title, topic: 'new_customs', unitId: site.unitId, siteId: site.id, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() },
    });
    const activityId = created.activities[0].id;
    const submitted = await asDistrict<{ status: string }>(`/api/activities/${activityId}/submit`, { method: 'POST' });
    if (submitted.status === 'submitted') await asDistrict(`/api/activities/${activityId}/review`, { body: { decision: 'approve' } });
    const stretch = async (fromMin: number, toMin: number) => {
      const r = await asDistrict<HourRecord>('/api/hours', {
        body: {
          activityId,
          volunteerId: me.id,
          startedAt: new Date(startsAt.getTime() + fromMin * MINUTE).toISOString(),
          endedAt: new Date(startsAt.getTime() + toMin * MINUTE).toISOString(),
        },
      });
      return asDistrict<HourRecord>(`/api/hours/${r.id}/approve`, { body: {} });
    };
    const first = await stretch(0, 60);
    const second = await stretch(90, 120);
    expect([first.status, second.status]).toEqual(['approved', 'approved']);
    const standing = await asVolunteer<{ totalMinutes: number }>('/api/volunteer/hours?limit=1');
    expect(standing.totalMinutes).toBeGreaterThanOrEqual(90);

    // The profile shows the total and leads to the hours page.
    const context = await volunteerPhone(browser, VOLUNTEER);
    const page = await context.newPage();
    await page.goto('/m/me');
    await page.getByRole('heading', { level: 1, name: '我的资料' }).waitFor();
    await expect.poll(() => page.getByTestId('me-hours').innerText()).toBe((Math.floor(standing.totalMinutes / 6) / 10).toFixed(1).replace(/\.0$/, ''));
    for (const entry of ['我的活动', '服务时长', '记录证明', '订阅日历']) await page.getByText(entry, { exact: true }).waitFor();
    await page.getByText(/^消息/).waitFor();
    await noWiderThanPhone(page);
    await page.getByText('服务时长', { exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '服务时长' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/m/me/hours');
    expect(await page.getByTestId('total-hours').innerText()).toBe(duration(standing.totalMinutes));
    const ours = page.getByTestId('hour-record').filter({ hasText: title });
    await expect.poll(() => ours.count()).toBe(2);
    const firstCard = ours.filter({ hasText: duration(60) });
    expect(await firstCard.innerText()).toContain('已通过');
    const size = await firstCard.getByRole('heading', { name: title }).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(18);
    await noWiderThanPhone(page);

    // Ask for a correction of the first stretch: it really ended 10 minutes earlier. A reason is required.
    const correct = firstCard.getByRole('button', { name: '申请更正' });
    expect((await correct.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await correct.click();
    const sheet = page.getByRole('dialog', { name: '申请更正服务时间' });
    await sheet.waitFor();
    expect(await sheet.getByLabel('实际开始时间').inputValue()).toBe(localInput(startsAt));
    await sheet.getByLabel('实际结束时间').fill(localInput(new Date(startsAt.getTime() + 50 * MINUTE)));
    await sheet.getByRole('button', { name: '提交更正申请' }).click();
    await sheet.getByRole('alert').filter({ hasText: '请写一下更正的原因' }).waitFor();
    await sheet.getByLabel('更正原因').fill('忘记签退，实际提前 10 分钟结束');
    await sheet.getByRole('button', { name: '提交更正申请' }).click();
    await sheet.waitFor({ state: 'hidden' });
    const pendingCard = ours.filter({ hasText: '待审核' });
    await pendingCard.waitFor();
    expect(await pendingCard.innerText()).toContain(duration(50));
    expect(await pendingCard.innerText()).toContain('忘记签退');
    expect(await firstCard.innerText()).toContain('更正申请正在审核');
    expect(await firstCard.getByRole('button', { name: '申请更正' }).count()).toBe(0);

    // Ask for a certificate of today (and yesterday, should the activity have begun before midnight).
    await page.goto('/m/me/certificates');
    await page.getByRole('heading', { level: 1, name: '记录证明' }).waitFor();
    await page.getByLabel('开始日期').fill(localDay(startsAt));
    await page.getByLabel('结束日期').fill(localDay(new Date()));
    await page.getByLabel(/^用途/).fill('评优');
    await page.getByRole('button', { name: '提交申请' }).click();
    const card = page.getByTestId('certificate').filter({ hasText: '评优' }).first();
    await card.getByText('审核中').waitFor();
    await noWiderThanPhone(page);

    // A second tab keeps the hours page from before the certificate is issued.
    const stale = await context.newPage();
    await stale.goto('/m/me/hours');
    await stale.getByTestId('hour-record').filter({ hasText: title }).first().waitFor();

    // The home station issues it.
    const register = await asDistrict<{ items: Certificate[] }>(`/api/certificates?status=requested&q=${encodeURIComponent(me.number)}`);
    const requested = register.items.find((c) => c.volunteerNumber === me.number)!;
    expect(requested, 'the request is in the register').toBeTruthy();
    const issued = await asDistrict<Certificate>(`/api/certificates/${requested.id}/issue`, { body: { personInCharge: '王主任' } });
    expect(issued.status).toBe('issued');
    const code = decodeURIComponent(new URL(issued.verifyUrl!).pathname.split('/').pop()!);

    // The volunteer sees the number, opens the PDF and the verification link.
    await page.reload();
    await card.getByText('已开具').waitFor();
    expect(await card.getByTestId('certificate-number').innerText()).toBe(issued.number);
    expect(await card.getByTestId('verify-url').innerText()).toBe(issued.verifyUrl);
    const pdfHref = await card.getByRole('link', { name: '查看证明（PDF）' }).getAttribute('href');
    const pdf = await page.request.get(pdfHref!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await card.getByRole('link', { name: '打开验证页' }).click();
    await page.getByRole('heading', { level: 1, name: '记录证明验证' }).waitFor();
    await page.getByTestId('verify-result').getByText('真实有效').waitFor();

    // The stale tab: correcting a record now on the certificate is refused with the server's reason.
    await stale.getByTestId('hour-record').filter({ hasText: title }).filter({ hasText: duration(30) }).getByRole('button', { name: '申请更正' }).click();
    const staleSheet = stale.getByRole('dialog', { name: '申请更正服务时间' });
    await staleSheet.getByLabel('更正原因').fill('时间记错了');
    await staleSheet.getByRole('button', { name: '提交更正申请' }).click();
    await staleSheet.getByRole('alert').filter({ hasText: '该记录已用于开具记录证明，不能再修改' }).waitFor();
    await staleSheet.getByRole('button', { name: '取消' }).click();
    const frozen = stale.getByTestId('hour-record').filter({ hasText: title }).filter({ hasText: duration(30) });
    await frozen.getByText('已用于证明').waitFor();
    expect(await frozen.getByRole('button', { name: '申请更正' }).count()).toBe(0);

    // Anyone who scans the QR code, signed in or not: genuine, with the masked name and ID and the records.
    const stranger = await (await phoneContext(browser)).newPage();
    await stranger.goto(`/m/verify/${encodeURIComponent(code)}`);
    const result = stranger.getByTestId('verify-result');
    await result.getByText('真实有效').waitFor();
    expect(await result.getAttribute('data-outcome')).toBe('valid');
    const text = await stranger.locator('main').innerText();
    expect(text).toContain(issued.number!);
    expect(text).toContain(me.number);
    expect(text).toContain('*');
    expect(text).toContain(title);
    await noWiderThanPhone(stranger);

    // A code with one character changed cannot be verified; nor can nonsense.
    const last = code.at(-1) === 'A' ? 'B' : 'A';
    await stranger.goto(`/m/verify/${encodeURIComponent(code.slice(0, -1) + last)}`);
    await result.getByText('无法验证').waitFor();
    expect(await stranger.locator('main').innerText()).not.toContain(issued.number!);
    await stranger.goto('/m/verify/not-a-certificate');
    await result.getByText('无法验证').waitFor();

    // Revoked by the station: the same QR code now says so, with the date.
    await asDistrict(`/api/certificates/${issued.id}/revoke`, { body: { reason: '信息有误，重新开具' } });
    await stranger.goto(`/m/verify/${encodeURIComponent(code)}`);
    await result.getByText('已撤销').waitFor();
    expect(await result.getAttribute('data-outcome')).toBe('revoked');
    expect(await result.innerText()).toMatch(/已于 \d{4}年\d{1,2}月\d{1,2}日 被开具单位撤销/);
    await page.goto('/m/me/certificates');
    await card.getByText('已撤销').first().waitFor();
    await stranger.context().close();
    await context.close();
  });

  test('the profile offers a calendar link to copy, and a new one', async () => {
    const context = await volunteerPhone(browser, VOLUNTEER);
    const page = await context.newPage();
    await page.goto('/m/me');
    await page.getByText('订阅日历', { exact: true }).click();
    const sheet = page.getByRole('dialog', { name: '订阅日历' });
    const link = sheet.getByLabel('您的日历链接');
    await link.waitFor();
    const before = await link.inputValue();
    expect(before).toMatch(/^webcal:\/\/.+\.ics$/);
    await sheet.getByRole('button', { name: '更换链接' }).click();
    await page.getByRole('button', { name: '更换', exact: true }).click();
    await expect.poll(() => link.inputValue()).not.toBe(before);
    expect(await link.inputValue()).toMatch(/^webcal:\/\//);
    await noWiderThanPhone(page);
    await context.close();
  });
});
