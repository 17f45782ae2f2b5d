// Service hours, certificates and star levels in the console. A station entered two records of a volunteer who
// served today (arranged through the API); the institute admin approves one in /admin/hours and sees the month's
// total grow by its hours, rejects the other with a reason, then requests a certificate for the volunteer, issues
// it and opens its PDF. The district admin changes a star threshold (an out-of-order one is refused first).
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { checkCharacter } from '../common/id-card';
import { apiSession, demo, launchBrowser, signedInPage, type TreeUnit } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const ZONE = 'Asia/Shanghai';
const localDate = (d: Date) => d.toLocaleDateString('sv-SE', { timeZone: ZONE });
const localTime = (d: Date) => d.toLocaleTimeString('en-GB', { timeZone: ZONE, hour: '2-digit', minute: '2-digit' });
/** How the console shows a stretch of time on one day: "2026-05-02 09:00–10:00". */
const shownRange = (s: Date, e: Date) => `${localDate(s)} ${localTime(s)}–${localTime(e)}`;
const minutesLater = (d: Date, m: number) => new Date(d.getTime() + m * 60_000);

type Record = { id: string; status: string; minutes: number; decisionNote: string | null };

/** An active volunteer of the first station with no records yet, an activity of the station that started three
 * hours ago, and two entered records: 60 minutes and, right after it, 30 minutes. */
async function arrange() {
  const asStation = await apiSession(demo.station);
  const asInstitute = await apiSession(demo.institute);
  const { units } = await asStation<{ units: TreeUnit[] }>('/api/network/tree');
  const station = units.find((u) => u.code === '330303001001')!;
  await asInstitute(`/api/units/${station.id}/settings`, { method: 'PUT', body: { activityReview: false } });

  const suffix = String(Date.now() % 100000).padStart(5, '0');
  const first17 = `330303198805${String(10 + Math.floor(Math.random() * 18))}${String(100 + Math.floor(Math.random() * 800))}`;
  const volunteer = await asStation<{ id: string; name: string; number: string }>('/api/volunteers', {
    body: {
      name: `时长测试${suffix}`,
      phone: `137${suffix}${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`,
      idNumber: first17 + checkCharacter(first17),
      skills: [],
      availability: { days: [], slots: [] },
      homeUnitId: station.id,
    },
  });
  await asStation(`/api/volunteers/${volunteer.id}/review`, { body: { decision: 'approve' } });

  const start = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 180 * 60_000);
  const title = `社区清扫${suffix}`;
  const created = await asStation<{ activities: { id: string }[] }>('/api/activities', {
    body: {
      title,
      topic: 'new_customs',
      brands: [],
      unitId: station.id,
      address: '永中街道文化广场',
      startsAt: start.toISOString(),
      endsAt: minutesLater(start, 240).toISOString(),
      description: '',
      volunteerSlots: 5,
      requiredSkills: [],
      requiredQualifications: [],
      citizenPlaces: 0,
    },
  });
  const activityId = created.activities[0].id;
  await asStation(`/api/activities/${activityId}/submit`, { body: {} });

  const enter = (from: Date, minutes: number) =>
    asStation<Record>('/api/hours', { body: { activityId, volunteerId: volunteer.id, startedAt: from.toISOString(), endedAt: minutesLater(from, minutes).toISOString() } });
  const hour = await enter(start, 60);
  const half = await enter(minutesLater(start, 60), 30);
  expect([hour.status, half.status]).toEqual(['pending', 'pending']);
  return { volunteer, title, start, hour, half, asInstitute };
}

async function monthTotalMinutes(page: Page): Promise<number> {
  await page.goto('/admin/hours?tab=totals');
  const total = page.getByTestId('minutes-total');
  await total.waitFor();
  return Number(await total.innerText());
}

