// Staff create a volunteer team in the console, see its join QR code, and approve a join request that a
// volunteer sent by scanning it; a team leader signing in to the console sees the team they lead.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { apiSession, demo, launchBrowser, signedInPage, type TreeUnit } from './browser';

// The demo volunteer (seeded with the demo password) who leads "蒲公英".
const DEMO_VOLUNTEER = '13900000001';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test('create a team, show its join QR code, approve a join request', async () => {
  const asStation = await apiSession(demo.station);
  const { units } = await asStation<{ units: TreeUnit[] }>('/api/network/tree');
  const station = units.find((u) => u.code === '330303001001')!;
  const name = `测试助老服务队${Date.now() % 100000}`;

  const page = await signedInPage(browser, demo.station);
  // The list filtered to the station presets the new team's unit.
  await page.goto(`/admin/teams?unitId=${station.id}`);
  await page.getByRole('button', { name: '新建队伍' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('队伍名称', { exact: true }).fill(name);
  await dialog.getByLabel('服务特色', { exact: true }).click();
  await page.locator('.ant-select-item-option', { hasText: '助老服务' }).click();
  await dialog.getByLabel('联系人', { exact: true }).fill('王丽');
  await dialog.getByRole('button', { name: /保\s?存/ }).click();
  await expect.poll(() => page.getByText('已新建队伍').count()).toBeGreaterThan(0);

  const row = page.locator('.ant-table-row', { hasText: name });
  await expect.poll(() => row.count()).toBe(1);
  expect(await row.innerText()).toContain('助老服务');
  await row.getByRole('link', { name }).click();
  await expect.poll(() => page.locator('.ant-card-head').first().innerText()).toContain(name);

  // The join QR code: drawn by the server, with the link it opens.
  await page.getByRole('button', { name: '入队二维码' }).click();
  const qr = page.getByTestId('team-join-qr');
  await qr.waitFor();
  await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  const joinUrl = await page.getByTestId('team-join-url').innerText();
  expect(joinUrl).toMatch(/\/m\/join\/[1-9A-HJ-NP-Za-km-z]{12}$/);
  const token = joinUrl.split('/m/join/')[1];
  await page.keyboard.press('Escape');

  // A volunteer scans it and asks to join (through the API, as the phone page does).
  const asVolunteer = await apiSession(DEMO_VOLUNTEER);
  const volunteer = await asVolunteer<{ name: string }>('/api/auth/me');
  const request = await asVolunteer<{ status: string }>('/api/me/teams/join', { body: { token } });
  expect(request.status).toBe('pending');

  await page.reload();
  await page.getByRole('tab', { name: /入队申请/ }).click();
  const approve = page.getByRole('button', { name: `通过 ${volunteer.name}` });
  await approve.click();
  await expect.poll(() => page.getByText('已通过，已短信通知志愿者').count()).toBeGreaterThan(0);
  await page.getByRole('tab', { name: /在队成员/ }).click();
  await expect.poll(() => page.locator('.ant-table-row', { hasText: volunteer.name }).count()).toBe(1);

  const mine = await asVolunteer<{ items: { name: string; status: string }[] }>('/api/me/teams');
  expect(mine.items.find((x) => x.name === name)?.status).toBe('active');
  await page.context().close();
});

test('a team leader signing in to the console sees the teams they lead', async () => {
  const page = await signedInPage(browser, DEMO_VOLUNTEER);
  await page.goto('/admin/teams');
  await expect.poll(() => page.locator('.ant-table-row', { hasText: '蒲公英' }).count()).toBe(1);
  expect(await page.getByRole('button', { name: '新建队伍' }).count()).toBe(0);
  await page.context().close();
});
