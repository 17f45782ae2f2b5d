// Mainland resident ID numbers (GB 11643): 17 digits + a check character (ISO 7064 MOD 11-2). Shared by the
// server (the rule that counts) and the web (instant feedback). The area code is not checked against a list:
// codes change and old ones stay valid.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export type IdCardInfo = { birthDate: string; gender: 'male' | 'female' };

export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
}

/** Upper-cases a trailing x and drops spaces, as people type it. */
export function normalizeIdNumber(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

/**
 * What is wrong with an ID number, in words the person can act on (zh), or null when it is valid.
 * `today` bounds the birth date (no one is born in the future).
 */
export function idNumberProblem(raw: string, today: Date = new Date()): string | null {
  const id = normalizeIdNumber(raw);
  if (id.length !== 18) return `身份证号应为 18 位，当前为 ${id.length} 位`;
  if (!/^\d{17}[\dX]$/.test(id)) return '身份证号前 17 位应为数字，最后一位为数字或 X';
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return `身份证号中的出生日期 ${id.slice(6, 14)} 不是真实日期`;
  }
  if (date.getTime() > today.getTime()) return `身份证号中的出生日期 ${id.slice(6, 14)} 晚于今天`;
  const expected = checkCharacter(id.slice(0, 17));
  if (id[17] !== expected) return '身份证号校验位不正确，请核对是否输错';
  return null;
}

/** Birth date (YYYY-MM-DD) and gender (17th digit: odd = male) of a valid ID number. */
export function idCardInfo(raw: string): IdCardInfo {
  const id = normalizeIdNumber(raw);
  return {
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    gender: Number(id[16]) % 2 === 1 ? 'male' : 'female',
  };
}

/** First 3 and last 4 characters; the rest hidden. */
export function maskIdNumber(raw: string): string {
  const id = normalizeIdNumber(raw);
  if (id.length < 8) return '*'.repeat(id.length);
  return id.slice(0, 3) + '*'.repeat(id.length - 7) + id.slice(-4);
}

/** Whole years of age on `on` (a birthday counts from that day). */
export function ageOn(birthDate: string, on: Date): number {
  const [y, m, d] = birthDate.split('-').map(Number);
  // Ages follow the calendar in China, whatever the server's zone.
  const local = new Date(on.getTime() + 8 * 3600_000);
  let age = local.getUTCFullYear() - y;
  const beforeBirthday = local.getUTCMonth() + 1 < m || (local.getUTCMonth() + 1 === m && local.getUTCDate() < d);
  if (beforeBirthday) age--;
  return age;
}

export const MINOR_AGE = 18;
export const GUARDIAN_CONSENT_AGE = 14;
