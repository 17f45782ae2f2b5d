// Refreshes the README screenshots from a running server with the demo data:
//   node --import tsx e2e/take-screenshots.ts http://127.0.0.1:8080
// docs/screenshot.png: the console's network page (1366×768); docs/screenshot-mobile.png: a civic-code page (375×667).
import path from 'node:path';
import { chromium } from 'playwright-core';

const base = (process.argv[2] ?? 'http://127.0.0.1:8080').replace(/\/+$/, '');
const docs = path.resolve(import.meta.dirname, '..', 'docs');

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
try {
  const desk = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', baseURL: base });
  const page = await desk.newPage();
  await page.goto('/admin/');
  await page.locator('#phone').fill('13800000001');
  await page.locator('#password').fill('Longwan@2026');
  await page.keyboard.press('Enter');
  await page.getByRole('tree').waitFor();
  const tree = page.getByRole('tree');
  const institute = tree.getByRole('treeitem').filter({ has: page.locator('[data-level="institute"]', { hasText: '永中街道' }) });
  await institute.locator('.ant-tree-switcher').click();
  await institute.locator('[data-level="institute"]').click();
  await page.locator('.ant-descriptions').getByText('330303001', { exact: true }).waitFor();
  await page.locator('.ant-table-row').first().waitFor();
  await page.mouse.move(0, 760);
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(docs, 'screenshot.png') });

  // A station's site as a citizen sees it after scanning its code.
  const res = await page.request.get(`${base}/api/sites?limit=100`);
  const { items } = (await res.json()) as { items: { unitCode: string; civicUrl: string; intro: string }[] };
  const site = items.find((s) => s.unitCode.length === 12 && s.intro) ?? items[0];
  const phone = await browser.newContext({ viewport: { width: 375, height: 667 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  const m = await phone.newPage();
  await m.goto(site.civicUrl.replace(/^https?:\/\/[^/]+/, base));
  await m.getByRole('heading', { level: 1 }).waitFor();
  await m.waitForTimeout(300);
  await m.screenshot({ path: path.join(docs, 'screenshot-mobile.png') });
  console.log('wrote docs/screenshot.png and docs/screenshot-mobile.png');
} finally {
  await browser.close();
}
