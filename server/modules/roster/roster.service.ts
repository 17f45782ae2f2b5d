// The roster import (名册导入): staff bring a team's roster as units keep it today (XLSX or CSV), map its
// columns, preview the row-level report, decide conflicts, and commit. Preview writes nothing. Commit writes
// everything in one transaction (new volunteers, memberships, chosen field updates, the remembered mapping, the
// audit entry) or, if any row has an error, nothing at all: import_rejected with the report.
import type { DbOrTx, Db } from '../../db/client';
import type { FieldCipher } from '../../platform/crypto';
import { AppError, notFound } from '../../platform/errors';
import { audit, type AuditActor } from '../../platform/audit';
import { can, scopeCodes, type Principal } from '../../platform/policy';
import { storedIdentity } from '../volunteers/volunteer-identity';
import { readRosterFile, type RosterFile } from './roster-file';
import { mappingProblems, parseStoredMapping, resolveMapping, type RosterMapping } from './roster-mapping';
import { maskPhone } from '../../../common/mask';
import { checkRows } from './roster-rows';
import { planRoster, summarize, type Conflict, type Decision, type PlannedRow, type RosterSummary, type RowStatus } from './roster-plan';
import {
  activateMemberships,
  findTeam,
  insertVolunteersWithMembership,
  rememberedMapping,
  rememberMapping,
  setIdentities,
  teamsIn,
  updateNamesAndPhones,
  type TeamRow,
} from './roster.repo';

/** Rows listed in a report; the summary always counts them all. */
export const REPORT_ROWS = 500;

export type RowReport = {
  row: number;
  status: RowStatus;
  name: string;
  phoneMasked: string;
  idMasked: string;
  volunteerNumber: string | null;
  matchedBy: 'id' | 'phone_name' | null;
  conflicts: Conflict[];
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
  summary: RosterSummary;
  rows: RowReport[];
  truncated: boolean;
  result: { created: number; joined: number; updated: number } | null;
};

export type RosterInput = {
  team: TeamRow;
  buffer: Buffer;
  mapping: Partial<RosterMapping> | null;
  decisions: Record<string, Decision>;
  cipher: FieldCipher;
  now: Date;
};

/** Staff with volunteer.manage or team.manage on the team's unit may import into it. */
export function canImportInto(p: Principal, team: { unitCode: string }): boolean {
  return can(p, 'volunteer.manage', team.unitCode) || can(p, 'team.manage', team.unitCode);
}

export async function teamForImport(db: DbOrTx, principal: Principal, teamId: string): Promise<TeamRow> {
  const team = await findTeam(db, teamId);
  if (!team) throw notFound('志愿服务队');
  if (!canImportInto(principal, team)) throw new AppError('forbidden');
  if (team.status !== 'active') throw new AppError('conflict', '该志愿服务队已解散，不能导入名册');
  return team;
}

export async function importableTeams(db: DbOrTx, principal: Principal, q: string | undefined, limit: number) {
  const codes = [...new Set([...scopeCodes(principal, 'volunteer.manage'), ...scopeCodes(principal, 'team.manage')])];
  return teamsIn(db, codes, q, limit);
}

const PRIORITY: Record<RowStatus, number> = { error: 0, new: 2, match: 2, member: 3 };

function present(rows: PlannedRow[], decisions: Record<string, Decision>): { rows: RowReport[]; truncated: boolean } {
  // Errors first, then rows awaiting a decision, then the rest, each in file order; capped for big files.
  const rank = (r: PlannedRow) => (r.status !== 'error' && r.conflicts.length ? 1 : PRIORITY[r.status]);
  const shown = [...rows].sort((a, b) => rank(a) - rank(b) || a.checked.row - b.checked.row).slice(0, REPORT_ROWS);
  return {
    truncated: rows.length > shown.length,
    rows: shown.map((r) => ({
      row: r.checked.row,
      status: r.status,
      name: r.checked.name.slice(0, 50),
      phoneMasked: maskPhone(r.checked.phone),
      idMasked: r.checked.idMasked,
      volunteerNumber: r.existing?.number ?? null,
      matchedBy: r.matchedBy,
      conflicts: r.conflicts,
      decision: r.conflicts.length && r.status !== 'error' ? (decisions[String(r.checked.row)] ?? 'keep') : null,
      errors: r.errors,
    })),
  };
}

