// Activities on a 375×667 phone: a site's civic-code page lists what is on there this week, and the public list
// (/m/activities) pages with "加载更多" and filters by street, station and topic. Data is arranged through the
// staff API as the district admin; the demo seed has published activities at every station for the coming weeks.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { topicLabel } from '../common/activity-topics';
import { apiSession, demo, launchBrowser, phoneContext, type SiteRow } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

type PublicActivity = { id: string; title: string; topic: string; startsAt: string; endsAt: string; unitName: string };
type Station = { id: string; code: string; name: string; instituteName: string };

const OFFSET_MS = 8 * 3600_000; // Asia/Shanghai, no daylight saving
const hm = (iso: string) => new Date(new Date(iso).getTime() + OFFSET_MS).toISOString().slice(11, 16);

/** Monday 00:00 (Shanghai) after `now`: where "this week" ends. */
function weekEnd(now: Date): Date {
  const local = new Date(now.getTime() + OFFSET_MS);
  const weekday = local.getUTCDay() || 7;
  const midnight = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  return new Date(midnight + (8 - weekday) * 86_400_000 - OFFSET_MS);
}

async function publicJson<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(path);
  expect(res.ok(), `${path}: ${res.status()}`).toBe(true);
  return (await res.json()) as T;
}

const cardTitles = (page: Page) => page.getByTestId('activity').locator('h3').allInnerTexts();

