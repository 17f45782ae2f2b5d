// Decides, for each checked roster row, what an import would do: create a volunteer, join an existing one to
// the team, or nothing (already a member). People already in the registry are found by ID hash, then by phone
// + name; differing fields are listed as conflicts for staff to decide. Look-ups run in bulk (roster.repo.ts).
import type { DbOrTx } from '../../db/client';
import type { CheckedRow, RowIssue } from './roster-rows';
import { activeStationsUnder, membershipStatuses, volunteersByIdHash, volunteersByPhone, type RegistryMatch, type Station, type TeamRow } from './roster.repo';
import { maskPhone } from '../../../common/mask';

export type RowStatus = 'error' | 'new' | 'match' | 'member';
export type ConflictField = 'name' | 'phone' | 'idNumber';
export type Conflict = { field: ConflictField; registry: string; roster: string };
export type Decision = 'keep' | 'take';

export type PlannedRow = {
  checked: CheckedRow;
  status: RowStatus;
  errors: RowIssue[];
  existing: RegistryMatch | null;
  matchedBy: 'id' | 'phone_name' | null;
  conflicts: Conflict[];
  home: { id: string; code: string };
};

export type Plan = { rows: PlannedRow[]; teamUnitIsStation: boolean };

function stationFinder(stations: Station[]) {
  const byCode = new Map(stations.map((s) => [s.code, s]));
  const byName = new Map<string, Station[]>();
  for (const s of stations) byName.set(s.name, [...(byName.get(s.name) ?? []), s]);
  return (text: string): Station | 'ambiguous' | null => {
    const t = text.replace(/\s+/g, '');
    const hit = byCode.get(t) ?? byName.get(t);
    if (!hit) {
      // "龙湾区永中街道XX村实践站" vs "XX村实践站": a unique name that contains, or is contained in, the text.
      const loose = stations.filter((s) => s.name.length >= 2 && (t.includes(s.name) || s.name.includes(t)) && t.length >= 2);
      return loose.length === 1 ? loose[0] : loose.length > 1 ? 'ambiguous' : null;
    }
    if (Array.isArray(hit)) return hit.length === 1 ? hit[0] : 'ambiguous';
    return hit;
  };
}

export async function planRoster(db: DbOrTx, team: TeamRow, checked: CheckedRow[], stationColumn: string | null): Promise<Plan> {
  const teamUnitIsStation = team.unitLevel === 'station';
  const valid = checked.filter((r) => r.errors.length === 0);

  const byHash = new Map((await volunteersByIdHash(db, valid.map((r) => r.idHash))).map((v) => [v.idHash!, v]));
  const needPhone = [...new Set(valid.filter((r) => !byHash.has(r.idHash)).map((r) => r.phone))];
  const byPhone = new Map<string, RegistryMatch[]>();
  for (const v of await volunteersByPhone(db, needPhone)) byPhone.set(v.phone, [...(byPhone.get(v.phone) ?? []), v]);

  const findStation = teamUnitIsStation || !valid.some((r) => r.station) ? null : stationFinder(await activeStationsUnder(db, team.unitCode));
  const teamHome = { id: team.unitId, code: team.unitCode };
  const rowOfVolunteer = new Map<string, number>();

  const rows: PlannedRow[] = checked.map((c) => {
    const errors = [...c.errors];
    const planned: PlannedRow = { checked: c, status: 'error', errors, existing: null, matchedBy: null, conflicts: [], home: teamHome };
    if (errors.length) return planned;

    if (findStation && c.station) {
      const s = findStation(c.station);
      const column = stationColumn ?? '所属站点';
      if (s === 'ambiguous') errors.push({ field: 'station', column, message: `“${column}”列：“${c.station}”对应多个实践站，请填写实践站编码` });
      else if (!s) errors.push({ field: 'station', column, message: `“${column}”列：在 ${team.unitName} 下找不到实践站“${c.station}”` });
      else planned.home = { id: s.id, code: s.code };
    }

    const byId = byHash.get(c.idHash);
    const byPhoneName = byId ? undefined : (byPhone.get(c.phone) ?? []).find((v) => v.name === c.name);
    const existing = byId ?? byPhoneName ?? null;
    if (existing) {
      const first = rowOfVolunteer.get(existing.id);
      if (first !== undefined) errors.push({ field: 'row', column: '', message: `与第 ${first} 行是同一名志愿者（${existing.number}）` });
      rowOfVolunteer.set(existing.id, c.row);
      planned.existing = existing;
      planned.matchedBy = byId ? 'id' : 'phone_name';
      if (existing.name !== c.name) planned.conflicts.push({ field: 'name', registry: existing.name, roster: c.name });
      if (existing.phone !== c.phone) planned.conflicts.push({ field: 'phone', registry: maskPhone(existing.phone), roster: maskPhone(c.phone) });
      if (!byId && existing.idHash) planned.conflicts.push({ field: 'idNumber', registry: existing.idMasked, roster: c.idMasked });
    }
    planned.status = errors.length ? 'error' : existing ? 'match' : 'new';
    return planned;
  });

  // Existing members of the team are "already a member": nothing to write unless a field decision says so.
  const members = await membershipStatuses(db, team.id, rows.filter((r) => r.status === 'match').map((r) => r.existing!.id));
  for (const r of rows) if (r.status === 'match' && members.get(r.existing!.id) === 'active') r.status = 'member';
  return { rows, teamUnitIsStation };
}

export type RosterSummary = { rows: number; new: number; match: number; member: number; error: number; conflict: number };

export function summarize(rows: PlannedRow[]): RosterSummary {
  const s: RosterSummary = { rows: rows.length, new: 0, match: 0, member: 0, error: 0, conflict: 0 };
  for (const r of rows) {
    s[r.status]++;
    if (r.conflicts.length && r.status !== 'error') s.conflict++;
  }
  return s;
}
