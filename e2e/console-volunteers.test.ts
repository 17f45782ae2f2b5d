// A station admin registers an elderly volunteer on their behalf, finds them by search, approves the
// registration and reveals the ID number once — through the console, against the real server.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { apiSession, demo, launchBrowser, signedInPage, type TreeUnit } from './browser';
import { checkCharacter } from '../common/id-card';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

function idNumberBorn(birth: string): string {
  const first17 = `330303${birth}${String(100 + Math.floor(Math.random() * 800)).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}

test('register on someone’s behalf, find, approve, reveal the ID', async () => {
  const asDistrict = await apiSession(demo.district);
  const { units } = await asDistrict<{ units: TreeUnit[] }>('/api/network/tree');
  const station = units.find((u) => u.code === '330303001001')!;
  const suffix = String(Date.now() % 100000).padStart(5, '0');
  const name = `林阿婆${suffix}`;
  const phone = `139${suffix}${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`;
  const idNumber = idNumberBorn('19480312');

  const page = await signedInPage(browser, demo.station);
  await page.goto('/admin/volunteers');
  await page.getByRole('tab', { name: '待审核' }).waitFor();

  // 代为登记, with instant feedback on a mistyped ID number.
  await page.getByRole('button', { name: '代为登记' }).click();
  const drawer = page.locator('.ant-drawer').filter({ hasText: '代为登记志愿者' });
  await drawer.getByLabel('姓名', { exact: true }).fill(name);
  await drawer.getByLabel('手机号', { exact: true }).fill(phone);
  const wrong = idNumber.slice(0, 17) + (idNumber[17] === '1' ? '2' : '1');
  await drawer.getByLabel('身份证号', { exact: true }).fill(wrong);
  await expect.poll(() => drawer.innerText()).toContain('身份证号校验位不正确');
  await drawer.getByLabel('身份证号', { exact: true }).fill(idNumber);
  await expect.poll(() => drawer.innerText()).toContain('1948-03-12 出生');
  await drawer.getByLabel('所属实践站').click();
  await page.keyboard.type(station.code);
  await page.locator('.ant-select-tree-node-content-wrapper', { hasText: station.name }).first().click();
  await drawer.getByRole('checkbox', { name: /纸质同意书/ }).check();
  await drawer.getByRole('button', { name: /登\s?记/ }).click();

  // The new volunteer's page opens, pending review.
  await page.waitForURL(/\/admin\/volunteers\/[0-9a-f-]{36}$/);
  await expect.poll(() => page.locator('.ant-card-head').innerText()).toContain('待审核');

  // Found by name in the list.
  await page.goto('/admin/volunteers');
  await page.getByLabel(/姓名、手机号/).fill(name);
  await page.keyboard.press('Enter');
  const row = page.locator('.ant-table-row', { hasText: name });
  await row.waitFor();
  expect(await row.innerText()).toContain(`${idNumber.slice(0, 3)}***********${idNumber.slice(-4)}`);
  expect(await row.innerText()).not.toContain(idNumber);
  await row.getByRole('link', { name, exact: true }).click();

  // Approve (confirmed), which sends the SMS.
  await page.getByRole('button', { name: /通\s?过/ }).first().click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: /确\s?定/ }).click();
  await expect.poll(() => page.locator('.ant-card-head').innerText()).toContain('在册');

  // Reveal the full ID number once (confirmed, audited by the server).
  expect(await page.getByTestId('id-number').innerText()).not.toBe(idNumber);
  await page.getByRole('button', { name: '查看完整身份证号' }).click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: /确\s?定/ }).click();
  await expect.poll(() => page.getByTestId('id-number').innerText()).toBe(idNumber);

  // Correct the skills and availability in the edit drawer; the page shows the saved values.
  await page.getByRole('button', { name: /编\s?辑/ }).click();
  const edit = page.locator('.ant-drawer').filter({ hasText: '修改「' });
  await edit.getByRole('checkbox', { name: '周六' }).check();
  await edit.getByRole('checkbox', { name: '上午' }).check();
  await edit.getByRole('button', { name: /保\s?存/ }).click();
  await expect.poll(() => page.locator('.ant-descriptions').first().innerText()).toContain('周六、上午');

  const audit = await asDistrict<{ items: { action: string; objectId: string }[] }>('/api/audit?limit=50');
  expect(audit.items.some((e) => e.action === 'volunteer.id_revealed')).toBe(true);
  const outbox = await asDistrict<{ items: { purpose: string }[] }>(`/api/sms-outbox?phone=${phone}`);
  expect(outbox.items.map((m) => m.purpose)).toContain('volunteer:approved');
  await page.context().close();
});
