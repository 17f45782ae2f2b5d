// Small shared pieces of the hours, stars and certificate pages: query keys, status colours, how durations read,
// the local-time conversions of the date-time pickers, and who may act (the server decides; this only hides
// buttons that would be refused).
import dayjs, { type Dayjs } from 'dayjs';
import type { FormInstance } from 'antd';
import { ApiError } from '../../api/client';
import type { CertificateStatus, HourStatus } from '../../api/records';
import { hoursOf } from '../../api/records';
import type { Me } from '../../api/types';
import { applyApiErrors, formFieldOf } from '../ui/form-errors';
import { ZONE } from '../ui/format';
import { mayDo } from '../volunteers/volunteer-ui';

export const HOURS_KEY = ['hours'] as const;
export const STARS_KEY = ['stars'] as const;
export const CERTIFICATES_KEY = ['certificates'] as const;

export const hourStatusColor: Record<HourStatus, string> = { pending: 'gold', approved: 'green', rejected: 'red', superseded: 'default' };
export const certificateStatusColor: Record<CertificateStatus, string> = { requested: 'processing', issued: 'success', rejected: 'error', revoked: 'default' };

type T = (key: string, opts?: Record<string, unknown>) => string;

/** "2.5 小时（150 分钟）": hours with one decimal, and the exact minutes. */
export function durationText(t: T, minutes: number): string {
  return t('records.duration', { hours: hoursOf(minutes), minutes });
}

/** A date-time picker works in the browser's zone: show the district's wall-clock time in it… */
export function pickerValue(iso: string): Dayjs {
  return dayjs(dayjs(iso).tz(ZONE).format('YYYY-MM-DDTHH:mm'));
}

/** …and read the picked wall-clock time back as a district-local instant. */
export function instantOf(value: Dayjs): string {
  return dayjs.tz(value.format('YYYY-MM-DDTHH:mm'), ZONE).toISOString();
}

/** Staff with hours.manage anywhere, or a team leader (the server checks each record's unit or team). */
export function mayManageHours(me: Me): boolean {
  return mayDo(me, 'hours.manage') || (me.teamsLed?.length ?? 0) > 0;
}

/** The message of a refusal code (for bulk results, which carry codes only), or the code itself. */
export function refusalText(t: T, code: string): string {
  const text = t(`records.refusals.${code}`);
  return text === `records.refusals.${code}` ? code : text;
}

/**
 * Puts the API's field errors on the form; errors about startedAt / endedAt go on the one range field that holds
 * both. Returns what no field could take, for an alert.
 */
export function applyTimeErrors(form: FormInstance, err: unknown, known: readonly string[], rangeField = 'range'): string | null {
  const rest = applyApiErrors(form, err, [...known, 'startedAt', 'endedAt']);
  if (err instanceof ApiError) {
    const time = err.fields.filter((f) => formFieldOf(f.field, ['startedAt', 'endedAt'])).map((f) => f.message);
    if (time.length) form.setFields([{ name: rangeField, errors: time }]);
  }
  return rest;
}
