// Running an activity on the day in the console: a district admin opens a published activity that starts soon,
// sees a volunteer signed up through the API in the sign-up list, checks them in and out by hand (both marked
// 手动), and opens the check-in screen, whose QR code is replaced by a new one when its minute is over.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { apiSession, demo, launchBrowser, signedInPage, type TreeUnit } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

type Volunteer = { id: string; name: string; number: string };

/** A published activity of the district centre that opens for check-in now (it starts in 20 minutes). */
async function startingSoon(): Promise<{ id: string; title: string }> {
  const asDistrict = await apiSession(demo.district);
  const { units } = await asDistrict<{ units: TreeUnit[] }>('/api/network/tree');
  const centre = units.find((u) => u.code === '330303')!;
  const minute = Math.floor(Date.now() / 60_000) * 60_000;
  const title = `文明志愿服务${Math.random().toString(36).slice(2, 7)}`;
  const created = await asDistrict<{ activities: { id: string }[] }>('/api/activities', {
    body: {
      title,
      topic: 'new_customs',
      unitId: centre.id,
      address: '龙湾区政府广场',
      startsAt: new Date(minute + 20 * 60_000).toISOString(),
      endsAt: new Date(minute + 3 * 3600_000).toISOString(),
      volunteerSlots: 5,
    },
  });
  const id = created.activities[0].id;
  const submitted = await asDistrict<{ status: string }>(`/api/activities/${id}/submit`, { method: 'POST' });
  expect(submitted.status).toBe('published');
  return { id, title };
}

test('a district admin checks a signed-up volunteer in and out by hand and opens the check-in screen', { timeout: 180_000 }, async () => {
  const asDistrict = await apiSession(demo.district);
  const activity = await startingSoon();
  const { items } = await asDistrict<{ items: Volunteer[] }>('/api/volunteers?status=active&limit=1');
  const volunteer = items[0];
  const signup = await asDistrict<{ status: string }>(`/api/activities/${activity.id}/signups`, { body: { volunteerId: volunteer.id } });
  expect(signup.status).toBe('confirmed');

  const page = await signedInPage(browser, demo.district);
  await page.goto(`/admin/activities/${activity.id}`);

  // 报名: the volunteer is in the list, confirmed.
  const signupRow = page.locator('.ant-table-row', { hasText: volunteer.number });
  await signupRow.waitFor();
  expect(await signupRow.innerText()).toContain(volunteer.name);
  expect(await signupRow.innerText()).toContain('已确认');

  // 签到: in by hand, after the confirmation.
  await page.getByRole('tab', { name: '签到' }).click();
  const row = page.locator('.ant-table-row', { hasText: volunteer.number });
  await row.getByRole('button', { name: `为 ${volunteer.name} 签到` }).click();
  let dialog = page.getByRole('dialog', { name: `为 ${volunteer.name} 手动签到？` });
  await dialog.getByRole('button', { name: /^签\s?到$/ }).click();
  await page.getByText(`${volunteer.name} 已签到`).waitFor();
  await expect.poll(() => row.getByTestId('attendance-pair').innerText()).toMatch(/手动[\s\S]*在场/);
  expect(await page.getByTestId('attendance-summary').innerText()).toContain('已签到 1 人');

  // …and out, the same way.
  await row.getByRole('button', { name: `为 ${volunteer.name} 签退` }).click();
  dialog = page.getByRole('dialog', { name: `为 ${volunteer.name} 手动签退？` });
  await dialog.getByRole('button', { name: /^签\s?退$/ }).click();
  await page.getByText(`${volunteer.name} 已签退`).waitFor();
  await expect.poll(() => row.getByTestId('attendance-pair').innerText()).not.toContain('在场');
  const pair = await row.getByTestId('attendance-pair').innerText();
  expect(pair.match(/手动/g)).toHaveLength(2);

  // The API agrees: one closed pair, made by hand both ways.
  const roster = await asDistrict<{ items: { volunteerId: string; pairs: { checkedOutAt: string | null; inMethod: string; outMethod: string | null }[] }[] }>(
    `/api/activities/${activity.id}/attendance`,
  );
  const pairs = roster.items.find((r) => r.volunteerId === volunteer.id)!.pairs;
  expect(pairs).toHaveLength(1);
  expect(pairs[0]).toMatchObject({ inMethod: 'manual', outMethod: 'manual' });
  expect(pairs[0].checkedOutAt).not.toBeNull();

  // The check-in screen: the title, the count, and a QR of this activity's check-in code.
  await page.getByRole('button', { name: '签到屏' }).click();
  await page.waitForURL(`**/admin/activities/${activity.id}/checkin`);
  const screen = page.getByTestId('checkin-screen');
  await screen.getByRole('heading', { name: activity.title }).waitFor();
  const qr = page.getByTestId('checkin-qr');
  await qr.locator('svg').waitFor();
  const first = (await qr.getAttribute('data-code'))!;
  expect(first.startsWith(`${activity.id}.i.`)).toBe(true);
  await expect.poll(() => page.getByTestId('checkin-count').innerText()).toMatch(/已签到\s*1/);

  // The screen replaces the code by itself when the minute turns over.
  await expect.poll(() => qr.getAttribute('data-code'), { timeout: 90_000, interval: 1000 }).not.toBe(first);
  const second = (await qr.getAttribute('data-code'))!;
  expect(second.startsWith(`${activity.id}.i.`)).toBe(true);
  expect(await qr.locator('svg').count()).toBe(1);

  // 签退码 shows the check-out code.
  await screen.getByText('签退码', { exact: true }).click();
  await expect.poll(async () => (await qr.getAttribute('data-code')) ?? '').toContain(`${activity.id}.o.`);
  await page.context().close();
});
