// Taking part, on a 375×667 phone: the demo volunteer signs up for an activity (signing in from its page), finds it
// under My activities, and checks out and in by opening the organizer's QR URLs; a resident books a class with a
// mobile number and cancels from the booking link; a message about a cancelled sign-up shows as unread and opens
// its activity. Activities are arranged through the staff API as the district admin, as an organizer would.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiSession, DEMO_PASSWORD, demo, launchBrowser, phoneContext, type SiteRow } from './browser';

const VOLUNTEER_PHONE = '13900000001'; // 谷宇哲, the demo volunteer (README)

let browser: Browser;
let volunteerPage: Page | null = null;
let volunteerId = '';
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

type Call = Awaited<ReturnType<typeof apiSession>>;
const minute = 60_000;
const at = (ms: number) => new Date(Math.floor(ms / minute) * minute).toISOString();
const suffix = () => Math.random().toString(36).slice(2, 6);

let staff: Call;
let site: SiteRow;

async function publishedActivity(body: Record<string, unknown>): Promise<string> {
  staff ??= await apiSession(demo.district);
  site ??= (await staff<{ items: SiteRow[] }>('/api/sites?limit=100')).items.find((s) => s.unitCode.length === 12 && s.address)!;
  const created = await staff<{ activities: { id: string }[] }>('/api/activities', {
    body: { topic: 'culture_life', unitId: site.unitId, siteId: site.id, description: '请提前十分钟到场。\n自带水杯。', ...body },
  });
  const id = created.activities[0].id;
  const submitted = await staff<{ status: string }>(`/api/activities/${id}/submit`, { method: 'POST' });
  if (submitted.status === 'submitted') await staff(`/api/activities/${id}/review`, { body: { decision: 'approve' } });
  return id;
}

const checkinUrl = async (id: string, mode: 'in' | 'out') => (await staff<{ url: string }>(`/api/activities/${id}/checkin-code?mode=${mode}`)).url;

const noSideways = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