describe('activities on the phone', () => {
  test("a site's civic-code page lists this week's activities there", async () => {
    const asDistrict = await apiSession(demo.district);
    const sites = await asDistrict<{ items: SiteRow[] }>('/api/sites?limit=100');
    const site = sites.items.find((s) => s.unitCode.length === 12 && s.address) ?? sites.items[0];

    // Later today, or just now in the last minutes of a week: it must fall inside this Shanghai week.
    const now = new Date();
    const end = new Date(Math.floor(Math.min(now.getTime() + 40 * 60_000, weekEnd(now).getTime() - 60_000) / 60_000) * 60_000);
    const start = new Date(end.getTime() - 30 * 60_000);
    const title = `本周读书会${Math.random().toString(36).slice(2, 6)}`;
    const created = await asDistrict<{ activities: { id: string }[] }>('/api/activities', {
      body: { title, topic: 'culture_life', unitId: site.unitId, siteId: site.id, startsAt: start.toISOString(), endsAt: end.toISOString() },
    });
    const id = created.activities[0].id;
    const submitted = await asDistrict<{ status: string }>(`/api/activities/${id}/submit`, { method: 'POST' });
    if (submitted.status === 'submitted') await asDistrict(`/api/activities/${id}/review`, { body: { decision: 'approve' } });

    const page = await (await phoneContext(browser)).newPage();
    await page.goto(site.civicUrl);
    await page.getByRole('heading', { level: 1, name: site.name }).waitFor();
    const week = page.getByRole('region', { name: '本周活动' });
    const item = week.getByRole('listitem').filter({ hasText: title });
    await item.waitFor();
    const text = await item.innerText();
    expect(text).toContain(`${hm(start.toISOString())}–${hm(end.toISOString())}`);
    expect(text).toContain('丰富活跃文化生活');
    expect(text).toMatch(/\d+月\d+日/);
    // Large enough to read: the title at least 18px; nothing wider than the phone.
    const size = await item.getByText(title).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(18);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    // It offers the site's calendar feed, which holds this activity.
    const feed = await week.getByRole('link', { name: '添加到手机日历' }).getAttribute('href');
    const ics = await page.evaluate(async (u) => {
      const r = await fetch(u!);
      return { type: r.headers.get('content-type') ?? '', body: await r.text() };
    }, feed);
    expect(ics.type).toContain('text/calendar');
    expect(ics.body).toContain(title);

    // The section links to the full list.
    await week.getByRole('link', { name: '查看全部近期活动' }).click();
    await page.getByRole('heading', { level: 1, name: '近期活动' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/m/activities');

    // A site with nothing on this week says so.
    let quiet: SiteRow | undefined;
    for (const s of sites.items.slice(0, 15)) {
      const token = new URL(s.civicUrl).pathname.split('/').pop()!;
      const w = await publicJson<{ items: unknown[] }>(page, `/api/public/sites/${token}/activities`);
      if (w.items.length === 0) {
        quiet = s;
        break;
      }
    }
    if (quiet) {
      await page.goto(quiet.civicUrl);
      await page.getByRole('heading', { level: 1, name: quiet.name }).waitFor();
      await page.getByRole('region', { name: '本周活动' }).getByText('本周暂无活动').waitFor();
    }
    await page.context().close();
  });

  test('/m/activities pages with 加载更多 and filters by street, station and topic', async () => {
    const page = await (await phoneContext(browser)).newPage();
    const stations = (await publicJson<{ items: Station[] }>(page, '/api/public/stations?limit=200')).items;
    // A station with activities coming up, as the API lists them.
    let station: Station | undefined;
    let expected: PublicActivity[] = [];
    for (const s of stations.filter((x) => x.code.length === 12)) {
      expected = (await publicJson<{ items: PublicActivity[] }>(page, `/api/public/activities?station=${s.code}`)).items;
      if (expected.length > 0) {
        station = s;
        break;
      }
    }
    expect(station, 'a station with upcoming activities').toBeDefined();
    const all = await publicJson<{ items: PublicActivity[]; nextCursor: string | null }>(page, '/api/public/activities');
    expect(all.nextCursor).not.toBeNull();

    // Home → the list; the first page of 20, in the API's order.
    await page.goto('/m/');
    await page.getByRole('button', { name: '近期活动' }).click();
    await page.getByRole('heading', { level: 1, name: '近期活动' }).waitFor();
    await page.getByTestId('activity').first().waitFor();
    expect(await cardTitles(page)).toEqual(all.items.map((a) => a.title));
    const titleSize = await page.getByTestId('activity').first().locator('h3').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(titleSize).toBeGreaterThanOrEqual(19);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    // 加载更多 appends the next page, without repeats.
    await page.getByRole('button', { name: '加载更多' }).click();
    const second = await publicJson<{ items: PublicActivity[] }>(page, `/api/public/activities?cursor=${encodeURIComponent(all.nextCursor!)}`);
    await expect.poll(() => cardTitles(page)).toEqual([...all.items, ...second.items].map((a) => a.title));

    // Street, then station: the list becomes the station's.
    await page.getByRole('button', { name: /^街道/ }).click();
    const street = station!.instituteName.replace(/新时代文明实践所$/, ''); // "永中街道"
    await page.getByRole('dialog', { name: '街道' }).getByRole('option', { name: street, exact: true }).click();
    await page.getByRole('button', { name: `去掉“${street}”` }).waitFor();
    await page.getByRole('button', { name: /^实践站/ }).click();
    await page.getByRole('dialog', { name: '实践站' }).getByRole('button', { name: new RegExp(station!.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('station')).toBe(station!.code);
    await expect.poll(() => cardTitles(page)).toEqual(expected.map((a) => a.title));
    expect(await page.getByTestId('activity').first().innerText()).toContain(expected[0].unitName);

    // A topic on top: only that topic's activities of the station.
    const topic = expected[0].topic;
    const byTopic = (await publicJson<{ items: PublicActivity[] }>(page, `/api/public/activities?station=${station!.code}&topic=${topic}`)).items;
    await page.getByRole('button', { name: /^主题/ }).click();
    await page.getByRole('dialog', { name: '主题' }).getByRole('option', { name: topicLabel(topic), exact: true }).click();
    await page.getByRole('button', { name: `去掉“${topicLabel(topic)}”` }).waitFor();
    expect(byTopic.length).toBeGreaterThan(0);
    await expect.poll(() => cardTitles(page)).toEqual(byTopic.map((a) => a.title));
    for (const card of await page.getByTestId('activity').all()) expect(await card.innerText()).toContain(topicLabel(topic));

    // The filters survive a reload (they live in the URL); clearing them brings back everything.
    await page.reload();
    await expect.poll(() => cardTitles(page)).toEqual(byTopic.map((a) => a.title));
    await page.getByRole('button', { name: '清除筛选' }).click();
    await expect.poll(() => cardTitles(page)).toEqual(all.items.map((a) => a.title));
    await page.context().close();
  });
});