/** Parses, maps and checks the file (CPU only: runs before any transaction is opened). */
async function prepare(db: DbOrTx, input: RosterInput) {
  const file: RosterFile = await readRosterFile(input.buffer);
  const remembered = parseStoredMapping(await rememberedMapping(db, input.team.unitId));
  const { mapping, source } = resolveMapping(file.headers, input.mapping, remembered);
  const problems = mappingProblems(mapping);
  if (problems.length === 0 && file.rows.length === 0) problems.push({ field: 'file', message: '文件中只有表头，没有数据行' });
  const checked = problems.length ? [] : checkRows(file, mapping, input.cipher, input.now);
  return { file, mapping, source, problems, checked };
}

async function build(db: DbOrTx, input: RosterInput, prepared: Awaited<ReturnType<typeof prepare>>) {
  const plan = await planRoster(db, input.team, prepared.checked, prepared.mapping.station);
  const summary = summarize(plan.rows);
  const shown = present(plan.rows, input.decisions);
  const report: RosterReport = {
    ok: prepared.problems.length === 0 && summary.error === 0,
    committed: false,
    team: { id: input.team.id, name: input.team.name, unitName: input.team.unitName },
    file: { format: prepared.file.format, sheet: prepared.file.sheet, headerRow: prepared.file.headerRow, headers: prepared.file.headers, emptyRowsSkipped: prepared.file.emptyRowsSkipped },
    mapping: prepared.mapping,
    mappingSource: prepared.source,
    problems: prepared.problems,
    summary,
    ...shown,
    result: null,
  };
  return { plan, report };
}

export async function previewRoster(db: DbOrTx, input: RosterInput): Promise<RosterReport> {
  const prepared = await prepare(db, input);
  return (await build(db, input, prepared)).report;
}

function rejected(report: RosterReport): AppError {
  const n = report.summary.error;
  const why = report.problems.length ? report.problems.map((p) => p.message).join('；') : `有 ${n} 行错误`;
  return new AppError('import_rejected', `名册${why}，未写入任何数据`, report);
}

export async function commitRoster(db: Db, input: RosterInput & { actor: AuditActor }): Promise<RosterReport> {
  const prepared = await prepare(db, input);
  const { team, now, cipher } = input;
  try {
    return await db.transaction(async (tx) => {
      const { plan, report } = await build(tx, input, prepared);
      if (!report.ok) throw rejected(report);
      const take = (r: PlannedRow) => r.conflicts.length > 0 && input.decisions[String(r.checked.row)] === 'take';

      const fresh = plan.rows.filter((r) => r.status === 'new');
      const created = await insertVolunteersWithMembership(
        tx,
        fresh.map((r) => ({
          ...storedIdentity(cipher, r.checked.idNumber),
          name: r.checked.name,
          phone: r.checked.phone,
          skills: r.checked.skills,
          homeUnitId: r.home.id,
          homeUnitCode: r.home.code,
        })),
        { teamId: team.id, accountId: input.actor.id, now },
      );
      const joined = await activateMemberships(tx, {
        teamId: team.id,
        volunteerIds: plan.rows.filter((r) => r.status === 'match').map((r) => r.existing!.id),
        accountId: input.actor.id,
        now,
      });

      const chosen = plan.rows.filter((r) => r.existing && take(r));
      const has = (r: PlannedRow, f: Conflict['field']) => r.conflicts.some((c) => c.field === f);
      await updateNamesAndPhones(
        tx,
        chosen.filter((r) => has(r, 'name') || has(r, 'phone')).map((r) => ({
          id: r.existing!.id,
          name: has(r, 'name') ? r.checked.name : null,
          phone: has(r, 'phone') ? r.checked.phone : null,
        })),
        now,
      );
      const identity = (r: PlannedRow) => ({ id: r.existing!.id, ...storedIdentity(cipher, r.checked.idNumber) });
      // Matched by phone + name: a record without an ID number gets the roster's; a differing one only by decision.
      await setIdentities(tx, plan.rows.filter((r) => r.matchedBy === 'phone_name' && !r.existing!.idHash).map(identity), now, false);
      await setIdentities(tx, chosen.filter((r) => has(r, 'idNumber')).map(identity), now, true);

      await rememberMapping(tx, team.unitId, JSON.stringify(prepared.mapping), now);
      const result = { created, joined, updated: chosen.length };
      await audit(tx, input.actor, {
        action: 'roster.imported',
        objectType: 'team',
        objectId: team.id,
        unitCode: team.unitCode,
        details: { format: prepared.file.format, summary: report.summary, result },
      });
      return { ...report, committed: true, result };
    });
  } catch (e) {
    // Someone registered one of these ID numbers between our look-up and the insert.
    if (String((e as { code?: string; cause?: { code?: string } }).cause?.code ?? (e as { code?: string }).code) === '23505') {
      throw new AppError('conflict', '导入期间有志愿者被同时登记，请重新预览后再导入');
    }
    throw e;
  }
}
