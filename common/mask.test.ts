import { describe, expect, it } from 'vitest';
import { maskPhone } from './mask';

describe('maskPhone', () => {
  it('keeps the first 3 and last 4 digits of a mainland mobile', () => {
    expect(maskPhone('13800000001')).toBe('138****0001');
    expect(maskPhone('19912345678')).toBe('199****5678');
  });

  it('shows only the last 4 characters of anything else, hiding its length', () => {
    expect(maskPhone('0577-86661234')).toBe('****1234');
    expect(maskPhone('057786661234')).toBe('****1234');
    expect(maskPhone('23800000001')).toBe('****0001');
    expect(maskPhone('1380000')).toBe('****0000');
  });

  it('hides short values entirely and leaves an empty phone empty', () => {
    expect(maskPhone('1234')).toBe('****');
    expect(maskPhone('5')).toBe('****');
    expect(maskPhone('')).toBe('');
  });
});
