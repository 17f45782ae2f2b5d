// Staff open the coverage report: the grid shows red gap weeks and counts where activities were published, and a
// cell opens that week's activities.
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

type Report = { currentWeek: string; weeks: { key: string; start: string }[]; rows: { unit: { id: string }; weekCounts: number[] }[] };

test('the coverage grid shows gaps and a published activity, and drills into a week', async () => {
  const asDistrict = await apiSession(demo.district);
  const { units } = await asDistrict<{ units: TreeUnit[] }>('/api/network/tree');
  const institute = units.find((u) => u.code === '330303001')!;
  const station = units.find((u) => u.code === '330303001001')!;
  const before = await asDistrict<Report>(`/api/coverage?unit=${institute.id}`);
  const next = before.weeks[before.weeks.findIndex((w) => w.key === before.currentWeek) + 1];
  // Wednesday of next week, 10:00–11:30 Shanghai.
  const startsAt = new Date(`${next.start}T02:00:00Z`);
  startsAt.setUTCDate(startsAt.getUTCDate() + 2);
  const title = `覆盖测试宣讲${Date.now() % 100000}`;
  const created = await asDistrict<{ activities: { id: string }[] }>('/api/activities', {
    body: { title, topic: 'study_policy', unitId: station.id, startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 90 * 60_000).toISOString() },
  });
  await asDistrict(`/api/activities/${created.activities[0].id}/submit`, { method: 'POST', body: {} });
  // The demo plan may already hold activities there; the new one adds to whatever the report counted before.
  const weekIndex = before.weeks.findIndex((w) => w.key === next.key);
  const countBefore = before.rows.find((r) => r.unit.id === station.id)!.weekCounts[weekIndex];

  const page = await signedInPage(browser, demo.district);
  await page.goto(`/admin/coverage?unit=${institute.id}`);
  const grid = page.getByTestId('coverage-grid');
  await grid.waitFor();
  expect(await grid.locator('button[data-gap="true"]').count()).toBeGreaterThan(0);
  const cell = grid.getByRole('button', { name: `${station.name} ${next.key}：${countBefore + 1} 项活动` });
  expect(await cell.getAttribute('data-gap')).toBe('false');

  await cell.click();
  const drawer = page.getByRole('dialog');
  await expect.poll(() => drawer.getByText(title).count()).toBe(1);
  expect(await drawer.innerText()).toContain(next.key);
  await page.context().close();
});
