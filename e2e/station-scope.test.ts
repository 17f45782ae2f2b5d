// A station admin's console shows their own station and nothing above or beside it.
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

test('a station admin sees only their station', async () => {
  const asDistrict = await apiSession(demo.district);
  const { units } = await asDistrict<{ units: TreeUnit[] }>('/api/network/tree');
  const station = units.find((u) => u.code === '330303001001')!;

  const page = await signedInPage(browser, demo.station);
  const tree = page.getByRole('tree', { name: '实践网络单位树' });
  await tree.waitFor();
  const nodes = tree.locator('.wm-tree-node');
  await expect.poll(() => nodes.count()).toBe(1);
  expect(await nodes.first().getAttribute('data-level')).toBe('station');
  expect(await nodes.first().innerText()).toContain(station.name);
  expect(await tree.innerText()).not.toContain('永中街道新时代文明实践所');
  expect(await tree.innerText()).not.toContain('龙湾区新时代文明实践中心');
  // A station has no children to create.
  expect(await page.getByRole('button', { name: '新建下级单位' }).count()).toBe(0);

  // The sites list holds only the station's sites.
  await page.getByRole('menuitem', { name: '阵地' }).click();
  await expect.poll(() => page.locator('.ant-table-row').count()).toBeGreaterThan(0);
  const unitCells = await page.locator('.ant-table-row td:nth-child(3)').allInnerTexts();
  expect(unitCells.every((c) => c.trim() === station.name)).toBe(true);
  await page.context().close();
});
