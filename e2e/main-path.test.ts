// The main path of issue 4, end to end in the browser, each step by the person who does it:
// a station publishes an activity in the console → the demo volunteer signs up on the phone → the organizer's
// check-in screen shows a QR, the volunteer opens its code and is checked in → a minute later the check-out code
// checks them out and a pending record appears → the district approves it in the console → the volunteer asks for
// a certificate on the phone → the district issues it in the console → the volunteer opens the verification page.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiSession, demo, launchBrowser, signedInPage, type TreeUnit, volunteerPhone } from './browser';

const VOLUNTEER = '13900000001'; // 谷宇哲, the demo volunteer (README)
const MINUTE = 60_000;
const localDay = (d: Date) => d.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});


/** Waits for the screen's QR to carry a code of the given mode and returns it (what a phone camera would read). */
async function codeOnScreen(screen: Page, activityId: string, mode: 'i' | 'o'): Promise<string> {
  const qr = screen.getByTestId('checkin-qr');
  await expect.poll(async () => (await qr.getAttribute('data-code')) ?? '', { timeout: 15_000 }).toContain(`${activityId}.${mode}.`);
  expect(await qr.locator('svg').count()).toBe(1);
  return (await qr.getAttribute('data-code'))!;
}

test('publish → sign up → check in → check out → approve → certificate → verify', { timeout: 240_000 }, async () => {
  // A draft at the station, running from five minutes ago (so check-in is open), in a unit that needs no review.
  const asStation = await apiSession(demo.station);
  const asInstitute = await apiSession(demo.institute);
  const { units } = await asStation<{ units: TreeUnit[] }>('/api/network/tree');
  const station = units.find((u) => u.code === '330303001001')!;
  await asInstitute(`/api/units/${station.id}/settings`, { method: 'PUT', body: { activityReview: false } });
  const title = `主路径志愿服务${Date.now() % 100000}`;
  const start = new Date(Math.floor(Date.now() / MINUTE) * MINUTE - 5 * MINUTE);
  const created = await asStation<{ activities: { id: string }[] }>('/api/activities', {
    body: {
      title,
      topic: 'new_customs',
      brands: [],
      unitId: station.id,
      address: '永中街道文化广场',
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 120 * MINUTE).toISOString(),
      description: '文明劝导与环境整治',
      volunteerSlots: 5,
      requiredSkills: [],
      requiredQualifications: [],
      citizenPlaces: 0,
    },
  });
  const id = created.activities[0].id;

  // 1. The station publishes it.
  const organizer = await signedInPage(browser, demo.station);
  await organizer.goto(`/admin/activities/${id}`);
  await organizer.getByRole('button', { name: '提交发布' }).click();
  await expect.poll(() => organizer.getByTestId('activity-status').innerText()).toMatch(/已发布|进行中/);

  // 2. The volunteer signs up on the phone.
  const phone = await (await volunteerPhone(browser, VOLUNTEER)).newPage();
  await phone.goto(`/m/activities/${id}`);
  await phone.getByRole('heading', { level: 1, name: title }).waitFor();
  await phone.getByRole('button', { name: '报名', exact: true }).click();
  await expect.poll(() => phone.getByTestId('my-signup-status').innerText()).toBe('您已报名');

  // 3. The organizer opens the check-in screen; the volunteer's phone opens the code it shows.
  await organizer.getByRole('button', { name: '签到屏' }).click();
  await organizer.waitForURL(`**/admin/activities/${id}/checkin`);
  const inCode = await codeOnScreen(organizer, id, 'i');
  await phone.goto(`/m/check-in?c=${encodeURIComponent(inCode)}`);
  await phone.getByText('签到成功').waitFor();
  await expect.poll(() => organizer.getByTestId('checkin-count').innerText(), { timeout: 20_000 }).toMatch(/已签到\s*1/);

  // 4. A little over a minute later (a shorter stay records nothing), the check-out code.
  await phone.waitForTimeout(62_000);
  await organizer.getByTestId('checkin-screen').getByText('签退码', { exact: true }).click();
  const outCode = await codeOnScreen(organizer, id, 'o');
  await phone.goto(`/m/check-in?c=${encodeURIComponent(outCode)}`);
  await phone.getByText('签退成功').waitFor();
  await phone.getByText('待审核，审核通过后计入服务时长').waitFor();

  // 5. The district approves the record in the console.
  const district = await signedInPage(browser, demo.district);
  await district.goto(`/admin/hours?q=${encodeURIComponent(title)}`);
  await district.getByRole('tab', { name: '待审核', selected: true }).waitFor();
  const row = district.locator('.ant-table-row', { hasText: title });
  await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1);
  await row.getByRole('button', { name: /^通过 / }).click();
  await expect.poll(() => district.getByText(/^已通过 .+ 的服务时长$/).count()).toBeGreaterThan(0);

  // 6. The volunteer asks for a certificate covering today.
  const purpose = `主路径${Date.now() % 100000}`;
  await phone.goto('/m/me/certificates');
  await phone.getByRole('heading', { level: 1, name: '记录证明' }).waitFor();
  await phone.getByLabel('开始日期').fill(localDay(new Date()));
  await phone.getByLabel('结束日期').fill(localDay(new Date()));
  await phone.getByLabel(/^用途/).fill(purpose);
  await phone.getByRole('button', { name: '提交申请' }).click();
  const card = phone.getByTestId('certificate').filter({ hasText: purpose });
  await card.getByText('审核中').waitFor();

  // 7. The district issues it from the register.
  const asVolunteer = await apiSession(VOLUNTEER);
  const mine = await asVolunteer<{ items: { id: string; purpose: string }[] }>('/api/volunteer/certificates');
  const requested = mine.items.find((c) => c.purpose === purpose)!;
  await district.goto(`/admin/certificates?open=${requested.id}`);
  const drawer = district.locator('.ant-drawer-content-wrapper');
  await expect.poll(() => drawer.getByTestId('certificate-status').innerText()).toBe('待开具');
  expect(await drawer.innerText()).toContain(title);
  await drawer.getByRole('button', { name: /(^|\s)开\s?具$/ }).click();
  const issue = district.getByRole('dialog', { name: /开具记录证明$/ });
  await issue.getByLabel('负责人').fill('王主任');
  await issue.getByRole('button', { name: /^开\s?具$/ }).click();
  await expect.poll(() => drawer.getByTestId('certificate-status').innerText()).toBe('已开具');

  // 8. The volunteer sees it issued and opens its verification page, as anyone scanning the PDF's QR would.
  await phone.goto('/m/me/certificates');
  await card.getByText('已开具').waitFor();
  await card.getByRole('link', { name: '打开验证页' }).click();
  await phone.getByRole('heading', { level: 1, name: '记录证明验证' }).waitFor();
  const result = phone.getByTestId('verify-result');
  await result.getByText('真实有效').waitFor();
  // What was certified is on the page: this activity among the records.
  await expect.poll(() => phone.locator('body').innerText()).toContain(title);

  await organizer.context().close();
  await district.context().close();
  await phone.context().close();
});