describe('taking part on the phone', () => {
  test('a volunteer signs up, sees it in My activities, and checks out and in by scanning', async () => {
    // Running now (started half an hour ago), so check-in is open and the cancellation deadline has passed.
    const now = Date.now();
    const title = `社区清洁行动${suffix()}`;
    const id = await publishedActivity({ title, startsAt: at(now - 30 * minute), endsAt: at(now + 90 * minute), volunteerSlots: 5 });

    // Not signed in: the page reads fine and offers sign-in, which comes back here.
    const page = await (await phoneContext(browser)).newPage();
    await page.goto(`/m/activities/${id}`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const main = page.locator('main');
    expect(await main.innerText()).toContain(site.name);
    expect(await main.innerText()).toContain('自带水杯');
    expect(await page.getByTestId('places').innerText()).toMatch(/志愿者\s*剩 5 个/);
    await page.getByRole('link', { name: '登录后报名' }).click();
    await page.getByRole('heading', { level: 1, name: '志愿者登录' }).waitFor();
    await page.getByText('密码登录').click();
    await page.getByLabel('手机号', { exact: true }).fill(VOLUNTEER_PHONE);
    await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/m/activities/${id}`);

    // 报名: confirmed at once (places are free); the count drops; cancelling is refused after the deadline, which is shown.
    const signUp = page.getByRole('button', { name: '报名', exact: true });
    expect((await signUp.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await signUp.click();
    await expect.poll(() => page.getByTestId('my-signup-status').innerText()).toBe('您已报名');
    await expect.poll(() => page.getByTestId('places').innerText()).toMatch(/剩 4 个/);
    expect(await page.getByRole('button', { name: '取消报名' }).isDisabled()).toBe(true);
    expect(await page.getByTestId('volunteer-panel').innerText()).toMatch(/取消截止时间（\d+月\d+日\s*周.\s*\d\d:\d\d）已过/);
    // Check-in is open: the page explains how to scan.
    await page.getByRole('button', { name: '怎样签到' }).click();
    await page.getByText('打开手机相机或微信“扫一扫”').waitFor();
    await page.getByRole('button', { name: '知道了' }).click();
    await noSideways(page);

    // My activities lists it as signed up; a tap opens it.
    await page.goto('/m/me/activities');
    await page.getByRole('heading', { level: 1, name: '我的活动' }).waitFor();
    const item = page.getByTestId('my-signup').filter({ hasText: title });
    await item.waitFor();
    expect(await item.innerText()).toContain('已报名');
    await item.getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();

    // The organizer recorded his arrival twenty minutes ago at the desk; he scans the check-out code and sees the
    // minutes, waiting for approval.
    const signups = await staff<{ items: { volunteerId: string | null; status: string }[] }>(`/api/activities/${id}/signups?kind=volunteer`);
    volunteerId = signups.items.find((s) => s.status === 'confirmed')!.volunteerId!;
    await staff(`/api/activities/${id}/attendance/manual`, { body: { volunteerId, action: 'in', at: new Date(Date.now() - 20 * minute).toISOString() } });
    await page.goto(await checkinUrl(id, 'out'));
    await page.getByRole('heading', { level: 1, name: '签退成功' }).waitFor();
    const minutes = Number((await page.getByTestId('checkin-minutes').innerText()).replace(/\D/g, ''));
    expect(minutes).toBeGreaterThanOrEqual(19);
    expect(minutes).toBeLessThanOrEqual(21);
    expect(await page.getByTestId('checkin-result').innerText()).toContain('待审核');
    expect(await page.getByTestId('checkin-result').innerText()).toContain(title);

    // Back for the second half: the check-in code signs him in, with the time.
    await page.goto(await checkinUrl(id, 'in'));
    await page.getByRole('heading', { level: 1, name: '签到成功' }).waitFor();
    expect(await page.getByTestId('checkin-result').innerText()).toMatch(/签到时间\s*\d\d:\d\d/);
    const size = await page.getByRole('heading', { level: 1, name: '签到成功' }).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(28);
    await noSideways(page);

    // Scanning the check-in code again says he is in already; the activity page shows since when.
    await page.goto(await checkinUrl(id, 'in'));
    await page.getByRole('heading', { level: 1, name: '您已经签到了' }).waitFor();
    await page.getByRole('button', { name: '查看活动' }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByText(/您已于 \d\d:\d\d 签到/).waitFor();

    // A stale or damaged code is explained, not a raw error.
    await page.goto(`/m/check-in?c=${id}.i.1.AAAAAAAAAAAAAAAA`);
    await expect.poll(() => page.getByTestId('checkin-error').getAttribute('data-code')).toMatch(/^checkin_code_(expired|invalid)$/);
    await page.getByRole('heading', { level: 1, name: '没能签到' }).waitFor();
    volunteerPage = page;
  });

  test('a check-in link opened while signed out asks to sign in and comes back', async () => {
    const now = Date.now();
    const id = await publishedActivity({ title: `签到演示${suffix()}`, startsAt: at(now + 10 * minute), endsAt: at(now + 70 * minute), volunteerSlots: 2 });
    const page = await (await phoneContext(browser)).newPage();
    const url = new URL(await checkinUrl(id, 'in'));
    await page.goto(url.pathname + url.search);
    await page.getByRole('heading', { level: 1, name: '志愿者登录' }).waitFor();
    expect(new URL(page.url()).searchParams.get('next')).toBe(url.pathname + url.search);
    await page.context().close();
  });

  test('a resident books a class with a mobile number and cancels from the booking link', async () => {
    const now = Date.now();
    const title = `智能手机课堂${suffix()}`;
    const id = await publishedActivity({ title, startsAt: at(now + 3 * 24 * 60 * minute), endsAt: at(now + 3 * 24 * 60 * minute + 90 * minute), citizenPlaces: 2 });
    const phone = `137${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

    const page = await (await phoneContext(browser)).newPage();
    await page.goto(`/m/activities/${id}`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(await page.getByTestId('places').innerText()).toMatch(/群众\s*剩 2 个/);
    // No volunteer places: no volunteer sign-up on this page.
    expect(await page.getByTestId('volunteer-panel').count()).toBe(0);

    const form = page.getByTestId('booking-panel');
    await form.getByLabel('姓名').fill('王阿姨');
    await form.getByLabel('手机号').fill('1234567');
    await form.getByRole('button', { name: '预约', exact: true }).click();
    await form.getByRole('alert').filter({ hasText: '请填写正确的 11 位手机号' }).waitFor();
    await form.getByLabel('手机号').fill(phone);
    await form.getByRole('button', { name: '预约', exact: true }).click();
    await page.getByTestId('booking-done').getByText('预约成功').waitFor();
    expect(await page.getByTestId('booking-done').innerText()).toContain(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
    await expect.poll(() => page.getByTestId('places').innerText()).toMatch(/群众\s*剩 1 个/);
    await noSideways(page);

    // The text message carries the same link.
    const manage = await page.getByTestId('manage-link').getAttribute('href');
    expect(manage).toMatch(/^\/m\/booking\/[A-Za-z0-9_-]+$/);
    let sms = '';
    await expect
      .poll(async () => {
        const out = await staff<{ items: { text: string }[] }>(`/api/sms-outbox?phone=${phone}`);
        sms = out.items.map((m) => m.text).join('\n');
        return sms;
      })
      .toContain(manage!);

    // The booking page: state, masked number, cancel after a confirmation.
    await page.getByTestId('manage-link').click();
    await page.getByRole('heading', { level: 1, name: '我的预约' }).waitFor();
    await expect.poll(() => page.getByTestId('booking-status').innerText()).toBe('预约成功');
    const text = await page.locator('main').innerText();
    expect(text).toContain('王阿姨');
    expect(text).toContain(title);
    expect(text).not.toContain(phone);
    await page.getByRole('button', { name: '取消预约' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('确定取消预约吗？').waitFor();
    await dialog.getByRole('button', { name: '不取消' }).click();
    expect(await page.getByTestId('booking-status').innerText()).toBe('预约成功');
    await page.getByRole('button', { name: '取消预约' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确定取消' }).click();
    await expect.poll(() => page.getByTestId('booking-status').innerText()).toBe('已取消');
    await page.reload();
    await expect.poll(() => page.getByTestId('booking-status').innerText()).toBe('已取消');
    expect(await page.getByRole('button', { name: '取消预约' }).count()).toBe(0);

    // The place is free again.
    await page.goto(`/m/activities/${id}`);
    await expect.poll(() => page.getByTestId('places').innerText()).toMatch(/群众\s*剩 2 个/);

    // The public list opens each activity's page.
    await page.goto('/m/activities');
    const card = page.getByTestId('activity').first();
    const first = (await card.locator('h3').innerText()).trim();
    await card.click();
    await page.getByRole('heading', { level: 1, name: first }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/m\/activities\/[0-9a-f-]{36}$/);
    await page.context().close();
  });

  test('where the activity checks location, the phone is asked for it; too far away is said, on site works', async () => {
    expect(volunteerPage, 'the first test signed the volunteer in').toBeTruthy();
    const page = volunteerPage!;
    const located = (await staff<{ items: (SiteRow & { lat: number | null; lng: number | null })[] }>('/api/sites?limit=100')).items.find((s) => s.lat !== null && s.lng !== null);
    expect(located, 'a demo site with a position').toBeDefined();
    const now = Date.now();
    const created = await staff<{ activities: { id: string }[] }>('/api/activities', {
      body: { title: `现场签到${suffix()}`, topic: 'culture_life', unitId: located!.unitId, siteId: located!.id, startsAt: at(now - 10 * minute), endsAt: at(now + 60 * minute), volunteerSlots: 3, geofenceMeters: 200 },
    });
    const id = created.activities[0].id;
    const submitted = await staff<{ status: string }>(`/api/activities/${id}/submit`, { method: 'POST' });
    if (submitted.status === 'submitted') await staff(`/api/activities/${id}/review`, { body: { decision: 'approve' } });
    await staff(`/api/activities/${id}/signups`, { body: { volunteerId } });

    await page.context().grantPermissions(['geolocation']);
    await page.context().setGeolocation({ latitude: located!.lat! + 0.05, longitude: located!.lng! }); // about 5.5 km north
    await page.goto(await checkinUrl(id, 'in'));
    await expect.poll(() => page.getByTestId('checkin-error').getAttribute('data-code')).toBe('outside_geofence');
    expect(await page.getByTestId('checkin-error').innerText()).toContain('不在活动地点附近');
    // Walks over to the site and tries again: the same attempt, a fresh position.
    await page.context().setGeolocation({ latitude: located!.lat!, longitude: located!.lng! });
    await page.getByRole('button', { name: '重试' }).click();
    await page.getByRole('heading', { level: 1, name: '签到成功' }).waitFor();
  });

  test('a message about a cancelled sign-up is unread until opened, and opens its activity', async () => {
    expect(volunteerPage, 'the first test signed the volunteer in').toBeTruthy();
    const page = volunteerPage!;
    const now = Date.now();
    const title = `敬老院探访${suffix()}`;
    const id = await publishedActivity({ title, startsAt: at(now + 2 * 24 * 60 * minute), endsAt: at(now + 2 * 24 * 60 * minute + 120 * minute), volunteerSlots: 3 });
    await page.goto(`/m/activities/${id}`);
    await page.getByRole('button', { name: '报名', exact: true }).click();
    await expect.poll(() => page.getByTestId('my-signup-status').innerText()).toBe('您已报名');
    // Before the deadline he could cancel himself; the organizer cancels it instead, which tells him.
    expect(await page.getByRole('button', { name: '取消报名' }).isDisabled()).toBe(false);
    const rows = await staff<{ items: { id: string; status: string }[] }>(`/api/activities/${id}/signups?kind=volunteer`);
    await staff(`/api/activities/${id}/signups/${rows.items[0].id}/cancel`, { body: { reason: '人数调整' } });

    await page.goto('/m/notifications');
    await page.getByRole('heading', { level: 1, name: '消息通知' }).waitFor();
    const message = page.getByTestId('notification').filter({ hasText: title }).first();
    await message.waitFor();
    expect(await message.getAttribute('data-unread')).toBe('true');
    expect(await page.getByTestId('unread-count').innerText()).toMatch(/\d+ 条未读/);
    await message.getByRole('button').click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(await page.getByTestId('volunteer-panel').innerText()).toContain('您已取消报名');

    await page.goBack();
    await page.getByRole('heading', { level: 1, name: '消息通知' }).waitFor();
    await expect.poll(() => page.getByTestId('notification').filter({ hasText: title }).first().getAttribute('data-unread')).toBe('false');
    if (await page.getByRole('button', { name: '全部标为已读' }).count()) {
      await page.getByRole('button', { name: '全部标为已读' }).click();
      await page.getByTestId('unread-count').getByText('没有未读消息').waitFor();
    }
    expect(await page.locator('[data-testid="notification"][data-unread="true"]').count()).toBe(0);
    await noSideways(page);
    await page.context().close();
  });
});
