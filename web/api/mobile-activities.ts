// The public activity API as the phone pages use it (contract: server/modules/activities/public-activities.routes.ts;
// /api/openapi.json is the truth). No sign-in; no personal data comes back.
import { api } from './client';

export type PublicActivity = {
  id: string;
  title: string;
  topic: string;
  topicLabel: string;
  brands: string[];
  unitName: string;
  teamName: string | null;
  site: { id: string; name: string; address: string } | null;
  address: string;
  startsAt: string;
  endsAt: string;
  status: string;
  description: string;
  volunteerSlots: number;
  citizenPlaces: number;
  posterUrl: string | null;
};

/** Station / street take a unit id or code; from / to are Shanghai local dates (YYYY-MM-DD), both inclusive. */
export type ActivityFilter = { station?: string; street?: string; topic?: string; from?: string; to?: string };

export const PAGE_SIZE = 20;

export const listPublicActivities = (filter: ActivityFilter, cursor: string | null, signal?: AbortSignal) =>
  api<{ items: PublicActivity[]; nextCursor: string | null }>('/api/public/activities', { query: { ...filter, cursor, limit: PAGE_SIZE }, signal });

/** This week's (Monday–Sunday, Shanghai) published activities at the site behind a civic code. */
export const siteWeekActivities = (token: string, signal?: AbortSignal) =>
  api<{ from: string; to: string; items: PublicActivity[] }>(`/api/public/sites/${encodeURIComponent(token)}/activities`, { signal });
