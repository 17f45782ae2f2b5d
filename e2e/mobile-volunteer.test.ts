// A new volunteer registers on a 375×667 phone (SMS code, ID number, both consents, home station), sees their
// volunteer number, signs out, signs in again with a code and edits their skills. The codes are read from the
// message outbox as a district admin would see it in the console.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { checkCharacter } from '../common/id-card';
import { apiSession, demo, launchBrowser, phoneContext } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A valid, unused resident ID number of someone born in 1962 (the check character computed, not hard-coded). */
function idNumberBorn1962(): string {
  const first17 = `330303196203${String(10 + Math.floor(Math.random() * 18)).padStart(2, '0')}${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}

function randomPhone(): string {
  return `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
}

/** The newest one-time code texted to `phone` for `purpose`, as the console's message outbox shows it. */
async function latestCode(phone: string, purpose: string): Promise<string> {
  const asDistrict = await apiSession(demo.district);
  let text = '';
  await expect
    .poll(async () => {
      const page = await asDistrict<{ items: { purpose: string; text: string }[] }>(`/api/sms-outbox?phone=${phone}`);
      text = page.items.find((m) => m.purpose === `otp:${purpose}`)?.text ?? '';
      return text;
    })
    .toMatch(/\d{6}/);
  return /(\d{6})/.exec(text)![1];
}

async function fontSize(page: Page, selector: string): Promise<number> {
  return page.locator(selector).first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
}

let registered: { phone: string; idNumber: string } | null = null;
let signedIn: Page | null = null;

