import { describe, expect, it } from 'vitest';
import { addMonthsShanghai, shortShanghai } from './training-time';

describe('addMonthsShanghai', () => {
  it('adds calendar months on the Shanghai wall clock', () => {
    // 2026-03-05 16:00 Shanghai + 24 months = 2028-03-05 16:00 Shanghai.
    expect(addMonthsShanghai(new Date('2026-03-05T08:00:00Z'), 24).toISOString()).toBe('2028-03-05T08:00:00.000Z');
    // 2026-01-01 01:00 in Shanghai is still 31 December in UTC: the month counts from the Shanghai date.
    expect(addMonthsShanghai(new Date('2025-12-31T17:00:00Z'), 1).toISOString()).toBe('2026-01-31T17:00:00.000Z');
  });

  it('clamps to the end of a shorter month', () => {
    expect(addMonthsShanghai(new Date('2026-01-31T02:00:00Z'), 1).toISOString()).toBe('2026-02-28T02:00:00.000Z');
    expect(addMonthsShanghai(new Date('2024-02-29T02:00:00Z'), 24).toISOString()).toBe('2026-02-28T02:00:00.000Z');
    expect(addMonthsShanghai(new Date('2024-02-29T02:00:00Z'), 48).toISOString()).toBe('2028-02-29T02:00:00.000Z');
  });
});

describe('shortShanghai', () => {
  it('shows month, day and time in Shanghai', () => {
    expect(shortShanghai(new Date('2026-03-05T06:30:00Z'))).toBe('3月5日 14:30');
    expect(shortShanghai(new Date('2026-03-05T16:05:00Z'))).toBe('3月6日 00:05');
  });
});
