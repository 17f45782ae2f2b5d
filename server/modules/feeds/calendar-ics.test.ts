// The feed's times are Shanghai wall-clock time whatever zone the server process runs in.
import { afterEach, describe, expect, it } from 'vitest';
import type { ActivityJoined } from '../activities/activities.repo';
import { activitiesCalendar } from './calendar-ics';

const saved = process.env.TZ;
afterEach(() => {
  process.env.TZ = saved;
});

function activity(startsAt: string, endsAt: string): ActivityJoined {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    title: '书法课, 第一讲；基础',
    topic: 'culture_life',
    description: '',
    address: '永中街道',
    startsAt: new Date(startsAt),
    endsAt: new Date(endsAt),
    updatedAt: new Date('2026-01-01T00:00:00Z'),
    status: 'published',
    unitName: '永中街道新时代文明实践所',
    teamName: null,
    siteName: null,
    siteAddress: null,
  } as unknown as ActivityJoined;
}

describe('activitiesCalendar', () => {
  for (const tz of ['America/New_York', 'UTC', 'Asia/Tokyo']) {
    it(`writes Shanghai local times with TZID under TZ=${tz}`, () => {
      process.env.TZ = tz;
      // 2026-03-08 is a DST change day in New York; Shanghai time must not notice.
      const ics = activitiesCalendar({ name: '测试', publicBaseUrl: 'https://wm.example.cn', now: new Date('2026-03-01T00:00:00Z'), activities: [activity('2026-03-08T01:30:00Z', '2026-03-08T17:00:00Z')] });
      expect(ics).toContain('DTSTART;TZID=Asia/Shanghai:20260308T093000');
      expect(ics).toContain('DTEND;TZID=Asia/Shanghai:20260309T010000');
      expect(ics).toContain('DTSTAMP:20260301T000000Z');
      expect(ics).toContain('UID:11111111-1111-4111-8111-111111111111@wm.example.cn');
      expect(ics).toContain('SUMMARY:书法课\\, 第一讲；基础');
      expect(ics).toContain('TZOFFSETTO:+0800');
    });
  }
});
