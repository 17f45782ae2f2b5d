// Roster import and de-duplication API as the console uses it (server/modules/roster/roster.schemas.ts is the truth).
import { api, withQuery } from './client';

export const rosterFields = ['name', 'phone', 'idNumber', 'skills', 'station'] as const;
export type RosterField = (typeof rosterFields)[number];
export type RosterMapping = Record<RosterField, string | null>;
export type RowStatus = 'error' | 'new' | 'match' | 'member';
export type Decision = 'keep' | 'take';

export type RosterTeam = { id: string; name: string; unitName: string; unitCode: string };

export type RosterRow = {
  row: number;
  status: RowStatus;
  name: string;
  phoneMasked: string;
  idMasked: string;
  volunteerNumber: string | null;
  matchedBy: 'id' | 'phone_name' | null;
  conflicts: { field: 'name' | 'phone' | 'idNumber'; registry: string; roster: string }[];
  decision: Decision | null;
  errors: { field: string; column: string; message: string }[];
};

export type RosterReport = {
  ok: boolean;
  committed: boolean;
  team: { id: string; name: string; unitName: string };
  file: { format: 'xlsx' | 'csv'; sheet: string | null; headerRow: number; headers: string[]; emptyRowsSkipped: number };
  mapping: RosterMapping;
  mappingSource: 'request' | 'remembered' | 'guessed';
  problems: { field: string; message: string }[];
  summary: { rows: number; new: number; match: number; member: number; error: number; conflict: number };
  rows: RosterRow[];
  truncated: boolean;
  result: { created: number; joined: number; updated: number } | null;
};

export function rosterTeams(q: string) {
  return api<{ items: RosterTeam[] }>(withQuery('/api/roster/teams', { q, limit: 30 }));
}

function form(file: File, mapping: RosterMapping | null, decisions?: Record<number, Decision>) {
  const body = new FormData();
  if (mapping) body.append('mapping', JSON.stringify(mapping));
  if (decisions) {
    // Only the rows where staff took the roster's value: "keep" is the default.
    const take = Object.fromEntries(Object.entries(decisions).filter(([, d]) => d === 'take'));
    body.append('decisions', JSON.stringify(take));
  }
  body.append('file', file);
  return body;
}

export function previewRoster(teamId: string, file: File, mapping: RosterMapping | null) {
  return api<RosterReport>(`/api/teams/${teamId}/roster/preview`, { method: 'POST', body: form(file, mapping) });
}

export function commitRoster(teamId: string, file: File, mapping: RosterMapping, decisions: Record<number, Decision>) {
  return api<RosterReport>(`/api/teams/${teamId}/roster/commit`, { method: 'POST', body: form(file, mapping, decisions) });
}

export type DuplicateMember = {
  id: string;
  number: string;
  name: string;
  phoneMasked: string;
  idMasked: string;
  gender: 'male' | 'female' | null;
  birthDate: string | null;
  homeUnit: { id: string; code: string; name: string } | null;
  status: string;
  source: string;
  teams: number;
  hasAccount: boolean;
  createdAt: string;
};
export type DuplicateGroup = { reason: 'phone' | 'name_birth'; key: string; members: DuplicateMember[] };
export type MergeResult = {
  kept: DuplicateMember;
  mergedNumber: string;
  moved: { memberships: number; enrolments: number; qualifications: number; consents: number; other: number };
};

export function mergeVolunteers(keepId: string, mergeId: string) {
  return api<MergeResult>('/api/duplicates/merge', { body: { keepId, mergeId } });
}
