// The volunteer's own service hours, certificates, messages count and calendar link as the phone pages use them,
// and the public certificate check behind a certificate's QR code (contract of issue 4, sections C and D;
// /api/openapi.json is the truth).
import { api } from './client';
import type { Certificate, CertificateStatus, HourRecord, HourStatus } from './records';

export type MyHourStatus = HourStatus;

/** The console's record shape (the server presents both alike), less the fields the phone pages do not show. */
export type MyHourRecord = Omit<HourRecord, 'volunteerId' | 'volunteerName' | 'volunteerNumber' | 'requestedByName' | 'decidedByName' | 'status'> & {
  status: MyHourStatus | string;
};

export type MyHoursPage = {
  items: MyHourRecord[];
  nextCursor: string | null;
  /** Approved minutes. */
  totalMinutes: number;
  /** The confirmed star level (0 = none yet). */
  starLevel: number;
  /** A level reached but not yet confirmed by the home unit. */
  pendingStarLevel: number | null;
  nextLevel: { level: number; minHours: number } | null;
};

export type MyCertificateStatus = CertificateStatus;

/** The console's certificate shape (the same presenter), less the fields the phone pages do not show. */
export type MyCertificate = Omit<Certificate, 'volunteerId' | 'volunteerName' | 'volunteerNumber' | 'requestedByName' | 'status'> & {
  status: MyCertificateStatus | string;
};

export type Verification = {
  valid: boolean;
  status?: 'issued' | 'revoked';
  number?: string;
  nameMasked?: string;
  idMasked?: string;
  volunteerNumber?: string;
  periodFrom?: string;
  periodTo?: string;
  totalMinutes?: number;
  issuer?: string;
  issuedAt?: string;
  revokedAt?: string | null;
  items?: { date: string; title: string; minutes: number }[];
};

export type CalendarLink = { url: string; webcalUrl: string };

export const HOURS_PAGE_SIZE = 20;

export const fetchMyHours = (cursor: string | null, signal?: AbortSignal, limit = HOURS_PAGE_SIZE) =>
  api<MyHoursPage>('/api/volunteer/hours', { query: { cursor, limit }, signal });

export const requestMyCorrection = (id: string, input: { startedAt: string; endedAt: string; reason: string }) =>
  api<MyHourRecord>(`/api/volunteer/hours/${encodeURIComponent(id)}/corrections`, { body: input });

export const fetchMyCertificates = (signal?: AbortSignal) => api<{ items: MyCertificate[] }>('/api/volunteer/certificates', { signal });

export const requestMyCertificate = (input: { from: string; to: string; purpose?: string }) => api<MyCertificate>('/api/volunteer/certificates', { body: input });

/** The PDF opens in the phone's own viewer (a plain link: the session cookie goes with it). */
export const myCertificatePdfUrl = (id: string) => `/api/volunteer/certificates/${encodeURIComponent(id)}/pdf`;

export const verifyCertificate = (code: string, signal?: AbortSignal) =>
  api<Verification>(`/api/public/certificates/verify/${encodeURIComponent(code)}`, { signal });

/** Only the unread count is wanted here (the messages page lists them). */
export const fetchUnreadCount = (signal?: AbortSignal) =>
  api<{ unread: number }>('/api/volunteer/notifications', { query: { limit: 1 }, signal }).then((r) => r.unread ?? 0);

export const fetchMyCalendar = (signal?: AbortSignal) => api<CalendarLink>('/api/volunteer/calendar', { signal });

export const renewMyCalendar = () => api<CalendarLink>('/api/volunteer/calendar/renew', { body: {} });
