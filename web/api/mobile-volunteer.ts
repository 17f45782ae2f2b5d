// The volunteer's own API as the phone pages use it (contract: the volunteers module; /api/openapi.json is the truth).
import { api } from './client';

export type Slot = 'morning' | 'afternoon' | 'evening';
export type Availability = { days: number[]; slots: string[] };
export type VolunteerStatus = 'pending' | 'active' | 'suspended' | 'left';
export type OtpPurpose = 'register' | 'sign-in' | 'erase';

export type SkillTag = { id: string; name: string; category: 'skill' | 'specialty' | string };
export type ConsentText = { version: string; title: string; body: string };
export type RegistrationOptions = {
  skills: SkillTag[];
  consents: { privacy: ConsentText; id_processing: ConsentText; guardian: ConsentText };
  slots: string[];
};

export type StationChoice = { id: string; code: string; name: string; instituteName: string; distanceKm: number | null };

export type MyVolunteer = {
  id: string;
  number: string;
  name: string;
  phone: string;
  idMasked: string;
  gender: 'male' | 'female' | null;
  birthDate: string | null;
  age: number | null;
  minor: boolean;
  skills: string[];
  availability: Availability;
  homeUnit: { id: string; code: string; name: string } | null;
  status: VolunteerStatus | string;
  photoUrl: string | null;
  teams: { id: string; name: string; role: string; status: string }[];
  qualifications: { name: string; grantedAt: string; expiresAt: string | null }[];
  serviceMinutes: number;
  starLevel: number;
  points: number;
  certificates: unknown[];
  consents: { kind: string; version: string; acceptedAt: string }[];
  hasPassword: boolean;
};

export type RegisterInput = {
  phone: string;
  code: string;
  name: string;
  idNumber: string;
  skills: string[];
  availability: Availability;
  homeUnitId: string;
  consents: { privacy: string; idProcessing: string };
  guardian?: { name: string; phone: string; relation: string; consentVersion: string };
  teamToken?: string;
};

export type ProfileChanges = { name?: string; skills?: string[]; availability?: Availability; homeUnitId?: string };

export const registrationOptions = (signal?: AbortSignal) => api<RegistrationOptions>('/api/public/registration-options', { signal });

export const searchStations = (query: { q?: string; lat?: number; lng?: number; limit?: number }, signal?: AbortSignal) =>
  api<{ items: StationChoice[] }>('/api/public/stations', { query, signal });

export const requestOtp = (phone: string, purpose: OtpPurpose) =>
  api<{ expiresAt: string; resendAfterSeconds: number }>('/api/otp', { body: { phone, purpose } });

export const registerVolunteer = (input: RegisterInput) => api<{ volunteer: MyVolunteer }>('/api/volunteers/register', { body: input });

export const signInVolunteer = (input: { phone: string; code: string } | { phone: string; password: string }) =>
  api<{ volunteer: MyVolunteer }>('/api/volunteer-auth/sign-in', { body: input });

export const signOut = () => api<{ ok: true }>('/api/auth/sign-out', { method: 'POST' });

export const fetchMyVolunteer = (signal?: AbortSignal) => api<MyVolunteer>('/api/me/volunteer', { signal });

export const updateMyVolunteer = (changes: ProfileChanges) => api<MyVolunteer>('/api/me/volunteer', { method: 'PATCH', body: changes });

export function uploadMyPhoto(file: File): Promise<MyVolunteer> {
  const form = new FormData();
  form.append('file', file);
  return api<MyVolunteer>('/api/me/volunteer/photo', { method: 'PUT', body: form });
}

export const setMyPassword = (password: string) => api<void>('/api/me/volunteer/password', { body: { password } });

export const eraseMyAccount = (code: string) => api<void>('/api/me/volunteer/erase', { body: { code } });
