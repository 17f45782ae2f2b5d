// The certificate's number, signature, verification code and the masked name of the public page.
import { describe, expect, it } from 'vitest';
import { certificateNumber, certificateSigner, maskName, parseVerificationCode, verificationCode } from './certificate-codes';

const facts = { number: 'LW2026000001', volunteerNumber: 'V000000123', totalMinutes: 210, periodFrom: '2026-01-01', periodTo: '2026-03-31', issuedAt: new Date('2026-04-01T02:00:00.123Z') };

describe('certificate codes', () => {
  it('numbers are LW, the year and at least six digits', () => {
    expect(certificateNumber(2026, 1)).toBe('LW2026000001');
    expect(certificateNumber(2027, 1234567)).toBe('LW20271234567');
  });

  it('a signature is 22 base64url characters that only the same key and the same facts reproduce', () => {
    const signer = certificateSigner('a-secret-key-of-at-least-32-characters!!');
    const sig = signer.sign(facts);
    expect(sig).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(signer.verify(facts, sig)).toBe(true);
    for (const changed of [{ totalMinutes: 211 }, { volunteerNumber: 'V000000124' }, { periodTo: '2026-04-01' }, { issuedAt: new Date('2026-04-01T02:00:00.124Z') }, { number: 'LW2026000002' }]) {
      expect(signer.verify({ ...facts, ...changed }, sig), JSON.stringify(changed)).toBe(false);
    }
    expect(certificateSigner('another-secret-key-of-32-characters-or-more').verify(facts, sig)).toBe(false);
    expect(signer.verify(facts, sig.slice(0, 21))).toBe(false);
  });

  it('parses only well-formed verification codes', () => {
    const code = verificationCode('LW2026000001', 'abcdefghijABCDEFGHIJ_-');
    expect(parseVerificationCode(code)).toEqual({ number: 'LW2026000001', signature: 'abcdefghijABCDEFGHIJ_-' });
    for (const bad of ['', 'LW2026000001', 'LW2026000001.', 'LW20260001.abcdefghijABCDEFGHIJ_-', 'XX2026000001.abcdefghijABCDEFGHIJ_-', 'LW2026000001.abc', 'LW2026000001.abcdefghijABCDEFGHIJ_-x', "LW2026000001.' or 1=1 --aaaaaaaaa"]) {
      expect(parseVerificationCode(bad), bad).toBeNull();
    }
  });

  it('masks names to the first and last character', () => {
    expect(maskName('张三明')).toBe('张*明');
    expect(maskName('李四')).toBe('李*');
    expect(maskName('欧阳娜娜')).toBe('欧**娜');
    expect(maskName('王')).toBe('*');
    expect(maskName('𠀀𠀁𠀂')).toBe('𠀀*𠀂');
  });
});