test('an institute admin approves one record, rejects another, and issues a certificate with a PDF', async () => {
  const { volunteer, title, start, hour, half, asInstitute } = await arrange();
  const page = await signedInPage(browser, demo.institute);
  const before = await monthTotalMinutes(page);

  // The queue, narrowed to the volunteer: both records wait, each with its time and duration.
  await page.goto(`/admin/hours?q=${encodeURIComponent(volunteer.name)}`);
  await page.getByRole('tab', { name: '待审核', selected: true }).waitFor();
  const hourRow = page.locator('.ant-table-row', { hasText: shownRange(start, minutesLater(start, 60)) });
  const halfRow = page.locator('.ant-table-row', { hasText: shownRange(minutesLater(start, 60), minutesLater(start, 90)) });
  await expect.poll(() => hourRow.count()).toBe(1);
  expect(await hourRow.innerText()).toContain('1.0 小时（60 分钟）');
  expect(await hourRow.innerText()).toContain(title);
  expect(await halfRow.innerText()).toContain('0.5 小时（30 分钟）');

  await hourRow.getByRole('button', { name: /^通过 / }).click();
  await expect.poll(() => page.getByText(`已通过 ${volunteer.name} 的服务时长`).count()).toBeGreaterThan(0);
  await expect.poll(() => hourRow.count()).toBe(0);

  // A rejection needs its reason; the reason reaches the record.
  await halfRow.getByRole('button', { name: /^退回 / }).click();
  const dialog = page.getByRole('dialog', { name: '退回服务记录' });
  await dialog.getByRole('button', { name: /退\s?回/ }).click();
  await dialog.getByText('请填写原因').waitFor();
  await dialog.getByLabel('退回原因').fill('签到记录显示当时不在现场');
  await dialog.getByRole('button', { name: /退\s?回/ }).click();
  await expect.poll(() => page.getByText(`已退回 ${volunteer.name} 的服务记录`).count()).toBeGreaterThan(0);
  await expect.poll(() => halfRow.count()).toBe(0);
  const rejected = await asInstitute<{ record: Record }>(`/api/hours/${half.id}`);
  expect(rejected.record.status).toBe('rejected');
  expect(rejected.record.decisionNote).toBe('签到记录显示当时不在现场');

  // All records: one approved, one rejected with its reason.
  await page.goto(`/admin/hours?tab=all&q=${encodeURIComponent(volunteer.name)}`);
  await expect.poll(() => page.locator('.ant-table-row', { hasText: '已通过' }).count()).toBe(1);
  expect(await page.locator('.ant-table-row', { hasText: '已退回' }).innerText()).toContain('签到记录显示当时不在现场');

  // The month's total grew by the approved hour only.
  await expect.poll(() => monthTotalMinutes(page)).toBe(before + 60);
  const approved = await asInstitute<{ record: Record }>(`/api/hours/${hour.id}`);
  expect(approved.record.status).toBe('approved');

  // A certificate for the volunteer: request, preview (the approved hour only), issue, PDF.
  await page.goto('/admin/certificates');
  await page.getByRole('button', { name: '为志愿者申请' }).click();
  const request = page.getByRole('dialog', { name: '申请志愿服务记录证明' });
  await request.getByLabel('志愿者').click();
  await page.keyboard.type(volunteer.name);
  await page.locator('.ant-select-item-option', { hasText: volunteer.number }).click();
  const ends = request.locator('.ant-picker-range input');
  await ends.nth(0).click();
  await ends.nth(0).fill(localDate(start));
  await page.keyboard.press('Enter');
  await ends.nth(1).fill(localDate(new Date()));
  await page.keyboard.press('Enter');
  await request.getByLabel('用途').fill('升学');
  await request.getByRole('button', { name: '提交申请' }).click();

  const drawer = page.locator('.ant-drawer-content-wrapper');
  await expect.poll(() => drawer.getByTestId('certificate-status').innerText()).toBe('待开具');
  await expect.poll(() => drawer.getByTestId('certificate-total').innerText()).toBe('1.0');
  await drawer.getByRole('button', { name: /(^|\s)开\s?具$/ }).click();
  const issue = page.getByRole('dialog', { name: `为 ${volunteer.name} 开具记录证明` });
  await issue.getByLabel('负责人').fill('王主任');
  await issue.getByRole('button', { name: /^开\s?具$/ }).click();
  await expect.poll(() => drawer.getByTestId('certificate-status').innerText()).toBe('已开具');
  expect(await drawer.getByTestId('certificate-verify').innerText()).toMatch(/\/m\/verify\/LW\d{10}\./);

  const href = await drawer.getByTestId('certificate-pdf').getAttribute('href');
  const pdf = await page.request.get(href!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toContain('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

  // The register lists it as issued, with the certified hours.
  const register = await asInstitute<{ items: { volunteerId: string; status: string; totalMinutes: number | null }[] }>(`/api/certificates?q=${encodeURIComponent(volunteer.number)}`);
  expect(register.items.map((c) => [c.volunteerId, c.status, c.totalMinutes])).toEqual([[volunteer.id, 'issued', 60]]);
  await page.context().close();
});

test('the district admin changes a star threshold; an out-of-order one is refused', async () => {
  const asDistrict = await apiSession(demo.district);
  const { levels } = await asDistrict<{ levels: { level: number; minHours: number }[] }>('/api/star-levels');
  const [one, two] = levels;
  const page = await signedInPage(browser, demo.district);
  await page.goto('/admin/stars');
  const card = page.locator('.ant-card', { hasText: '星级标准设置（全区）' });
  const oneInput = card.getByLabel('1 星所需小时数');
  await expect.poll(() => oneInput.inputValue()).toBe(String(one.minHours));

  // Not higher than the level below: told at once, nothing sent.
  await oneInput.fill(String(two.minHours));
  await card.getByRole('button', { name: /保\s?存/ }).click();
  await card.getByText(`须高于 1 星的 ${two.minHours} 小时`).waitFor();

  const changed = one.minHours + 1 < two.minHours ? one.minHours + 1 : one.minHours - 1;
  await oneInput.fill(String(changed));
  await card.getByRole('button', { name: /保\s?存/ }).click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: /保\s?存/ }).click();
  await expect.poll(() => page.getByText('星级标准已保存').count()).toBeGreaterThan(0);
  const after = await asDistrict<{ levels: { level: number; minHours: number }[] }>('/api/star-levels');
  expect(after.levels.find((l) => l.level === 1)!.minHours).toBe(changed);
  expect(after.levels.find((l) => l.level === 2)!.minHours).toBe(two.minHours);

  await asDistrict('/api/star-levels', { method: 'PUT', body: { levels } });
  await page.context().close();
});
