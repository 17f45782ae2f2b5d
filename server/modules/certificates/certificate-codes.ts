// The certificate's number, its signature and the verification code printed as a QR, plus the masking of the
// name shown on the public verification page. Pure functions: the key comes from config.secretKey.
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

const SIGNATURE_LENGTH = 22;
const NUMBER_PATTERN = /^LW\d{4}\d{6,}$/;
const SIGNATURE_PATTERN = /^[A-Za-z0-9_-]{22}$/;

/** LW + the issuing year (local) + the sequence value, at least 6 digits. */
export function certificateNumber(year: number, seq: number): string {
  return `LW${year}${String(seq).padStart(6, '0')}`;
}

/** The facts a signature vouches for: change any of them and the printed code stops verifying. */
export type SignedFacts = { number: string; volunteerNumber: string; totalMinutes: number; periodFrom: string; periodTo: string; issuedAt: Date };

export type CertificateSigner = { sign(f: SignedFacts): string; verify(f: SignedFacts, signature: string): boolean };

export function certificateSigner(secretKey: string): CertificateSigner {
  // A key of its own (HKDF context 'certificate-v1'), so it is useless for anything else derived from SECRET_KEY.
  const key = Buffer.from(hkdfSync('sha256', secretKey, 'wenming', 'certificate-v1', 32));
  const sign = (f: SignedFacts) =>
    createHmac('sha256', key)
      .update(`${f.number}|${f.volunteerNumber}|${f.totalMinutes}|${f.periodFrom}|${f.periodTo}|${f.issuedAt.toISOString()}`)
      .digest('base64url')
      .slice(0, SIGNATURE_LENGTH);
  return {
    sign,
    verify(f, signature) {
      const expected = Buffer.from(sign(f));
      const given = Buffer.from(signature);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}

export function verificationCode(number: string, signature: string): string {
  return `${number}.${signature}`;
}

export function verifyUrl(publicBaseUrl: string, number: string, signature: string): string {
  return `${publicBaseUrl}/m/verify/${verificationCode(number, signature)}`;
}

/** `LW2026000001.<signature>` → its parts, or null for anything else. */
export function parseVerificationCode(code: string): { number: string; signature: string } | null {
  const dot = code.indexOf('.');
  if (dot < 0) return null;
  const number = code.slice(0, dot);
  const signature = code.slice(dot + 1);
  return NUMBER_PATTERN.test(number) && SIGNATURE_PATTERN.test(signature) ? { number, signature } : null;
}

/** 张三明 → 张*明, 李四 → 李*, 欧阳娜娜 → 欧**娜: enough to recognise, not enough to identify. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  if (chars.length === 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return chars[0] + '*'.repeat(chars.length - 2) + chars[chars.length - 1];
}
