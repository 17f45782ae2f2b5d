// The rotating check-in/check-out code shown as a QR on the runner's screen: `<activityId>.<i|o>.<window>.<mac>`,
// window = the minute since the epoch, mac = HMAC of the rest under a key derived from SECRET_KEY. A code is
// accepted in its own minute and the next (up to 120 s), so a photo of the screen sent home soon stops working,
// while nothing has to be stored. Nothing here touches the database.
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../platform/errors';

export type CheckinMode = 'in' | 'out';

export const WINDOW_MS = 60_000;
const MAC_LENGTH = 16;
const CODE_PATTERN = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([io])\.(\d{1,15})\.([A-Za-z0-9_-]{16})$/;

// Keys are derived once per secret: HKDF is cheap, but codes are checked on every scan.
const keys = new Map<string, Buffer>();
function keyFor(secret: string): Buffer {
  let key = keys.get(secret);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', secret, 'wenming', 'checkin-code-v1', 32));
    keys.set(secret, key);
  }
  return key;
}

function macOf(secret: string, activityId: string, m: 'i' | 'o', window: number): string {
  return createHmac('sha256', keyFor(secret)).update(`${activityId}.${m}.${window}`).digest('base64url').slice(0, MAC_LENGTH);
}

export function windowOf(at: Date): number {
  return Math.floor(at.getTime() / WINDOW_MS);
}

/** The code for `at`, with the instant it stops being accepted and the instant the screen should show the next one. */
export function checkinCodeAt(secret: string, activityId: string, mode: CheckinMode, at: Date): { code: string; expiresAt: Date; refreshAt: Date } {
  const window = windowOf(at);
  const m = mode === 'in' ? 'i' : 'o';
  return {
    code: `${activityId}.${m}.${window}.${macOf(secret, activityId, m, window)}`,
    expiresAt: new Date((window + 2) * WINDOW_MS),
    refreshAt: new Date((window + 1) * WINDOW_MS),
  };
}

export type ParsedCode = { activityId: string; mode: CheckinMode; window: number };

/** Checks form and signature only (checkin_code_invalid); freshness is checkFresh's, so callers can order the checks. */
export function parseCheckinCode(secret: string, code: string): ParsedCode {
  const m = CODE_PATTERN.exec(code);
  if (!m) throw new AppError('checkin_code_invalid');
  const [, activityId, mode, windowText, mac] = m;
  const window = Number(windowText);
  const expected = Buffer.from(macOf(secret, activityId, mode as 'i' | 'o', window));
  if (!timingSafeEqual(expected, Buffer.from(mac))) throw new AppError('checkin_code_invalid');
  return { activityId, mode: mode === 'i' ? 'in' : 'out', window };
}

/** A code of an earlier minute than the previous one is stale (a photo, a forwarded link); one from the future was never shown. */
export function checkFresh(parsed: ParsedCode, now: Date): void {
  const current = windowOf(now);
  if (parsed.window > current) throw new AppError('checkin_code_invalid');
  if (parsed.window < current - 1) throw new AppError('checkin_code_expired');
}

export function checkinUrl(publicBaseUrl: string, code: string): string {
  return `${publicBaseUrl}/m/check-in?c=${encodeURIComponent(code)}`;
}
