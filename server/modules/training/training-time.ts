// Calendar arithmetic for the school in the district's time zone (Asia/Shanghai, UTC+8 all year, no DST), so a
// qualification granted on 31 January for one month ends on the last day of February there, not in March.
const SHANGHAI_OFFSET_MS = 8 * 3600_000;
export const DAY_MS = 24 * 3600_000;

/** `months` calendar months after `from` as seen on a Shanghai wall clock; the day is clamped to the month's end. */
export function addMonthsShanghai(from: Date, months: number): Date {
  const local = new Date(from.getTime() + SHANGHAI_OFFSET_MS);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const shifted = Date.UTC(y, m, Math.min(local.getUTCDate(), lastDay), local.getUTCHours(), local.getUTCMinutes(), local.getUTCSeconds(), local.getUTCMilliseconds());
  return new Date(shifted - SHANGHAI_OFFSET_MS);
}

const shortFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** "3月5日 14:00" in Shanghai time, for text messages. */
export function shortShanghai(d: Date): string {
  const parts = Object.fromEntries(shortFormat.formatToParts(d).map((p) => [p.type, p.value]));
  return `${parts.month}月${parts.day}日 ${parts.hour}:${parts.minute}`;
}
