// 服务菜单 end to end: a station admin creates a service item for one of the station's sites in the console and
// publishes it; the site's civic-code page on a phone shows it under 服务菜单 (another site of the station does
// not); withdrawing it in the console takes it off the page again.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiSession, baseUrl, demo, launchBrowser, phoneContext, signedInPage, type SiteRow, type TreeUnit } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const tokenOf = (civicUrl: string) => new URL(civicUrl, baseUrl()).pathname.split('/').pop()!;

async function publicMenuTitles(civicUrl: string): Promise<string[]> {
  const res = await fetch(`${baseUrl()}/api/public/sites/${encodeURIComponent(tokenOf(civicUrl))}/menu`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: { title: string }[] }).items.map((i) => i.title);
}

/** The site's civic page, once its 服务菜单 section has loaded. */
async function openMenuSection(page: Page, civicUrl: string) {
  await page.goto(civicUrl);
  const section = page.getByRole('region', { name: '服务菜单' });
  await section.waitFor();
  await expect.poll(() => section.getAttribute('aria-busy')).toBe('false');
  return section;
}

test('a station admin publishes a service for one site; its civic page lists it until it is withdrawn', async () => {
  const asStation = await apiSession(demo.station);
  const { units } = await asStation<{ units: TreeUnit[] }>('/api/network/tree');
  const station = units.find((u) => u.code === '330303001001')!;
  const { items: sites } = await asStation<{ items: SiteRow[] }>(`/api/sites?unitId=${station.id}&limit=100`);
  const site = sites.find((s) => s.unitId === station.id) ?? sites[0];
  const other = sites.find((s) => s.id !== site.id);
  const title = `上门法律咨询${Math.random().toString(36).slice(2, 6)}`;

  // Create in the console's drawer.
  const page = await signedInPage(browser, demo.station);
  await page.goto(`/admin/menu?unit=${station.id}`);
  await page.getByRole('button', { name: '新建服务项目' }).click();
  const drawer = page.getByRole('dialog');
  await drawer.getByLabel('项目名称', { exact: true }).fill(title);
  await drawer.getByLabel('服务类别', { exact: true }).click();
  await page.locator('.ant-select-item-option', { hasText: '法律咨询' }).click();
  await drawer.getByLabel('服务阵地', { exact: true }).click();
  await page.locator('.ant-select-item-option', { hasText: site.name }).first().click();
  await drawer.getByLabel('提供方', { exact: true }).fill('永中街道律师志愿服务队');
  await drawer.getByLabel('服务时间', { exact: true }).fill('每周六上午 9:00–11:00');
  await drawer.getByLabel('每周可接单数', { exact: true }).fill('8');
  await drawer.getByRole('switch', { name: '可上门服务' }).click();
  await drawer.getByRole('button', { name: /保\s*存/ }).click();
  await expect.poll(() => page.getByText('已新建服务项目（草稿）').count(), { timeout: 15_000 }).toBeGreaterThan(0);

  const row = page.locator('.ant-table-row', { hasText: title });
  await row.waitFor();
  expect(await row.innerText()).toContain('草稿');
  expect(await row.innerText()).toContain(site.name);
  // A draft is not on the menu yet.
  expect(await publicMenuTitles(site.civicUrl)).not.toContain(title);

  // Publish, after the confirmation.
  await row.getByRole('button', { name: `发布 ${title}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: /发\s*布/ }).click();
  await expect.poll(() => row.innerText()).toContain('已发布');

  // The phone: the site's civic page lists it under 服务菜单, large enough to read; another site does not.
  const phone = await (await phoneContext(browser)).newPage();
  let section = await openMenuSection(phone, site.civicUrl);
  const item = section.getByRole('listitem').filter({ hasText: title });
  await item.waitFor();
  const text = await item.innerText();
  expect(text).toContain('法律咨询');
  expect(text).toContain('可上门');
  expect(text).toContain('永中街道律师志愿服务队');
  expect(text).toContain('每周六上午 9:00–11:00');
  const size = await item.getByRole('heading', { name: title }).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThanOrEqual(18);
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  // Below the week's activities.
  const order = await phone.evaluate(() => {
    const week = document.querySelector('[data-testid="site-week"]');
    const menu = document.querySelector('[data-testid="site-menu"]');
    return !!week && !!menu && !!(week.compareDocumentPosition(menu) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  expect(order).toBe(true);
  if (other) expect(await publicMenuTitles(other.civicUrl)).not.toContain(title);

  // Withdraw in the console: it leaves the civic page.
  await row.getByRole('button', { name: `撤回 ${title}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: /撤\s*回/ }).click();
  await expect.poll(() => row.innerText()).toContain('已撤回');
  section = await openMenuSection(phone, site.civicUrl);
  expect(await section.getByRole('listitem').filter({ hasText: title }).count()).toBe(0);
  expect(await publicMenuTitles(site.civicUrl)).not.toContain(title);

  await phone.context().close();
  await page.context().close();
});
