// Staff import a team's roster in the console: pick the team, upload an .xlsx, read the check (a bad row keeps
// the import button disabled), upload the corrected file, confirm, and see what was written.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { apiSession, demo, launchBrowser, signedInPage } from './browser';
import { idNumberFor, withWrongCheck } from '../server/modules/roster/roster.testing';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function xlsx(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('队员名册');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('console roster import', () => {
  test('upload, see the check, fix, confirm, see the result', { timeout: 120_000 }, async () => {
    const call = await apiSession(demo.institute);
    const { items } = await call<{ items: { id: string; name: string }[] }>('/api/roster/teams?limit=5');
    expect(items.length).toBeGreaterThan(0);
    const team = items[0];

    // People nobody has registered: ID numbers from a range the demo population does not use.
    const base = 9_000_000 + Math.floor(Math.random() * 900_000);
    const stamp = String(Date.now()).slice(-6);
    const people = [
      ['浏览器甲', `1391${stamp}1`, idNumberFor(base)],
      ['浏览器乙', `1391${stamp}2`, idNumberFor(base + 1)],
    ];
    const head = ['姓名', '手机号码', '身份证号', '技能特长'];

    const page = await signedInPage(browser, demo.institute);
    await page.goto('/admin/roster');
    await page.getByLabel('导入到志愿服务队').click();
    await page.getByLabel('导入到志愿服务队').fill(team.name.slice(0, 4));
    await page.locator('.ant-select-item-option', { hasText: team.name }).first().click();

    const input = page.locator('input[type="file"]');
    await input.setInputFiles({
      name: 'roster.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await xlsx([head, [...people[0], '急救'], [people[1][0], people[1][1], withWrongCheck(people[1][2]), '']]),
    });
    const errorRow = page.locator('tr[data-status="error"]');
    await expect.poll(() => errorRow.count(), { timeout: 30_000 }).toBe(1);
    expect(await errorRow.innerText()).toContain('“身份证号”列：身份证号校验位不正确');
    const importButton = page.getByRole('button', { name: /确认导入/ });
    expect(await importButton.isDisabled()).toBe(true);

    // The corrected roster replaces the first one.
    await input.setInputFiles({
      name: 'roster-fixed.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await xlsx([head, [...people[0], '急救'], [...people[1], '驾驶']]),
    });
    await expect.poll(() => page.locator('tr[data-status="new"]').count(), { timeout: 30_000 }).toBe(2);
    expect(await errorRow.count()).toBe(0);
    expect(await page.getByText('浏览器乙').count()).toBeGreaterThan(0);
    await expect.poll(() => importButton.isEnabled()).toBe(true);

    await importButton.click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.innerText()).toContain(`确认导入到“${team.name}”`);
    expect(await dialog.innerText()).toContain('将新登记 2 名志愿者');
    await dialog.getByRole('button', { name: /确认导入/ }).click();
    await expect.poll(() => page.getByText(`名册已导入“${team.name}”`).count(), { timeout: 30_000 }).toBe(1);
    expect(await page.getByText('新登记 2 人，加入本队 0 人').count()).toBe(1);

    // The same file again: both are now members of the team, nothing new to register.
    await page.getByRole('button', { name: '导入另一份名册' }).click();
    await page.locator('input[type="file"]').setInputFiles({
      name: 'roster-again.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await xlsx([head, [...people[0], '急救'], [...people[1], '驾驶']]),
    });
    await expect.poll(() => page.locator('tr[data-status="member"]').count(), { timeout: 30_000 }).toBe(2);
    await page.context().close();
  });
});
