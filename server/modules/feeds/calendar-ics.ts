// Activities as an iCalendar feed (RFC 5545) with ical-generator. Times are written as Asia/Shanghai wall-clock
// time with a VTIMEZONE (China has kept UTC+8 without daylight saving since 1991, so one STANDARD block is exact)
// and stay right whatever time zone the server process runs in; DTSTAMP stays UTC as the RFC asks.
import ical, { ICalEventStatus } from 'ical-generator';
import { topicLabel } from '../../../common/activity-topics';
import type { ActivityJoined } from '../activities/activities.repo';

export const TIME_ZONE = 'Asia/Shanghai';
const OFFSET_MS = 8 * 3_600_000;
const MAX_DESCRIPTION = 1_000;

const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${TIME_ZONE}`,
  `X-LIC-LOCATION:${TIME_ZONE}`,
  'BEGIN:STANDARD',
  'DTSTART:19700101T000000',
  'TZOFFSETFROM:+0800',
  'TZOFFSETTO:+0800',
  'TZNAME:CST',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

/**
 * A Date that reports Shanghai wall-clock fields through the local getters, shaped like @date-fns/tz's TZDate,
 * which ical-generator formats with those getters when an event has a time zone. A plain Date would use the
 * process's own zone instead.
 */
class ShanghaiDate extends Date {
  readonly internal: Date;
  readonly timeZone = TIME_ZONE;
  constructor(at: Date) {
    super(at.getTime());
    this.internal = new Date(at.getTime() + OFFSET_MS);
  }
  withTimeZone(): ShanghaiDate {
    return this;
  }
  tzComponents(): [] {
    return [];
  }
  override getFullYear(): number {
    return this.internal.getUTCFullYear();
  }
  override getMonth(): number {
    return this.internal.getUTCMonth();
  }
  override getDate(): number {
    return this.internal.getUTCDate();
  }
  override getHours(): number {
    return this.internal.getUTCHours();
  }
  override getMinutes(): number {
    return this.internal.getUTCMinutes();
  }
  override getSeconds(): number {
    return this.internal.getUTCSeconds();
  }
}

export type FeedInput = { name: string; description?: string; publicBaseUrl: string; activities: ActivityJoined[]; now: Date };

export function activitiesCalendar(o: FeedInput): string {
  const host = new URL(o.publicBaseUrl).host || 'wenming';
  const cal = ical({ name: o.name, prodId: { company: 'Wenming', product: 'activities', language: 'ZH' } });
  if (o.description) cal.description(o.description);
  // name null: the calendar's own dates (DTSTAMP) stay UTC; the generator still writes the events' VTIMEZONE.
  cal.timezone({ name: null, generator: (tz) => (tz === TIME_ZONE ? VTIMEZONE : null) });
  cal.ttl(3600);
  for (const a of o.activities) {
    const url = `${o.publicBaseUrl}/m/activities/${a.id}`;
    const where = a.siteName ? [a.siteName, a.siteAddress || a.address].filter(Boolean).join('，') : a.address;
    const lines = [[a.unitName, a.teamName].filter(Boolean).join(' · '), a.description.slice(0, MAX_DESCRIPTION), url].filter(Boolean);
    cal.createEvent({
      id: `${a.id}@${host}`,
      start: new ShanghaiDate(a.startsAt),
      end: new ShanghaiDate(a.endsAt),
      timezone: TIME_ZONE,
      stamp: o.now,
      lastModified: a.updatedAt,
      summary: a.title,
      description: lines.join('\n\n'),
      location: where || null,
      url,
      categories: [{ name: topicLabel(a.topic) }],
      status: a.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return cal.toString();
}
