// The console speaks Chinese by default; the English switch changes the menu and is remembered.
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

test('switching to English changes the menu and survives a reload', async () => {
  const page = await signedInPage(browser, demo.district);
  const menu = page.getByRole('menu');
  expect(await menu.innerText()).toContain('审计日志');
  await page.getByRole('button', { name: '切换语言 / Switch language' }).click();
  await expect.poll(() => menu.innerText()).toContain('Audit log');
  const items = await menu.innerText();
  for (const label of ['Network', 'Sites', 'Belts', 'Map', 'Accounts']) expect(items).toContain(label);
  expect(items).not.toContain('审计日志');
  expect(await page.getByRole('button', { name: 'Account menu' }).innerText()).toContain('District admin');

  await page.reload();
  await page.getByRole('menu').waitFor();
  expect(await page.getByRole('menu').innerText()).toContain('Audit log');
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

  // And back.
  await page.getByRole('button', { name: '切换语言 / Switch language' }).click();
  await expect.poll(() => page.getByRole('menu').innerText()).toContain('审计日志');
  await page.context().close();
});
