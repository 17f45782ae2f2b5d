// Shapes of the coverage API as the web uses them (server/modules/activities/coverage.schemas.ts is the truth).
import { api, withQuery } from './client';
import type { UnitLevel } from '../../common/roles';

export type CoverageUnit = { id: string; code: string; name: string; level: UnitLevel };
export type WeekRef = { key: string; start: string; end: string };

export type CoverageRow = {
  unit: CoverageUnit & { parentId: string | null };
  weekCounts: number[];
  weekTotals: number[];
  stationWeekGaps: number[] | null;
  monthThemed: (boolean | null)[];
  stationMonthGaps: number[] | null;
  weekGaps: number;
  monthGaps: number;
};

export type CoverageReport = {
  unit: CoverageUnit;
  from: string;
  to: string;
  currentWeek: string;
  weeks: WeekRef[];
  months: { month: string; theme: { id: string; title: string } | null }[];
  rows: CoverageRow[];
  summary: { institutes: number; stations: number; instituteWeekGaps: number; stationWeekGaps: number; instituteMonthGaps: number; stationMonthGaps: number };
};

export type CoverageActivity = {
  id: string;
  title: string;
  topic: string;
  brands: string[];
  status: string;
  counted: boolean;
  startsAt: string;
  endsAt: string;
  unit: { id: string; code: string; name: string };
  place: string;
  team: string | null;
  theme: string | null;
};

export type WeekDetail = { unit: CoverageUnit; week: WeekRef; items: CoverageActivity[] };
export type CoverageAlerts = { week: WeekRef; units: CoverageUnit[]; stations: number; institutes: number };

export type CoverageQuery = { unit?: string; from?: string; to?: string };

export const getCoverage = (q: CoverageQuery) => api<CoverageReport>('/api/coverage', { query: q });
export const getCoverageWeek = (unitId: string, isoWeek: string) =>
  api<WeekDetail>(`/api/coverage/units/${encodeURIComponent(unitId)}/weeks/${encodeURIComponent(isoWeek)}`);
export const getCoverageAlerts = () => api<CoverageAlerts>('/api/coverage/alerts');
export const planXlsxUrl = (q: CoverageQuery) => withQuery('/api/coverage/plan.xlsx', q);
export const calendarPdfUrl = (q: { unit?: string; month?: string }) => withQuery('/api/coverage/calendar.pdf', q);
