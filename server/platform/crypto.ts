// Small cryptographic helpers: random tokens, hashes for stored secrets.
import { createHash, randomBytes } from 'node:crypto';

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
