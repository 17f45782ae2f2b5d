// Shapes and calls of the service-hours, star-level and certificate APIs as the console uses them
// (server/modules/hours and server/modules/certificates; the API contract of issue 4 and /api/openapi.json are the truth).
import { api, withQuery } from './client';
import type { Page } from './types';

export type HourStatus = 'pending' | 'approved' | 'rejected' | 'superseded';
export const hourStatuses: HourStatus[] = ['pending', 'approved', 'rejected', 'superseded'];
export type HourFlag = 'auto_closed' | 'outside_activity_time' | 'overlap' | 'over_daily_limit';
export const hourFlags: HourFlag[] = ['auto_closed', 'outside_activity_time', 'overlap', 'over_daily_limit'];

export type HourRecord = {
  id: string;
  volunteerId: string;
  volunteerName: string;
  volunteerNumber: string;
  activityId: string;
  activityTitle: string;
  unitName: string;
  teamName: string | null;
  source: 'checkin' | 'manual';
  startedAt: string;
  endedAt: string;
  minutes: number;
  content: string;
  status: HourStatus;
  flags: string[];
  version: number;
  previousId: string | null;
  reason: string;
  requestedByName: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  frozen: boolean;
  createdAt: string;
};

export type HourFilters = {
  unit?: string;
  status?: string;
  flagged?: string;
  activity?: string;
  team?: string;
  volunteer?: string;
  q?: string;
  from?: string;
  to?: string;
};

export type HourTotals = { total: { minutes: number; records: number }; rows: { id: string; name: string; code?: string; minutes: number; records: number }[] };

export type StarLevel = { level: number; minHours: number };
export type StarAwardStatus = 'pending' | 'confirmed';
export type StarAward = {
  id: string;
  volunteerId: string;
  volunteerName: string;
  volunteerNumber: string;
  homeUnitName: string;
  level: number;
  hoursAt: number;
  status: StarAwardStatus;
  reachedAt: string;
  confirmedAt: string | null;
};

export type CertificateStatus = 'requested' | 'issued' | 'rejected' | 'revoked';
export const certificateStatuses: CertificateStatus[] = ['requested', 'issued', 'rejected', 'revoked'];
export type Certificate = {
  id: string;
  number: string | null;
  status: CertificateStatus;
  volunteerId: string;
  volunteerName: string;
  volunteerNumber: string;
  periodFrom: string;
  periodTo: string;
  purpose: string;
  issuingUnitName: string;
  requestedAt: string;
  requestedByName: string | null;
  decidedAt: string | null;
  rejectReason: string | null;
  issuedAt: string | null;
  revokedAt: string | null;
  revokeReason: string | null;
  totalMinutes: number | null;
  verifyUrl: string | null;
};
export type CertificateSnapshot = {
  name: string;
  idType: string;
  idMasked: string;
  volunteerNumber: string;
  totalMinutes: number;
  items: { date: string; title: string; unitName: string; minutes: number }[];
  issuer: string;
  personInCharge: string;
  handler: string;
  handlerPhone: string;
};
export type CertificateFilters = { status?: string; unit?: string; q?: string };

type Paging = { cursor?: string; limit?: number };

export const recordPaths = {
  hours: '/api/hours',
  hoursXlsx: (f: HourFilters) => withQuery('/api/hours.xlsx', f),
  hour: (id: string) => `/api/hours/${id}`,
  totals: '/api/hours/totals',
  starLevels: '/api/star-levels',
  starAwards: '/api/star-awards',
  certificates: '/api/certificates',
  certificatesXlsx: (f: CertificateFilters) => withQuery('/api/certificates.xlsx', f),
  certificate: (id: string) => `/api/certificates/${id}`,
  certificatePdf: (id: string) => `/api/certificates/${id}/pdf`,
} as const;

// Service hours
export const listHours = (query: HourFilters & Paging, signal?: AbortSignal) => api<Page<HourRecord>>(recordPaths.hours, { query, signal });
export const getHour = (id: string, signal?: AbortSignal) => api<{ record: HourRecord; history: HourRecord[] }>(recordPaths.hour(id), { signal });
export const enterHours = (input: { activityId: string; volunteerId: string; startedAt: string; endedAt: string; content?: string }) =>
  api<HourRecord>(recordPaths.hours, { body: input });
export const approveHour = (id: string) => api<HourRecord>(`${recordPaths.hour(id)}/approve`, { body: {} });
export const rejectHour = (id: string, reason: string) => api<HourRecord>(`${recordPaths.hour(id)}/reject`, { body: { reason } });
export const approveHours = (ids: string[]) => api<{ approved: number; skipped: { id: string; code: string }[] }>(`${recordPaths.hours}/approve`, { body: { ids } });
export const correctHour = (id: string, input: { startedAt: string; endedAt: string; reason: string }) =>
  api<HourRecord>(`${recordPaths.hour(id)}/corrections`, { body: input });
export const hourTotals = (query: { unit?: string; from?: string; to?: string; by: 'unit' | 'team' }, signal?: AbortSignal) =>
  api<HourTotals>(recordPaths.totals, { query, signal });

// Star levels
export const getStarLevels = (signal?: AbortSignal) => api<{ levels: StarLevel[] }>(recordPaths.starLevels, { signal });
export const putStarLevels = (levels: StarLevel[]) => api<{ levels: StarLevel[] }>(recordPaths.starLevels, { method: 'PUT', body: { levels } });
export const listStarAwards = (query: { status: StarAwardStatus; unit?: string } & Paging, signal?: AbortSignal) =>
  api<Page<StarAward>>(recordPaths.starAwards, { query, signal });
export const confirmStarAward = (id: string) => api<StarAward>(`${recordPaths.starAwards}/${id}/confirm`, { body: {} });
export const confirmStarAwards = (ids: string[]) => api<{ confirmed: number }>(`${recordPaths.starAwards}/confirm`, { body: { ids } });

// Certificates
export const listCertificates = (query: CertificateFilters & Paging, signal?: AbortSignal) => api<Page<Certificate>>(recordPaths.certificates, { query, signal });
export const getCertificate = (id: string, signal?: AbortSignal) =>
  api<{ certificate: Certificate; snapshot: CertificateSnapshot | null }>(recordPaths.certificate(id), { signal });
export const requestCertificate = (input: { volunteerId: string; from: string; to: string; purpose?: string }) =>
  api<Certificate>(recordPaths.certificates, { body: input });
export const issueCertificate = (id: string, input: { personInCharge: string; handler?: string; handlerPhone?: string }) =>
  api<Certificate>(`${recordPaths.certificate(id)}/issue`, { body: input });
export const rejectCertificate = (id: string, reason: string) => api<Certificate>(`${recordPaths.certificate(id)}/reject`, { body: { reason } });
export const revokeCertificate = (id: string, reason: string) => api<Certificate>(`${recordPaths.certificate(id)}/revoke`, { body: { reason } });

/** Hours with one decimal, from minutes (the unit staff count in). */
export function hoursOf(minutes: number): string {
  return (Math.round(minutes / 6) / 10).toFixed(1);
}
