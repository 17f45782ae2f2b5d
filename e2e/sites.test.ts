// Staff create a site in the console and find it in the sites list.
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

test('create a site and see it in the list', async () => {
  const asDistrict = await apiSession(demo.district);
  const { units } = await asDistrict<{ units: TreeUnit[] }>('/api/network/tree');
  const station = units.find((u) => u.code === '330303001001')!;
  const name = `测试城市书房${Date.now() % 100000}`;

  const page = await signedInPage(browser, demo.district);
  // Open the list filtered to the station, so the new site's unit is preset.
  await page.goto(`/admin/sites?unitId=${station.id}`);
  await page.getByRole('button', { name: '新建阵地' }).click();
  const drawer = page.getByRole('dialog');
  await drawer.getByLabel('名称', { exact: true }).fill(name);
  await drawer.getByLabel('类型', { exact: true }).click();
  await page.locator('.ant-select-item-option', { hasText: '城市书房' }).click();
  await drawer.getByLabel('地址', { exact: true }).fill('龙湾区永中街道测试路 8 号');
  await drawer.getByLabel('开放时间', { exact: true }).fill('每天 8:30-21:00');
  await drawer.getByRole('button', { name: /保\s?存/ }).click();
  await expect.poll(() => page.getByText('阵地已创建').count()).toBeGreaterThan(0);

  await page.getByRole('searchbox', { name: '搜索名称或地址' }).or(page.getByLabel('搜索名称或地址')).first().fill(name);
  await page.keyboard.press('Enter');
  const row = page.locator('.ant-table-row', { hasText: name });
  await expect.poll(() => row.count()).toBe(1);
  const text = await row.innerText();
  expect(text).toContain(station.name);
  expect(text).toContain('城市书房');
  expect(text).toContain('开放');
  await page.context().close();
});
