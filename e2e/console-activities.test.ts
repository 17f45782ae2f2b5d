// Staff plan activities in the console: a station admin creates a weekly series in the activity drawer and sees
// every activity of it in the list; when the institute above asks to review the station's activities, a submitted
// activity waits in the institute admin's review queue until it is approved there, and is then published.
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

/** A local date some days ahead that falls on a Saturday (YYYY-MM-DD), so the series is in the future. */
function comingSaturday(minDaysAhead: number): string {
  const d = new Date(Date.now() + minDaysAhead * 86_400_000);
  while (d.getDay() !== 6) d.setDate(d.getDate() + 1);
  return d.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00+08:00`);
  d.setDate(d.getDate() + days);
  return d.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

async function stationId(): Promise<string> {
  const asStation = await apiSession(demo.station);
  const { units } = await asStation<{ units: TreeUnit[] }>('/api/network/tree');
  return units.find((u) => u.code === '330303001001')!.id;
}

test('a station admin creates a weekly series of three activities and sees them in the list', async () => {
  const unitId = await stationId();
  const title = `周六读书会${Date.now() % 100000}`;
  const first = comingSaturday(7);

  const page = await signedInPage(browser, demo.station);
  // The list filtered to the station presets the new activity's unit.
  await page.goto(`/admin/activities?unit=${unitId}`);
  await page.getByRole('button', { name: '新建活动' }).click();
  const drawer = page.getByRole('dialog');
  await drawer.getByLabel('活动名称', { exact: true }).fill(title);
  await drawer.getByLabel('主题类别', { exact: true }).click();
  await page.locator('.ant-select-item-option', { hasText: '学习宣传理论政策' }).click();

  await drawer.getByLabel('活动日期', { exact: true }).click();
  await drawer.getByLabel('活动日期', { exact: true }).fill(first);
  await page.keyboard.press('Enter');
  const times = drawer.locator('#time input, .ant-picker-range input').filter({ visible: true });
  await times.nth(0).click();
  await times.nth(0).fill('09:00');
  await page.keyboard.press('Enter');
  await times.nth(1).fill('11:00');
  await page.keyboard.press('Enter');

  await drawer.getByRole('switch', { name: '每周重复' }).click();
  await drawer.getByRole('checkbox', { name: '周六' }).check();
  await drawer.getByLabel('重复到（含当天）', { exact: true }).click();
  await drawer.getByLabel('重复到（含当天）', { exact: true }).fill(addDays(first, 14));
  await page.keyboard.press('Enter');
  await drawer.getByLabel('志愿者名额', { exact: true }).fill('5');

  await page.getByRole('button', { name: '保存为草稿' }).click();
  await expect.poll(() => page.getByText('已新建 3 项活动').count(), { timeout: 15_000 }).toBeGreaterThan(0);

  const rows = page.locator('.ant-table-row', { hasText: title });
  await expect.poll(() => rows.count()).toBe(3);
  const texts = await rows.allInnerTexts();
  for (const [i, text] of texts.entries()) {
    expect(text).toContain(`${addDays(first, 7 * i)} 09:00–11:00`);
    expect(text).toContain('草稿');
    expect(text).toContain('每周活动');
  }

  // 导出 XLSX takes the list's filters: a spreadsheet of what the list shows.
  const exportHref = await page.getByRole('link', { name: /导出 XLSX/ }).getAttribute('href');
  expect(exportHref).toContain(`unit=${unitId}`);
  const sheet = await page.evaluate(async (u) => {
    const r = await fetch(u!);
    return { status: r.status, type: r.headers.get('content-type') ?? '', size: (await r.arrayBuffer()).byteLength };
  }, exportHref);
  expect(sheet.status).toBe(200);
  expect(sheet.type).toContain('spreadsheetml');
  expect(sheet.size).toBeGreaterThan(1000);

  // The API agrees: one series of three Saturdays.
  const asStation = await apiSession(demo.station);
  const listed = await asStation<{ items: { title: string; seriesId: string | null; startsAt: string }[] }>(`/api/activities?q=${encodeURIComponent(title)}`);
  expect(listed.items.map((a) => a.title)).toEqual([title, title, title]);
  expect(new Set(listed.items.map((a) => a.seriesId)).size).toBe(1);
  expect(listed.items[0].seriesId).not.toBeNull();
  await page.context().close();
});

test('an institute admin approves a station activity that needs review, and it is published', async () => {
  const unitId = await stationId();
  const asInstitute = await apiSession(demo.institute);
  const asStation = await apiSession(demo.station);
  await asInstitute(`/api/units/${unitId}/settings`, { method: 'PUT', body: { activityReview: true } });

  const title = `文明劝导${Date.now() % 100000}`;
  const day = comingSaturday(10);
  const created = await asStation<{ activities: { id: string; status: string }[] }>('/api/activities', {
    body: {
      title,
      topic: 'new_customs',
      brands: [],
      unitId,
      address: '永中街道文化广场',
      startsAt: `${day}T14:00:00+08:00`,
      endsAt: `${day}T16:00:00+08:00`,
      description: '',
      volunteerSlots: 4,
      requiredSkills: [],
      requiredQualifications: [],
      citizenPlaces: 0,
    },
  });
  const id = created.activities[0].id;
  const submitted = await asStation<{ status: string }>(`/api/activities/${id}/submit`, { body: {} });
  expect(submitted.status).toBe('submitted');

  const page = await signedInPage(browser, demo.institute);
  await page.goto('/admin/activities');
  await page.getByRole('tab', { name: '待审核' }).click();
  const row = page.locator('.ant-table-row', { hasText: title });
  await expect.poll(() => row.count()).toBe(1);
  await row.getByRole('button', { name: `通过 ${title}` }).click();
  await expect.poll(() => page.getByText('已通过，活动已发布').count()).toBeGreaterThan(0);
  await expect.poll(() => page.locator('.ant-table-row', { hasText: title }).count()).toBe(0);

  // The station sees it published on its detail page.
  const stationPage = await signedInPage(browser, demo.station);
  await stationPage.goto(`/admin/activities/${id}`);
  await expect.poll(() => stationPage.getByTestId('activity-status').innerText()).toBe('已发布');
  const after = await asStation<{ status: string }>(`/api/activities/${id}`);
  expect(after.status).toBe('published');
  await asInstitute(`/api/units/${unitId}/settings`, { method: 'PUT', body: { activityReview: false } });
  await page.context().close();
  await stationPage.context().close();
});
