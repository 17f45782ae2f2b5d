// Running an activity on the day, from the organizer's side: sign-ups and citizen bookings, attendance pairs and
// the rotating check-in code (server/modules/signups and server/modules/attendance; /api/openapi.json is the truth).
import { api } from './client';
import type { Page } from './types';

export type SignupKind = 'volunteer' | 'citizen';
export type SignupStatus = 'confirmed' | 'waitlisted' | 'cancelled';
export const signupKinds: SignupKind[] = ['volunteer', 'citizen'];
export const signupStatuses: SignupStatus[] = ['confirmed', 'waitlisted', 'cancelled'];

/** One sign-up (volunteer) or booking (citizen) as a runner of the activity sees it (full phone). */
export type StaffSignup = {
  id: string;
  kind: SignupKind;
  status: SignupStatus;
  /** 1-based place on the waiting list; null unless waitlisted. */
  position: number | null;
  volunteerId: string | null;
  volunteerNumber: string | null;
  name: string;
  phone: string;
  createdAt: string;
  cancelledAt: string | null;
  checkedIn: boolean;
  /** Approved and pending service minutes for this activity. */
  minutes: number;
};

export type AttendanceMethod = 'qr' | 'manual' | 'auto';
export type Attendance = {
  id: string;
  activityId: string;
  volunteerId: string;
  checkedInAt: string;
  checkedOutAt: string | null;
  inMethod: AttendanceMethod | string;
  outMethod: AttendanceMethod | string | null;
  autoClosed: boolean;
};

export type AttendanceRow = { volunteerId: string; volunteerNumber: string; name: string; signupStatus: SignupStatus | null; pairs: Attendance[]; minutes: number };

export type CheckinMode = 'in' | 'out';
export type CheckinCode = { code: string; url: string; qrSvg: string; mode: CheckinMode; expiresAt: string; refreshAt: string };

/** The places taken, from the activity's public view (counts only). */
export type ActivityCounts = {
  status: string;
  cancelCutoffMinutes: number;
  volunteers: { slots: number; confirmed: number; waitlisted: number };
  citizens: { places: number; confirmed: number; waitlisted: number };
};

/** Day-of settings an activity carries besides the planning fields (activities.cancel_cutoff_minutes, geofence_meters). */
export type ActivityDayFields = { cancelCutoffMinutes: number; geofenceMeters: number | null };
export const DEFAULT_CANCEL_CUTOFF_MINUTES = 120;

export type SignupFilters = { kind?: string; status?: string };

export const activityDayPaths = {
  signups: (id: string) => `/api/activities/${id}/signups`,
  cancelSignup: (id: string, signupId: string) => `/api/activities/${id}/signups/${signupId}/cancel`,
  signupsXlsx: (id: string) => `/api/activities/${id}/signups.xlsx`,
  attendance: (id: string) => `/api/activities/${id}/attendance`,
  manual: (id: string) => `/api/activities/${id}/attendance/manual`,
  checkinCode: (id: string) => `/api/activities/${id}/checkin-code`,
  publicActivity: (id: string) => `/api/public/activities/${id}`,
} as const;

export const listSignups = (id: string, query: SignupFilters & { cursor?: string; limit?: number }, signal?: AbortSignal) =>
  api<Page<StaffSignup>>(activityDayPaths.signups(id), { query, signal });
export const addSignup = (id: string, volunteerId: string) => api<StaffSignup>(activityDayPaths.signups(id), { body: { volunteerId } });
export const cancelSignup = (id: string, signupId: string, reason: string) => api<StaffSignup>(activityDayPaths.cancelSignup(id, signupId), { body: { reason } });

export const getAttendance = (id: string, signal?: AbortSignal) => api<{ items: AttendanceRow[] }>(activityDayPaths.attendance(id), { signal });
export const recordManual = (id: string, input: { volunteerId: string; action: CheckinMode; at?: string }) =>
  api<{ attendance: Attendance; record: { id: string; minutes: number; status: string; flags: string[] } | null }>(activityDayPaths.manual(id), { body: input });

export const getCheckinCode = (id: string, mode: CheckinMode, signal?: AbortSignal) => api<CheckinCode>(activityDayPaths.checkinCode(id), { query: { mode }, signal });
export const getActivityCounts = (id: string, signal?: AbortSignal) => api<ActivityCounts>(activityDayPaths.publicActivity(id), { signal });

type CourseNames = { items: { qualification: string | null }[]; nextCursor: string | null };
/**
 * The qualification names the courses in the caller's scope grant, for the activity form's picker. A few pages at
 * most (a district has tens of courses); staff without the school's permission get none rather than an error.
 */
export async function listQualificationNames(): Promise<string[]> {
  const names = new Set<string>();
  let cursor: string | undefined;
  try {
    for (let i = 0; i < 3; i++) {
      const page = await api<CourseNames>('/api/school/courses', { query: { limit: 100, cursor } });
      for (const c of page.items) if (c.qualification) names.add(c.qualification);
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
  } catch {
    // A team leader has no school scope: the field still takes typed names.
  }
  return [...names].sort((a, b) => a.localeCompare(b, 'zh-CN'));
}