describe('volunteer on the phone', () => {
  test('registers, signs out, signs in with a code and edits skills', async () => {
    const phone = randomPhone();
    const idNumber = idNumberBorn1962();
    const name = `测试志愿者${phone.slice(-4)}`;
    const page = await (await phoneContext(browser)).newPage();

    // Home, not signed in: the two ways in.
    await page.goto('/m/');
    await page.getByRole('button', { name: '志愿者登录' }).waitFor();
    await page.getByRole('button', { name: '注册志愿者' }).click();
    await page.getByRole('heading', { level: 1, name: '注册志愿者' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/m/register');

    // Step 1: phone and the SMS code, with the 60-second countdown.
    await page.getByLabel('手机号', { exact: true }).fill(phone);
    await page.getByRole('button', { name: '获取验证码' }).click();
    await page.getByRole('button', { name: /\d+ 秒后重新获取/ }).waitFor();
    const code = await latestCode(phone, 'register');
    await page.getByLabel('短信验证码').fill(code);
    // Elderly-friendly sizes: large field text and tall buttons.
    expect(await fontSize(page, '#reg-phone')).toBeGreaterThanOrEqual(16);
    const next = page.getByRole('button', { name: '下一步' });
    expect((await next.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await next.click();

    // Step 2: name and ID; a typo in the check character is explained at once, the right number shows what it says.
    await page.getByRole('heading', { name: /第 2 步/ }).waitFor();
    await page.getByLabel('真实姓名').fill(name);
    const wrongCheck = idNumber.slice(0, 17) + (idNumber[17] === '1' ? '2' : '1');
    await page.getByLabel('身份证号', { exact: true }).fill(wrongCheck);
    await page.getByRole('alert').filter({ hasText: '校验位不正确' }).waitFor();
    await page.getByLabel('身份证号', { exact: true }).fill(idNumber);
    const derived = page.getByLabel('从身份证号读出的信息');
    await derived.waitFor();
    expect(await derived.innerText()).toContain(`1962-03-${idNumber.slice(12, 14)}`);
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.getByRole('button', { name: '下一步' }).click();

    // Step 3: home station by name, one skill, a day and a time.
    await page.getByRole('heading', { name: /第 3 步/ }).waitFor();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('alert').filter({ hasText: '请选择所属实践站' }).waitFor();
    await page.getByLabel('所属实践站').fill('永昌');
    const station = page.getByRole('button', { name: /永昌社区新时代文明实践站/ }).first();
    await station.click();
    await page.getByText('已选择：').waitFor();
    await page.getByRole('option', { name: '急救', exact: true }).click();
    await page.getByRole('option', { name: '周六', exact: true }).click();
    await page.getByRole('option', { name: '上午', exact: true }).click();
    await page.getByRole('button', { name: '下一步' }).click();

    // Step 4: two separate consents, each with its text and version.
    await page.getByRole('heading', { name: /第 4 步/ }).waitFor();
    const boxes = page.getByRole('checkbox');
    expect(await boxes.count()).toBe(2);
    expect(await page.locator('main').innerText()).toMatch(/版本 \S+/);
    await page.getByRole('button', { name: '提交注册' }).click();
    expect(await page.getByRole('alert').filter({ hasText: '请阅读并勾选同意' }).count()).toBe(2);
    await page.getByRole('checkbox', { name: /个人信息处理规则/ }).check();
    await page.getByRole('checkbox', { name: /身份证号处理/ }).check();
    await page.getByRole('button', { name: '提交注册' }).click();

    // Registered: the number and the pending review.
    await page.getByText('注册成功').waitFor();
    const number = (await page.getByTestId('volunteer-number').innerText()).trim();
    expect(number).toMatch(/^V\d{9}$/);
    registered = { phone, idNumber };
    expect(await page.locator('main').innerText()).toContain('待实践站审核');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    // The profile: number, masked ID (first 3 and last 4 only), station and skill.
    await page.getByRole('button', { name: '查看我的资料' }).click();
    await page.getByRole('heading', { level: 1, name: '我的资料' }).waitFor();
    const profile = await page.locator('main').innerText();
    expect(profile).toContain(name);
    expect(profile).toContain(number);
    expect(profile).toContain(`${idNumber.slice(0, 3)}${'*'.repeat(11)}${idNumber.slice(-4)}`);
    expect(profile).not.toContain(idNumber);
    expect(profile).toContain('永昌社区');
    expect(await page.getByTestId('my-skills').innerText()).toBe('急救');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    // Sign out: back home, not signed in.
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByRole('button', { name: '注册志愿者' }).waitFor();
    await page.goto('/m/me');
    await page.getByRole('heading', { level: 1, name: '志愿者登录' }).waitFor();
    expect(new URL(page.url()).searchParams.get('next')).toBe('/m/me');

    // Sign in again with a code: back to the profile the sign-in was asked for.
    await page.getByLabel('手机号', { exact: true }).fill(phone);
    await page.getByRole('button', { name: '获取验证码' }).click();
    const signInCode = await latestCode(phone, 'sign-in');
    await page.getByLabel('短信验证码').fill(signInCode);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '我的资料' }).waitFor();
    expect(await page.getByTestId('volunteer-number').innerText()).toBe(number);

    // Edit skills; the phone's back button leaves the edit page the way it came.
    await page.getByText('修改资料').click();
    await page.getByRole('heading', { level: 1, name: '修改资料' }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: '我的资料' }).waitFor();
    await page.getByText('修改资料').click();
    await page.getByRole('option', { name: '驾驶', exact: true }).click();
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByRole('heading', { level: 1, name: '我的资料' }).waitFor();
    await expect.poll(() => page.getByTestId('my-skills').innerText()).toBe('急救、驾驶');
    await page.reload();
    await expect.poll(() => page.getByTestId('my-skills').innerText()).toBe('急救、驾驶');

    // English works here too.
    await page.getByRole('button', { name: '切换到英文' }).click();
    await page.getByRole('heading', { level: 1, name: 'My profile' }).waitFor();
    await page.getByRole('button', { name: 'Switch to Chinese' }).click();
    await page.getByRole('heading', { level: 1, name: '我的资料' }).waitFor();
    signedIn = page; // the last test deletes this account
  });

  test('registering the same ID number again is told to sign in instead', async () => {
    expect(registered, 'the first test registered someone').toBeTruthy();
    const phone = randomPhone();
    const page = await (await phoneContext(browser)).newPage();
    await page.goto('/m/register');
    await page.getByLabel('手机号', { exact: true }).fill(phone);
    await page.getByRole('button', { name: '获取验证码' }).click();
    await page.getByLabel('短信验证码').fill(await latestCode(phone, 'register'));
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByLabel('真实姓名').fill('重复注册');
    await page.getByLabel('身份证号', { exact: true }).fill(registered!.idNumber);
    await page.getByRole('button', { name: '下一步' }).click();
    // The phone's back button returns to the previous step with what was typed, and forward again.
    await page.getByRole('heading', { name: /第 3 步/ }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { name: /第 2 步/ }).waitFor();
    expect(await page.getByLabel('身份证号', { exact: true }).inputValue()).toBe(registered!.idNumber);
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByLabel('所属实践站').fill('永昌');
    await page.getByRole('button', { name: /永昌社区新时代文明实践站/ }).first().click();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('checkbox', { name: /个人信息处理规则/ }).check();
    await page.getByRole('checkbox', { name: /身份证号处理/ }).check();
    await page.getByRole('button', { name: '提交注册' }).click();
    await page.getByRole('alert').filter({ hasText: '已经注册过志愿者' }).waitFor();
    await page.getByRole('button', { name: '去登录' }).click();
    await page.getByRole('heading', { level: 1, name: '志愿者登录' }).waitFor();
    await page.context().close();
  });

  test('unknown paths get a friendly page; a wrong password is said plainly', async () => {
    const page = await (await phoneContext(browser)).newPage();
    await page.goto('/m/no-such-page');
    await page.getByRole('heading', { name: '没有这个页面' }).waitFor();
    await page.getByRole('button', { name: '返回首页' }).click();
    await page.getByRole('button', { name: '注册志愿者' }).waitFor();
    await page.goto('/m/sign-in');
    await page.getByText('密码登录', { exact: true }).click();
    await page.getByLabel('手机号', { exact: true }).fill('13900000000');
    await page.getByLabel('密码', { exact: true }).fill('Wrong-Password1');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').innerText()).not.toBe('');
    await page.context().close();
  });

  test('a volunteer deletes their account after a fresh code and a confirmation', async () => {
    expect(signedIn, 'the first test left its volunteer signed in').toBeTruthy();
    const page = signedIn!;
    await page.getByRole('button', { name: '注销账号' }).click();
    await page.getByRole('heading', { level: 1, name: '注销账号' }).waitFor();
    const info = await page.locator('main').innerText();
    expect(info).toContain('按规定会保留');
    expect(info).toContain(registered!.phone);
    await page.getByRole('button', { name: '获取验证码' }).click();
    await page.getByLabel(/验证码/).fill(await latestCode(registered!.phone, 'erase'));
    await page.getByRole('button', { name: '注销账号' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('确定注销账号吗？').waitFor();
    await dialog.getByRole('button', { name: '确定注销' }).click();
    await page.getByRole('heading', { name: '账号已注销' }).waitFor();
    // Signed out: the profile asks for sign-in again.
    await page.goto('/m/me');
    await page.getByRole('heading', { level: 1, name: '志愿者登录' }).waitFor();
    await page.context().close();
  });
});
