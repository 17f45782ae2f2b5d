// The volunteer school's API as the web uses it (server/modules/training; /api/openapi.json is the truth).
import { api } from './client';

export type CourseStatus = 'open' | 'closed';
export type Course = {
  id: string;
  title: string;
  description: string;
  unit: { id: string; code: string; name: string };
  qualification: string | null;
  validMonths: number | null;
  status: CourseStatus;
  sessionCount: number;
  upcomingCount: number;
  nextSessionAt: string | null;
  createdAt: string;
};
export type CourseInput = { title: string; description?: string; qualification?: string | null; validMonths?: number | null; status?: CourseStatus };

export type SessionPhase = 'upcoming' | 'ongoing' | 'ended' | 'cancelled';
export type Session = {
  id: string;
  courseId: string;
  courseTitle: string;
  startsAt: string;
  endsAt: string;
  site: { id: string; name: string } | null;
  place: string;
  teacher: string;
  capacity: number;
  enrolled: number;
  placesLeft: number;
  status: 'scheduled' | 'cancelled';
  phase: SessionPhase;
};
export type SessionInput = { startsAt: string; endsAt: string; siteId?: string | null; place?: string; teacher?: string; capacity: number };

export type RosterEntry = {
  enrolmentId: string;
  volunteer: { id: string; number: string; name: string; phoneMasked: string };
  attended: boolean | null;
  passed: boolean | null;
  recordedAt: string | null;
  enrolledAt: string;
};
export type SessionDetail = { session: Session; course: Course; roster: RosterEntry[] };
export type AttendanceRecord = { enrolmentId: string; attended: boolean; passed: boolean };

export type ExpiringQualification = {
  id: string;
  name: string;
  grantedAt: string;
  expiresAt: string;
  daysLeft: number;
  volunteer: { id: string; number: string; name: string; phoneMasked: string; homeUnitName: string };
};

export type QualificationState = 'valid' | 'expiring' | 'expired' | 'revoked' | 'renewed';
export type Qualification = { id: string; name: string; courseTitle: string | null; grantedAt: string; expiresAt: string | null; revoked: boolean; state: QualificationState };

export type MySession = {
  id: string;
  course: { id: string; title: string; description: string; unitName: string; qualification: string | null; validMonths: number | null };
  startsAt: string;
  endsAt: string;
  place: string;
  teacher: string;
  capacity: number;
  placesLeft: number;
  enrolled: boolean;
};

type Page<T> = { items: T[]; total: number; nextCursor: string | null };

export const schoolApi = {
  courses: (query: { q?: string; status?: string; cursor?: string; limit: number }) => api<Page<Course>>('/api/school/courses', { query }),
  course: (id: string) => api<Course>(`/api/school/courses/${id}`),
  createCourse: (body: CourseInput & { unitId: string }) => api<Course>('/api/school/courses', { body }),
  updateCourse: (id: string, body: Partial<CourseInput>) => api<Course>(`/api/school/courses/${id}`, { method: 'PATCH', body }),
  sessions: (courseId: string) => api<{ items: Session[] }>(`/api/school/courses/${courseId}/sessions`),
  createSession: (courseId: string, body: SessionInput) => api<Session>(`/api/school/courses/${courseId}/sessions`, { body }),
  session: (id: string) => api<SessionDetail>(`/api/school/sessions/${id}`),
  cancelSession: (id: string, reason?: string) => api<Session>(`/api/school/sessions/${id}/cancel`, { body: reason ? { reason } : {} }),
  enrolByNumber: (id: string, number: string) => api<SessionDetail>(`/api/school/sessions/${id}/enrolments`, { body: { number } }),
  saveAttendance: (id: string, records: AttendanceRecord[]) => api<SessionDetail>(`/api/school/sessions/${id}/attendance`, { method: 'PUT', body: { records } }),
  expiring: (query: { days: number; cursor?: string; limit: number }) => api<Page<ExpiringQualification>>('/api/school/qualifications/expiring', { query }),

  mySessions: () => api<{ items: MySession[] }>('/api/me/school/sessions'),
  enrol: (sessionId: string) => api<MySession>('/api/me/school/enrolments', { body: { sessionId } }),
  withdraw: (sessionId: string) => api<null>(`/api/me/school/enrolments/${sessionId}`, { method: 'DELETE' }),
  myQualifications: () => api<{ items: Qualification[] }>('/api/me/school/qualifications'),
};
