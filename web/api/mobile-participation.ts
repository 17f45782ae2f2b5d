// Sign-ups, citizen bookings, check-in and notifications as the phone pages use them (contract: issue 4 sections A
// and B, server/modules/signups and server/modules/attendance; /api/openapi.json is the truth).
import { api } from './client';

export type ActivityStatus = 'published' | 'in_progress' | 'finished' | 'cancelled';

/** GET /api/public/activities/:id — no personal data. */
export type ParticipationActivity = {
  id: string;
  title: string;
  topic: string;
  brands: string[];
  unitName: string;
  teamName: string | null;
  siteName: string | null;
  address: string;
  startsAt: string;
  endsAt: string;
  description: string;
  hasPoster: boolean;
  status: ActivityStatus | string;
  requiredSkills: string[];
  requiredQualifications: string[];
  cancelCutoffMinutes: number;
  volunteers: { slots: number; confirmed: number; waitlisted: number };
  citizens: { places: number; confirmed: number; waitlisted: number };
};

export type SignupStatus = 'confirmed' | 'waitlisted' | 'cancelled';

export type MySignup = { id: string; status: SignupStatus | string; position: number | null; cancelUntil: string; createdAt: string };

export type Eligibility = { ok: boolean; missingSkills: string[]; missingQualifications: string[] };

export type MySignupState = { signup: MySignup | null; eligibility: Eligibility; attendance: { open: boolean; pairsToday: number } };

export type ActivityLite = Pick<ParticipationActivity, 'id' | 'title' | 'startsAt' | 'endsAt' | 'siteName' | 'address' | 'unitName' | 'status'>;

export type Booking = { status: SignupStatus | string; position: number | null; cancelUntil: string };
export type NewBooking = Booking & { manageToken: string };
export type BookingView = Booking & { name: string; phoneMasked: string };

export type Attendance = {
  id: string;
  activityId: string;
  volunteerId: string;
  checkedInAt: string;
  checkedOutAt: string | null;
  inMethod: string;
  outMethod: string | null;
  autoClosed: boolean;
};

export type CheckInResult = {
  action: 'in' | 'out';
  attendance: Attendance;
  activity: { id: string; title: string; startsAt: string; endsAt: string };
  record: { id: string; minutes: number; status: string; flags: string[] } | null;
};

export type Notification = { id: string; purpose: string; title: string; body: string; link: string | null; createdAt: string; readAt: string | null };

export type Paged<T> = { items: T[]; nextCursor: string | null };

export const PAGE_SIZE = 20;
const enc = encodeURIComponent;

export const posterUrl = (id: string) => `/api/public/activities/${enc(id)}/poster`;

export const fetchActivity = (id: string, signal?: AbortSignal) => api<ParticipationActivity>(`/api/public/activities/${enc(id)}`, { signal });

export const fetchMySignup = (id: string, signal?: AbortSignal) => api<MySignupState>(`/api/volunteer/activities/${enc(id)}/signup`, { signal });

export const signUp = (id: string) => api<{ signup: MySignup }>(`/api/volunteer/activities/${enc(id)}/signup`, { method: 'POST', body: {} });

export const cancelSignup = (id: string) => api<{ signup: MySignup }>(`/api/volunteer/activities/${enc(id)}/signup`, { method: 'DELETE' });

export const listMySignups = (when: 'upcoming' | 'past', cursor: string | null, signal?: AbortSignal) =>
  api<Paged<{ signup: MySignup; activity: ActivityLite }>>('/api/volunteer/signups', { query: { when, cursor, limit: PAGE_SIZE }, signal });

export const fetchMyAttendance = (activityId: string, signal?: AbortSignal) => api<{ pairs: Attendance[] }>('/api/volunteer/attendance', { query: { activityId }, signal });

export const bookActivity = (id: string, input: { name: string; phone: string }) =>
  api<{ booking: NewBooking }>(`/api/public/activities/${enc(id)}/bookings`, { body: input });

export const fetchBooking = (token: string, signal?: AbortSignal) =>
  api<{ booking: BookingView; activity: ParticipationActivity }>(`/api/public/bookings/${enc(token)}`, { signal });

export const cancelBooking = (token: string) => api<{ booking: BookingView }>(`/api/public/bookings/${enc(token)}`, { method: 'DELETE' });

export const listNotifications = (cursor: string | null, signal?: AbortSignal) =>
  api<Paged<Notification> & { unread: number }>('/api/volunteer/notifications', { query: { cursor, limit: PAGE_SIZE }, signal });

/** No ids: everything is marked read. */
export const markNotificationsRead = (ids?: string[]) => api<{ unread: number }>('/api/volunteer/notifications/read', { body: ids ? { ids } : {} });

/**
 * A key for one check-in attempt and its retries. crypto.randomUUID exists only on HTTPS (or localhost), and a trial
 * deployment may be plain HTTP on the local network, so fall back to getRandomValues, which works everywhere.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** POST /api/volunteer/attendance; the Idempotency-Key makes a retry of the same attempt answer as the first. */
export const checkIn = (input: { code: string; lat?: number; lng?: number }, key: string) =>
  api<CheckInResult>('/api/volunteer/attendance', { body: input, headers: { 'Idempotency-Key': key } });

/** What a check-in code says about itself (`<activityId>.<i|o>.<window>.<mac>`), to word the page before the answer. */
export function parseCheckinCode(code: string | null): { activityId: string; mode: 'in' | 'out' } | null {
  const m = /^([0-9a-f-]{36})\.([io])\.\d+\.[A-Za-z0-9_-]+$/i.exec(code ?? '');
  return m ? { activityId: m[1], mode: m[2] === 'i' ? 'in' : 'out' } : null;
}
