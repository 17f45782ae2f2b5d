import { describe, expect, it } from 'vitest';
import { areaNameOf, contactPhoneSchema, levelOfCode, parentCodeOf, siteKindFrom, siteStatusFrom, unitCodeProblem } from './network';

describe('unit code rule', () => {
  const center = { code: '330303', level: 'center' as const };
  const institute = { code: '330303001', level: 'institute' as const };

  it('accepts a code that is the parent code plus three digits', () => {
    expect(unitCodeProblem('330303016', center)).toBeNull();
    expect(unitCodeProblem('330303001123', institute)).toBeNull();
  });

  it('refuses codes that do not extend the parent, have the wrong length or are all zeros at the end', () => {
    expect(unitCodeProblem('330304001', center)).toMatch(/330303/);
    expect(unitCodeProblem('3303030011', center)).toMatch(/3 位/);
    expect(unitCodeProblem('33030300', center)).toMatch(/3 位/);
    expect(unitCodeProblem('330303000', center)).toMatch(/0/);
    expect(unitCodeProblem('33030300a', center)).toMatch(/数字/);
  });

  it('refuses children under a station and roots that are not 6 digits', () => {
    expect(unitCodeProblem('330303001001001', { code: '330303001001', level: 'station' })).toMatch(/实践站/);
    expect(unitCodeProblem('3303031', null)).not.toBeNull();
    expect(unitCodeProblem('330399', null)).toBeNull();
  });

  it('works for any district root, not only Longwan', () => {
    expect(unitCodeProblem('110105007', { code: '110105', level: 'center' })).toBeNull();
    expect(levelOfCode('110105007003')).toBe('station');
    expect(parentCodeOf('110105007003')).toBe('110105007');
    expect(parentCodeOf('110105')).toBeNull();
    expect(levelOfCode('1101050')).toBeNull();
  });
});

describe('labels and formats', () => {
  it('maps kind and status labels back to keys', () => {
    expect(siteKindFrom('文化礼堂')).toBe('cultural_auditorium');
    expect(siteKindFrom('library')).toBe('library');
    expect(siteKindFrom('City study room')).toBe('city_study_room');
    expect(siteKindFrom('游泳池')).toBeNull();
    expect(siteStatusFrom('暂停开放')).toBe('suspended');
    expect(siteStatusFrom('maybe')).toBeNull();
  });

  it('takes the street out of an institute name', () => {
    expect(areaNameOf('永中街道新时代文明实践所')).toBe('永中街道');
    expect(areaNameOf('状元街道实践所')).toBe('状元街道');
  });

  it('accepts mobiles, landlines with area code and empty; refuses the rest', () => {
    for (const ok of ['', '13957700001', '0577-86666666', '057786666666']) expect(contactPhoneSchema.safeParse(ok).success, ok).toBe(true);
    for (const bad of ['12345678901', '1395770000', '86666666', 'tel:13957700001']) expect(contactPhoneSchema.safeParse(bad).success, bad).toBe(false);
  });
});
