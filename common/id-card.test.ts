import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ageOn, checkCharacter, idCardInfo, idNumberProblem, maskIdNumber } from './id-card';

describe('resident ID numbers', () => {
  it("accepts the standard's own example, lower-case x included", () => {
    expect(idNumberProblem('11010519491231002X')).toBeNull();
    expect(idNumberProblem('11010519491231002x')).toBeNull();
  });

  it('says what is wrong', () => {
    expect(idNumberProblem('1101051949123100')).toMatch('18 位');
    expect(idNumberProblem('11010519491231002A')).toMatch('数字或 X');
    expect(idNumberProblem('110105194902300021')).toMatch('不是真实日期');
    expect(idNumberProblem('110105194912310021')).toMatch('校验位');
    expect(idNumberProblem('110105209912310021', new Date('2026-01-01'))).toMatch('晚于今天');
  });

  it('does not insist on a known area code', () => {
    const first17 = '99999919900101123';
    expect(idNumberProblem(first17 + checkCharacter(first17))).toBeNull();
  });

  it('any single changed digit is caught by the check character', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (pos, delta) => {
        const id = '11010519491231002X';
        const changed = id.slice(0, pos) + ((Number(id[pos]) + delta) % 10) + id.slice(pos + 1);
        // A changed date digit may also make the date unreal; either way it is refused.
        expect(idNumberProblem(changed)).not.toBeNull();
      }),
    );
  });

  it('reads birth date and gender, masks, and counts age', () => {
    expect(idCardInfo('11010519491231002X')).toEqual({ birthDate: '1949-12-31', gender: 'female' });
    expect(maskIdNumber('11010519491231002X')).toBe('110***********002X');
    expect(ageOn('2012-06-15', new Date('2026-06-14T12:00:00Z'))).toBe(13);
    expect(ageOn('2012-06-15', new Date('2026-06-15T00:00:00Z'))).toBe(14);
  });
});
