// Staff sign in to the console and see the practice network as a tree.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { demo, desktopContext, launchBrowser, signedInPage, signIn } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function freshPage(): Promise<Page> {
  return (await desktopContext(browser)).newPage();
}

describe('console sign-in and network tree', () => {
  test('a wrong password is refused with a clear message', async () => {
    const page = await freshPage();
    await page.goto('/admin/');
    await page.getByLabel('手机号', { exact: true }).fill(demo.district);
    await page.getByLabel('密码', { exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: /登\s?录/ }).click();
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('手机号或密码不正确');
    expect(page.url()).toContain('/admin/sign-in');
    await page.context().close();
  });

  test('the district admin sees the center with its 10 institutes, each with counts', async () => {
    const page = await freshPage();
    await signIn(page, demo.district);
    expect(new URL(page.url()).pathname).toBe('/admin/network');
    const tree = page.getByRole('tree', { name: '实践网络单位树' });
    await tree.waitFor();
    const institutes = tree.locator('[data-level="institute"]');
    await expect.poll(() => institutes.count()).toBe(10);
    const names = await institutes.allInnerTexts();
    for (const street of ['永中街道', '蒲州街道', '海滨街道', '永兴街道', '状元街道', '瑶溪街道', '海城街道', '沙城街道', '天河街道', '星海街道']) {
      expect(names.some((n) => n.includes(street))).toBe(true);
    }
    // Each institute row shows how many stations and sites it has.
    expect(names.every((n) => /下级 \d+/.test(n) && /阵地 \d+/.test(n))).toBe(true);
    // The header says who is signed in, in which role, on which unit.
    const who = await page.getByRole('button', { name: '账号菜单' }).innerText();
    expect(who).toContain('区级管理员');
    expect(who).toContain('龙湾区新时代文明实践中心');
    await page.context().close();
  });

  test('selecting an institute shows its details and its sites', async () => {
    const page = await signedInPage(browser, demo.district);
    const tree = page.getByRole('tree', { name: '实践网络单位树' });
    await tree.locator('[data-level="institute"]', { hasText: '永中街道' }).click();
    await expect.poll(() => page.locator('.ant-descriptions').innerText()).toContain('330303001');
    await expect.poll(() => page.getByText(/「永中街道.*」及下级的阵地/).count()).toBe(1);
    await expect.poll(() => page.locator('.ant-table-row').count()).toBeGreaterThan(0);
    await page.context().close();
  });
});
