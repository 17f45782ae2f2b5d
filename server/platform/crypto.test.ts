import { describe, expect, it } from 'vitest';
import { fieldCipher } from './crypto';

describe('field cipher', () => {
  const a = fieldCipher('a'.repeat(40));
  const id = '11010519491231002X';

  it('round-trips, never stores the plain text, and differs every time', () => {
    const one = a.encrypt(id);
    expect(a.decrypt(one)).toBe(id);
    expect(one).not.toContain(id);
    expect(Buffer.from(one.slice(3), 'base64').toString('latin1')).not.toContain(id);
    expect(a.encrypt(id)).not.toBe(one);
  });

  it('refuses a tampered ciphertext and another key', () => {
    const stored = a.encrypt(id);
    const raw = Buffer.from(stored.slice(3), 'base64');
    raw[raw.length - 1] ^= 1;
    expect(() => a.decrypt(`v1:${raw.toString('base64')}`)).toThrow();
    expect(() => fieldCipher('b'.repeat(40)).decrypt(stored)).toThrow();
  });

  it('hashes the same value the same way under one key only', () => {
    expect(a.hash(id)).toBe(a.hash(id));
    expect(a.hash(id)).not.toBe(fieldCipher('b'.repeat(40)).hash(id));
    expect(a.hash(id)).not.toContain(id);
  });
});
