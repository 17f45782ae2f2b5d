// Small cryptographic helpers: random tokens, hashes for stored secrets.
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Base58 (no 0/O/I/l) so a code read aloud or typed from a poster is not misread. 12 chars ≈ 70 bits. */
export function shortToken(length = 12): string {
  const out: string[] = [];
  while (out.length < length) {
    for (const b of randomBytes(length * 2)) {
      // Reject bytes ≥ 232 (= 4×58) so every character is equally likely.
      if (b < 232 && out.length < length) out.push(BASE58[b % 58]);
    }
  }
  return out.join('');
}

export function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

/**
 * Encryption and keyed hashing of personal fields (ID numbers). Keys are derived from SECRET_KEY, which lives
 * outside the database: a leaked dump yields neither plain IDs nor a way to test guesses against the hashes.
 */
export type FieldCipher = {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
  /** HMAC-SHA256: equal inputs give equal hashes, for uniqueness and look-up. */
  hash(value: string): string;
};

export function fieldCipher(secret: string): FieldCipher {
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', secret, 'wenming', info, 32));
  const encKey = derive('field-encryption-v1');
  const macKey = derive('field-hash-v1');
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return `v1:${Buffer.concat([iv, c.getAuthTag(), body]).toString('base64')}`;
    },
    decrypt(stored) {
      if (!stored.startsWith('v1:')) throw new Error('unknown cipher version');
      const raw = Buffer.from(stored.slice(3), 'base64');
      const d = createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, 12));
      d.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8');
    },
    hash(value) {
      return createHmac('sha256', macKey).update(value).digest('hex');
    },
  };
}
