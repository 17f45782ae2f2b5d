// The API shapes of the sign-ups module: the public activity page, a volunteer's sign-up, citizens' bookings, the
// runner's sign-up list and the in-app notifications.
import { z } from 'zod';
import { textField } from '../../../common/network';
import { MOBILE_PATTERN } from '../../../common/mobile';
import { pageQuery } from '../../platform/pagination';

export const idParams = z.strictObject({ id: z.uuid() });
export const signupParams = z.strictObject({ id: z.uuid(), signupId: z.uuid() });
// Manage tokens are 43 base64url characters; anything else cannot be one.
export const tokenParams = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/, '无效的链接') });
export const fileResponse = z.any().describe('a file download');
export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

const signupStatus = z.enum(['confirmed', 'waitlisted', 'cancelled']);
const kind = z.enum(['volunteer', 'citizen']);
const shownStatus = z.enum(['published', 'in_progress', 'finished', 'cancelled']);
const places = z.object({ confirmed: z.number(), waitlisted: z.number() });

export const publicActivityDetail = z.object({
  id: z.string(),
  title: z.string(),
  topic: z.string(),
  brands: z.array(z.string()),
  unitName: z.string(),
  teamName: z.string().nullable(),
  siteName: z.string().nullable(),
  address: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  description: z.string(),
  hasPoster: z.boolean(),
  status: shownStatus,
  requiredSkills: z.array(z.string()),
  requiredQualifications: z.array(z.string()),
  cancelCutoffMinutes: z.number(),
  volunteers: places.extend({ slots: z.number() }),
  citizens: places.extend({ places: z.number() }),
});

export const mySignup = z.object({
  id: z.string(),
  status: signupStatus,
  position: z.number().nullable().describe('1-based place on the waiting list; null unless waitlisted'),
  cancelUntil: z.string(),
  createdAt: z.string(),
});

export const mySignupResponse = z.object({
  signup: mySignup.nullable(),
  eligibility: z.object({ ok: z.boolean(), missingSkills: z.array(z.string()), missingQualifications: z.array(z.string()) }),
  attendance: z.object({ open: z.boolean(), pairsToday: z.number() }),
});

export const activityLite = z.object({
  id: z.string(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  siteName: z.string().nullable(),
  address: z.string(),
  unitName: z.string(),
  status: shownStatus,
});

export const mySignupsQuery = z.strictObject({ when: z.enum(['upcoming', 'past']).default('upcoming'), ...pageQuery });

export const bookingBody = z.strictObject({
  name: textField(20, { required: true }),
  phone: z.string().trim().regex(MOBILE_PATTERN, '请输入 11 位手机号'),
});
export const bookingCreated = z.object({
  booking: z.object({ status: signupStatus, position: z.number().nullable(), cancelUntil: z.string(), manageToken: z.string() }),
});
export const bookingView = z.object({ status: signupStatus, position: z.number().nullable(), cancelUntil: z.string(), name: z.string(), phoneMasked: z.string() });

export const runnerRow = z.object({
  id: z.string(),
  kind,
  status: signupStatus,
  position: z.number().nullable(),
  volunteerId: z.string().nullable(),
  volunteerNumber: z.string().nullable(),
  name: z.string(),
  phone: z.string().describe('in full for staff of the organizing unit, masked for team leaders'),
  createdAt: z.string(),
  cancelledAt: z.string().nullable(),
  checkedIn: z.boolean(),
  minutes: z.number().describe('approved and pending service minutes for this activity'),
});
export const runnerListQuery = z.strictObject({ kind: kind.optional(), status: signupStatus.optional(), ...pageQuery });
export const runnerAddBody = z.strictObject({ volunteerId: z.uuid() });
export const runnerCancelBody = z.strictObject({ reason: textField(200, { required: true }) });

export const notificationItem = z.object({
  id: z.string(),
  purpose: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export const notificationsQuery = z.strictObject({ ...pageQuery });
export const notificationsReadBody = z.strictObject({ ids: z.array(z.uuid()).min(1).max(200).optional() }).nullish();
