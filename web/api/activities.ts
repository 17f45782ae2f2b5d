// Shapes of the activities API as the web uses them (programmes, monthly themes, activities, unit settings); the
// server's schemas in server/modules/activities are the truth.
import { api } from './client';
import type { UnitLevel } from '../../common/roles';

export type UnitBrief = { id: string; code: string; name: string; level: UnitLevel };

export type ProgrammeStatus = 'draft' | 'published' | 'withdrawn';
export type Programme = {
  id: string;
  unit: UnitBrief;
  title: string;
  topic: string;
  platform: string | null;
  brands: string[];
  description: string;
  status: ProgrammeStatus;
  publishedAt: string | null;
  adoptedFrom: string | null;
  inherited?: boolean;
  activityCount: number;
};
export type ProgrammeInput = { unitId?: string; title: string; topic: string; platform?: string | null; brands: string[]; description: string };

export type Theme = { id: string; month: string; title: string; description: string; unit?: UnitBrief };

export type ActivityStatus = 'draft' | 'submitted' | 'published' | 'in_progress' | 'finished' | 'cancelled';
export const activityStatuses: ActivityStatus[] = ['draft', 'submitted', 'published', 'in_progress', 'finished', 'cancelled'];

export type ActivityRow = {
  id: string;
  title: string;
  topic: string;
  brands: string[];
  unit: UnitBrief;
  team: { id: string; name: string } | null;
  site: { id: string; name: string } | null;
  address: string;
  startsAt: string;
  endsAt: string;
  status: ActivityStatus;
  volunteerSlots: number;
  citizenPlaces: number;
  seriesId: string | null;
  themeId: string | null;
  programmeId: string | null;
};

export type ActivityDetail = ActivityRow & {
  description: string;
  requiredSkills: string[];
  requiredQualifications: string[];
  series: { id: string; weekdays: number[]; startTime: string; endTime: string; firstDate: string; lastDate: string; count: number } | null;
  review: { needed: boolean; note: string | null; reviewedAt: string | null; reviewerName: string | null };
  cancelReason: string | null;
  posterUrl: string | null;
  createdAt: string;
  updatedAt: string;
};

export type ActivityInput = {
  title: string;
  programmeId?: string | null;
  topic: string;
  brands: string[];
  themeId?: string | null;
  unitId: string;
  teamId?: string | null;
  siteId?: string | null;
  address?: string;
  startsAt: string;
  endsAt: string;
  description: string;
  volunteerSlots: number;
  requiredSkills: string[];
  requiredQualifications: string[];
  citizenPlaces: number;
  repeat?: { weekdays: number[]; until: string };
  scope?: 'one' | 'following';
};

export type ActivityFilters = { unit?: string; status?: string; topic?: string; from?: string; to?: string; q?: string; series?: string };

export const activityPaths = {
  programmes: '/api/programmes',
  programme: (id: string) => `/api/programmes/${id}`,
  programmeAction: (id: string, action: 'publish' | 'withdraw' | 'adopt') => `/api/programmes/${id}/${action}`,
  themes: '/api/themes',
  theme: (month: string) => `/api/themes/${month}`,
  activities: '/api/activities',
  activitiesXlsx: '/api/activities.xlsx',
  reviewQueue: '/api/activities/review-queue',
  activity: (id: string) => `/api/activities/${id}`,
  activityAction: (id: string, action: 'submit' | 'review' | 'cancel') => `/api/activities/${id}/${action}`,
  poster: (id: string) => `/api/activities/${id}/poster`,
  publicPoster: (id: string) => `/api/public/activities/${id}/poster`,
  unitSettings: (unitId: string) => `/api/units/${unitId}/settings`,
} as const;

export const getActivity = (id: string, signal?: AbortSignal) => api<ActivityDetail>(activityPaths.activity(id), { signal });
export const createActivities = (input: ActivityInput) => api<{ activities: ActivityRow[] }>(activityPaths.activities, { body: input });
export const updateActivity = (id: string, input: Partial<ActivityInput>) => api<ActivityDetail>(activityPaths.activity(id), { method: 'PATCH', body: input });
export const submitActivity = (id: string) => api<ActivityDetail>(activityPaths.activityAction(id, 'submit'), { body: {} });
export const reviewActivity = (id: string, decision: 'approve' | 'reject', note?: string) =>
  api<ActivityDetail>(activityPaths.activityAction(id, 'review'), { body: { decision, ...(note ? { note } : {}) } });
export const cancelActivity = (id: string, reason: string) => api<ActivityDetail>(activityPaths.activityAction(id, 'cancel'), { body: { reason } });
export const uploadPoster = (id: string, file: File) => {
  const body = new FormData();
  body.append('file', file);
  return api<unknown>(activityPaths.poster(id), { method: 'PUT', body });
};

export const getUnitSettings = (unitId: string) => api<{ activityReview: boolean }>(activityPaths.unitSettings(unitId));
export const putUnitSettings = (unitId: string, activityReview: boolean) =>
  api<{ activityReview: boolean }>(activityPaths.unitSettings(unitId), { method: 'PUT', body: { activityReview } });

export const listThemes = (from: string, to: string) => api<{ items: Theme[] }>(activityPaths.themes, { query: { from, to } });
export const putTheme = (month: string, input: { title: string; description: string }) => api<Theme>(activityPaths.theme(month), { method: 'PUT', body: input });
export const deleteTheme = (month: string) => api<unknown>(activityPaths.theme(month), { method: 'DELETE' });

export const publishProgramme = (id: string, action: 'publish' | 'withdraw') => api<Programme>(activityPaths.programmeAction(id, action), { body: {} });
export const adoptProgramme = (id: string, unitId: string) => api<Programme>(activityPaths.programmeAction(id, 'adopt'), { body: { unitId } });
/** Published programmes the caller may plan activities under (own and inherited), for pickers. */
export const listProgrammesForPicker = () => api<{ items: Programme[]; nextCursor: string | null }>(activityPaths.programmes, { query: { status: 'published', limit: 100 } });
