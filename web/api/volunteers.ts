// The volunteer registry as the console uses it (server/modules/volunteers; /api/openapi.json is the truth).
import { api } from './client';

export type VolunteerStatus = 'pending' | 'active' | 'suspended' | 'left';
export type VolunteerSource = 'self' | 'staff' | 'import';
export type Slot = 'morning' | 'afternoon' | 'evening';
export type UnitRef = { id: string; code: string; name: string };

export type VolunteerRow = {
  id: string;
  number: string;
  name: string;
  phoneMasked: string;
  idMasked: string;
  gender: 'male' | 'female' | null;
  age: number | null;
  minor: boolean;
  skills: string[];
  homeUnit: UnitRef | null;
  status: VolunteerStatus;
  source: VolunteerSource;
  createdAt: string;
};

export type VolunteerPage = { items: VolunteerRow[]; nextCursor: string | null; total?: number; totalCapped?: boolean };

export type VolunteerDetail = VolunteerRow & {
  phone: string;
  birthDate: string | null;
  availability: { days: number[]; slots: Slot[] };
  teams: { id: string; name: string; role: string; status: string }[];
  qualifications: { name: string; grantedAt: string; expiresAt: string | null }[];
  trainings: { courseTitle: string; startsAt: string; status: string; attended: boolean | null; passed: boolean | null }[];
  consents: { kind: 'privacy' | 'id_processing' | 'guardian'; version: string; givenBy: 'self' | 'guardian' | 'staff'; acceptedAt: string; withdrawnAt: string | null }[];
  guardian: { name: string; phoneMasked: string; relation: string } | null;
  hasPhoto: boolean;
  serviceMinutes: number;
  starLevel: number;
  points: number;
  certificates: unknown[];
  review: { reviewedAt: string | null; reviewedBy: string | null; note: string | null };
  registeredBy: string | null;
  erased: boolean;
  updatedAt: string;
};

export type VolunteerFilters = { q?: string; skill?: string; unit?: string; status?: string; minor?: string };

export type StaffEntryInput = {
  name: string;
  phone: string;
  idNumber: string;
  skills: string[];
  availability: { days: number[]; slots: Slot[] };
  homeUnitId: string;
  guardian?: { name: string; phone: string; relation: string; consentVersion: string };
};

export type SkillTag = { id: string; name: string; category: 'skill' | 'specialty'; sort: number; active: boolean };
export type SmsRecord = { id: number; phone: string; purpose: string; text: string; unitCode: string; status: string; createdAt: string };
export type ConsentText = { version: string; title: string; body: string };
export type RegistrationOptions = {
  skills: { id: string; name: string; category: string }[];
  consents: { privacy: ConsentText; id_processing: ConsentText; guardian: ConsentText };
  slots: Slot[];
};

export const listVolunteers = (query: VolunteerFilters & { cursor?: string; limit?: number }, signal?: AbortSignal) =>
  api<VolunteerPage>('/api/volunteers', { query, signal });
export const getVolunteer = (id: string, signal?: AbortSignal) => api<VolunteerDetail>(`/api/volunteers/${id}`, { signal });
export const createVolunteer = (input: StaffEntryInput) => api<VolunteerDetail>('/api/volunteers', { body: input });
export const updateVolunteer = (id: string, changes: Partial<Omit<StaffEntryInput, 'idNumber' | 'guardian'>>) =>
  api<VolunteerDetail>(`/api/volunteers/${id}`, { method: 'PATCH', body: changes });
export const reviewVolunteer = (id: string, decision: 'approve' | 'reject', note?: string) =>
  api<VolunteerDetail>(`/api/volunteers/${id}/review`, { body: { decision, ...(note ? { note } : {}) } });
export const setVolunteerStatus = (id: string, status: 'active' | 'suspended' | 'left', note?: string) =>
  api<VolunteerDetail>(`/api/volunteers/${id}/status`, { body: { status, ...(note ? { note } : {}) } });
export const revealIdNumber = (id: string) => api<{ idNumber: string }>(`/api/volunteers/${id}/reveal-id`, { method: 'POST', body: {} });

export const listSkillTags = () => api<{ items: SkillTag[] }>('/api/skill-tags');
export const createSkillTag = (input: { name: string; category: 'skill' | 'specialty'; sort?: number }) => api<SkillTag>('/api/skill-tags', { body: input });
export const updateSkillTag = (id: string, changes: Partial<Omit<SkillTag, 'id'>>) => api<SkillTag>(`/api/skill-tags/${id}`, { method: 'PATCH', body: changes });
export const registrationOptions = () => api<RegistrationOptions>('/api/public/registration-options');

export const listOutbox = (query: { phone?: string; cursor?: string; limit?: number }, signal?: AbortSignal) =>
  api<{ items: SmsRecord[]; nextCursor: string | null }>('/api/sms-outbox', { query, signal });
