// Shared pieces of the browser tests: Debian's chromium through playwright-core, signing in as a demo account
// through the real sign-in page, and a small API client for arranging data the way an operator would.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const DEMO_PASSWORD = 'Longwan@2026';
export const demo = {
  district: '13800000001',
  institute: '13800000002', // 永中街道
  station: '13800000003', // the first station under 永中街道 (330303001001)
} as const;

export function baseUrl(): string {
  return inject('baseUrl');
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

export async function desktopContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', baseURL: baseUrl() });
}

export async function phoneContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 375, height: 667 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    baseURL: baseUrl(),
  });
}

/** A phone already signed in as a volunteer (the sign-in page itself is tested in mobile-volunteer.test.ts). */
export async function volunteerPhone(browser: Browser, phone: string, password = DEMO_PASSWORD): Promise<BrowserContext> {
  const res = await fetch(`${baseUrl()}/api/volunteer-auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phone, password }),
  });
  if (!res.ok) throw new Error(`volunteer sign-in as ${phone} failed: ${res.status}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  const eq = cookie.indexOf('=');
  const context = await phoneContext(browser);
  await context.addCookies([{ name: cookie.slice(0, eq), value: cookie.slice(eq + 1), url: baseUrl(), httpOnly: true, sameSite: 'Lax' }]);
  return context;
}

/** Signs in through the console's sign-in page and waits for the signed-in frame. */
export async function signIn(page: Page, phone: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/admin/');
  await page.getByLabel('手机号', { exact: true }).fill(phone);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登 录' }).or(page.getByRole('button', { name: '登录' })).click();
  await page.getByRole('button', { name: '账号菜单' }).waitFor();
}

// Sign-in is rate-limited per address, so each test file signs each account in once and reuses the session.
const cookies = new Map<string, string>();

async function sessionCookie(phone: string, password = DEMO_PASSWORD): Promise<string> {
  const known = cookies.get(phone);
  if (known) return known;
  const res = await fetch(`${baseUrl()}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phone, password }),
  });
  if (!res.ok) throw new Error(`sign-in as ${phone} failed: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  cookies.set(phone, cookie);
  return cookie;
}

/** A signed-in API session for arranging test data (same cookie rules as the browser). */
export async function apiSession(phone: string) {
  const cookie = await sessionCookie(phone);
  return async function call<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
    const r = await fetch(`${baseUrl()}${path}`, {
      method: init.method ?? (init.body ? 'POST' : 'GET'),
      headers: { cookie, ...(init.body ? { 'content-type': 'application/json' } : {}) },
      body: init.body ? JSON.stringify(init.body) : undefined,
    });
    if (!r.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${r.status} ${await r.text()}`);
    return (await r.json()) as T;
  };
}

/** A console page already signed in as `phone` (the sign-in page itself is tested in console-network.test.ts). */
export async function signedInPage(browser: Browser, phone: string): Promise<Page> {
  const [name, value] = (await sessionCookie(phone)).split('=');
  const context = await desktopContext(browser);
  await context.addCookies([{ name, value, url: baseUrl(), httpOnly: true, sameSite: 'Lax' }]);
  const page = await context.newPage();
  await page.goto('/admin/');
  await page.getByRole('button', { name: /账号菜单|Account menu/ }).waitFor();
  return page;
}

export type TreeUnit = { id: string; code: string; parentId: string | null; level: string; name: string };
export type SiteRow = { id: string; name: string; address: string; civicUrl: string; unitId: string; unitCode: string };
