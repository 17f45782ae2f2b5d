// A citizen scans a site's civic code on a phone; staff regenerate the code and the printed one says so.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { apiSession, baseUrl, demo, launchBrowser, phoneContext, signedInPage, type SiteRow } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function someStationSite(): Promise<SiteRow> {
  const asDistrict = await apiSession(demo.district);
  const page = await asDistrict<{ items: SiteRow[] }>('/api/sites?limit=100');
  return page.items.find((s) => s.unitCode.length === 12 && s.address) ?? page.items[0];
}

describe('civic code page', () => {
  test('opening the civic URL on a 375×667 phone shows the site name and address', async () => {
    const site = await someStationSite();
    expect(site.civicUrl.startsWith(`${baseUrl()}/c/`)).toBe(true);
    const page = await (await phoneContext(browser)).newPage();
    await page.goto(site.civicUrl);
    await page.getByRole('heading', { level: 1, name: site.name }).waitFor();
    expect(await page.locator('main').innerText()).toContain(site.address);
    // Large type for elderly visitors: the name is at least 24px, body fields at least 17px.
    const nameSize = await page.getByRole('heading', { level: 1 }).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(nameSize).toBeGreaterThanOrEqual(24);
    const ddSize = await page.locator('dd').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(ddSize).toBeGreaterThanOrEqual(17);
    // Nothing wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    // The English switch translates the labels.
    await page.getByRole('button', { name: '切换到英文' }).click();
    await page.getByText('Address', { exact: true }).waitFor();
    await page.context().close();
  });

  test('an unknown code gets a friendly page', async () => {
    const page = await (await phoneContext(browser)).newPage();
    await page.goto('/c/NoSuchCode123');
    await page.getByRole('heading', { name: '没有找到这个文明码' }).waitFor();
    await page.context().close();
  });

  test('after staff regenerate a code, the old URL says the code was replaced', async () => {
    const site = await someStationSite();
    const oldUrl = site.civicUrl;

    const staff = await signedInPage(browser, demo.district);
    await staff.goto(`/admin/sites?q=${encodeURIComponent(site.name)}`);
    await staff.getByRole('button', { name: `文明码 ${site.name}` }).first().click();
    const drawer = staff.getByRole('dialog', { name: `文明码 · ${site.name}` });
    await drawer.getByTestId('civic-qr').waitFor();
    expect(await drawer.getByTestId('civic-url').innerText()).toBe(oldUrl);
    await drawer.getByRole('button', { name: '重新生成文明码' }).click();
    const confirm = staff.getByRole('dialog', { name: '重新生成文明码？' });
    expect(await confirm.innerText()).toContain('旧码将立即失效');
    await confirm.getByRole('button', { name: '重新生成文明码' }).click();
    await expect.poll(() => drawer.getByTestId('civic-url').innerText()).not.toBe(oldUrl);
    const newUrl = await drawer.getByTestId('civic-url').innerText();
    await staff.context().close();

    const phone = await (await phoneContext(browser)).newPage();
    await phone.goto(oldUrl);
    await phone.getByRole('heading', { name: '此码已被更换' }).waitFor();
    expect(await phone.locator('main').innerText()).toContain('请扫描现场张贴的最新文明码');
    await phone.goto(newUrl);
    await phone.getByRole('heading', { level: 1, name: site.name }).waitFor();
    await phone.context().close();
  });
});
