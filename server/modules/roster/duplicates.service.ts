// The de-duplication report (查重) and the merge (合并). The report lists groups of live volunteers in the
// caller's scope that share a phone, or a name and birth date. A merge keeps one record and folds the other into
// it: memberships, enrolments, qualifications, consents and any later records move over; empty fields of the
// kept record are filled; the merged record keeps its number but loses its personal fields (its ID hash must go
// so the kept record can hold it). One transaction, audited.
import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import { AppError, fieldError, notFound } from '../../platform/errors';
import { audit, type AuditActor } from '../../platform/audit';
import { assertCan, scopeCondition, type Principal } from '../../platform/policy';
import { decodeCursor, pageOf } from '../../platform/pagination';
import { maskPhone } from '../../../common/mask';
import {
  duplicateKeys,
  fillKept,
  groupMembers,
  markMerged,
  moveAll,
  moveEnrolments,
  moveMemberships,
  moveOtherReferences,
  movePhoto,
  settleParticipation,
  volunteersForMerge,
  type GroupKey,
  type MemberRow,
} from './duplicates.repo';

const MAX_MEMBERS = 20;

export function presentMember(m: MemberRow) {
  return {
    id: m.id,
    number: m.number,
    name: m.name,
    phoneMasked: maskPhone(m.phone),
    idMasked: m.idMasked,
    gender: m.gender,
    birthDate: m.birthDate,
    homeUnit: m.homeUnitId ? { id: m.homeUnitId, code: m.homeUnitCode, name: m.homeUnitName ?? '' } : null,
    status: m.status,
    source: m.source,
    teams: Number(m.teams),
    hasAccount: !!m.accountId,
    createdAt: new Date(m.createdAt).toISOString(),
  };
}

export async function listDuplicates(db: DbOrTx, opts: { principal: Principal; cursor?: string; limit: number }) {
  const after = decodeCursor(opts.cursor, 2) as [string, string] | null;
  if (after && after[0] !== 'phone' && after[0] !== 'name_birth') throw fieldError('querystring.cursor', '无效的分页游标');
  const scope = scopeCondition(opts.principal, 'volunteer.manage', sql`v.home_unit_code`);
  const keys = await duplicateKeys(db, scope, after ? { reason: after[0] as GroupKey['reason'], key: after[1] } : null, opts.limit + 1);
  const page = pageOf(keys, opts.limit, (k) => [k.reason, k.key]);
  const phones = page.items.filter((k) => k.reason === 'phone').map((k) => k.key);
  const pairs = page.items.filter((k) => k.reason === 'name_birth').map((k) => JSON.parse(k.key) as [string, string]);
  const members = await groupMembers(db, scope, phones, pairs);
  const items = page.items.map((k) => {
    if (k.reason === 'phone') {
      return { reason: k.reason, key: maskPhone(k.key), members: members.filter((m) => m.phone === k.key) };
    }
    const [name, birth] = JSON.parse(k.key) as [string, string];
    return { reason: k.reason, key: `${name} · ${birth}`, members: members.filter((m) => m.name === name && m.birthDate === birth) };
  });
  return {
    items: items.map((g) => ({ ...g, members: g.members.slice(0, MAX_MEMBERS).map(presentMember) })),
    nextCursor: page.nextCursor,
  };
}

type MergeRow = Awaited<ReturnType<typeof volunteersForMerge>>[number];

export async function mergeVolunteers(db: Db, opts: { principal: Principal; actor: AuditActor; keepId: string; mergeId: string; now: Date }) {
  if (opts.keepId === opts.mergeId) throw fieldError('mergeId', '要合并的记录不能与保留的记录相同');
  try {
    return await db.transaction(async (tx) => {
      const rows = await volunteersForMerge(tx, [opts.keepId, opts.mergeId]);
      const keep = rows.find((r) => r.id === opts.keepId) as MergeRow | undefined;
      const merge = rows.find((r) => r.id === opts.mergeId) as MergeRow | undefined;
      if (!keep || !merge || keep.mergedInto || merge.mergedInto || keep.erasedAt || merge.erasedAt) throw notFound('志愿者');
      // Both records must lie in the staff member's scope: a merge changes both.
      assertCan(opts.principal, 'volunteer.manage', keep.homeUnitCode);
      assertCan(opts.principal, 'volunteer.manage', merge.homeUnitCode);

      await settleParticipation(tx, keep.id, merge.id, opts.now);
      const moved = {
        memberships: await moveMemberships(tx, keep.id, merge.id),
        enrolments: await moveEnrolments(tx, keep.id, merge.id),
        qualifications: await moveAll(tx, 'qualifications', keep.id, merge.id),
        consents: await moveAll(tx, 'consents', keep.id, merge.id),
        other: await moveOtherReferences(tx, keep.id, merge.id),
      };
      await movePhoto(tx, keep.id, merge.id);
      // The merged record gives up its unique fields (ID hash, account) before the kept one takes them.
      await markMerged(tx, merge.id, keep.id, opts.now);
      const takeId = !keep.idHash && !!merge.idHash;
      const emptyAvailability = (a: unknown) => !a || ((a as { days?: unknown[] }).days?.length ?? 0) + ((a as { slots?: unknown[] }).slots?.length ?? 0) === 0;
      await fillKept(
        tx,
        keep.id,
        {
          phone: keep.phone || merge.phone,
          idCipher: takeId ? (merge.idCipher as string) : (keep.idCipher as string | null),
          idHash: takeId ? merge.idHash : keep.idHash,
          idMasked: takeId ? merge.idMasked : keep.idMasked,
          gender: keep.gender ?? merge.gender,
          birthDate: keep.birthDate ?? merge.birthDate,
          skills: [...new Set([...((keep.skills as string[]) ?? []), ...((merge.skills as string[]) ?? [])])],
          availability: emptyAvailability(keep.availability) ? merge.availability : keep.availability,
          homeUnitId: keep.homeUnitId ?? merge.homeUnitId,
          homeUnitCode: keep.homeUnitId ? keep.homeUnitCode : merge.homeUnitCode,
          guardianName: (keep.guardianName as string | null) ?? (merge.guardianName as string | null),
          guardianPhone: (keep.guardianPhone as string | null) ?? (merge.guardianPhone as string | null),
          guardianRelation: (keep.guardianRelation as string | null) ?? (merge.guardianRelation as string | null),
          accountId: keep.accountId ?? merge.accountId,
          // Totals of records that now all belong to the kept record.
          serviceMinutes: Number(keep.serviceMinutes) + Number(merge.serviceMinutes),
          starLevel: Math.max(Number(keep.starLevel), Number(merge.starLevel)),
          points: Number(keep.points) + Number(merge.points),
        },
        opts.now,
      );
      await audit(tx, opts.actor, {
        action: 'volunteer.merged',
        objectType: 'volunteer',
        objectId: keep.id,
        unitCode: keep.homeUnitCode,
        details: { keptNumber: keep.number, mergedId: merge.id, mergedNumber: merge.number, moved },
      });
      const [kept] = await volunteersForMerge(tx, [keep.id, keep.id]);
      return { kept: presentMember(kept), mergedNumber: merge.number, moved };
    });
  } catch (e) {
    if (String((e as { cause?: { code?: string } }).cause?.code ?? (e as { code?: string }).code) === '23505') {
      throw new AppError('conflict', '两条记录有无法合并的重复数据，未做任何更改');
    }
    throw e;
  }
}
