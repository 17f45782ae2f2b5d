// Staff create a course and schedule a session of it in the console; the session is listed with its time and places.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { demo, launchBrowser, signedInPage } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test('create a course and a session, and see the session listed', async () => {
  const title = `急救员培训测试${Date.now() % 100000}`;
  // A date well ahead, typed the way the picker shows it (Shanghai time; the browser runs in Asia/Shanghai).
  const year = new Date().getFullYear() + 1;
  const day = `${year}-05-12`;

  const page = await signedInPage(browser, demo.institute);
  await page.goto('/admin/school');
  await page.getByRole('button', { name: '新建课程' }).click();
  const drawer = page.getByRole('dialog');
  await drawer.getByLabel('课程名称', { exact: true }).fill(title);
  await drawer.getByLabel('课程介绍', { exact: true }).fill('心肺复苏与 AED 使用');
  await drawer.getByLabel('通过后获得资格', { exact: true }).fill('急救员');
  await drawer.getByLabel('资格有效期（月）', { exact: true }).fill('24');
  await drawer.getByRole('button', { name: /保\s?存/ }).click();
  await expect.poll(() => page.getByText('课程已创建').count()).toBeGreaterThan(0);

  await page.getByLabel('搜索课程或资格名称').fill(title);
  await page.keyboard.press('Enter');
  const row = page.locator('.ant-table-row', { hasText: title });
  await expect.poll(() => row.count()).toBe(1);
  expect(await row.innerText()).toContain('急救员（24 个月）');
  await row.getByRole('link', { name: title }).click();

  await page.getByRole('button', { name: '新增场次' }).click();
  const sessionDrawer = page.getByRole('dialog');
  await sessionDrawer.getByPlaceholder('开始时间').click();
  await sessionDrawer.getByPlaceholder('开始时间').fill(`${day} 14:00`);
  await page.keyboard.press('Enter');
  await sessionDrawer.getByPlaceholder('结束时间').fill(`${day} 16:30`);
  await page.keyboard.press('Enter');
  await sessionDrawer.getByLabel('地点', { exact: true }).fill('永中街道实践所二楼培训室');
  await sessionDrawer.getByLabel('授课老师', { exact: true }).fill('陈医生');
  await sessionDrawer.getByLabel('名额', { exact: true }).fill('25');
  await sessionDrawer.getByRole('button', { name: /保\s?存/ }).click();
  await expect.poll(() => page.getByText('场次已创建').count()).toBeGreaterThan(0);

  const sessionRow = page.locator('.ant-table-row', { hasText: '永中街道实践所二楼培训室' });
  await expect.poll(() => sessionRow.count()).toBe(1);
  const text = await sessionRow.innerText();
  expect(text).toContain(`${day} 14:00–16:30`);
  expect(text).toContain('0 / 25');
  expect(text).toContain('未开始');
  expect(text).toContain('陈医生');
  await page.context().close();
});
