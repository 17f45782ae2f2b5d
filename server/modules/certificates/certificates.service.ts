// Rules for service record certificates (志愿服务记录证明, 民政部《志愿服务记录与证明出具办法》). A volunteer asks
// for one for a period (or staff ask on their behalf); the volunteer's home unit decides (certificate.issue over
// its code). Issuing freezes a snapshot of the approved records of the period, gives it a number and a signature
// and freezes those records against corrections; revoking keeps the snapshot, marks it, and thaws the records no
// other issued certificate covers. Verification needs no sign-in and shows masked personal data only.
import type { Db, DbOrTx } from '../../db/client';
import { certificates, type CertificateSnapshot, type CertificateStatus } from '../../db/schema/certificates';
import { AppError, fieldError, notFound } from '../../platform/errors';
import { assertCan, scopeCondition, type Principal } from '../../platform/policy';
import { audit, type AuditActor } from '../../platform/audit';
import { decodeCursor, pageOf } from '../../platform/pagination';
import type { Notifier } from '../../platform/notify';
import { findUnit } from '../network/units.repo';
import { addDays, fromLocal, localParts } from '../activities/activity-time';
import * as repo from './certificates.repo';
import { certificateNumber, parseVerificationCode, type CertificateSigner } from './certificate-codes';

/** More records than this in one period: ask for shorter periods (the PDF would run to hundreds of pages). */
export const MAX_RECORDS = 2_000;
const ID_TYPE = '居民身份证';

export type CertificateCtx = { db: Db; signer: CertificateSigner; notify: Notifier; publicBaseUrl: string };
type Staff = { principal: Principal; actor: AuditActor; now: Date };

function periodBounds(from: string, to: string, now: Date): { from: Date; toNext: Date } {
  if (from > to) throw fieldError('to', '结束日期不能早于开始日期');
  if (to > localParts(now).date) throw fieldError('to', '结束日期不能晚于今天');
  return { from: fromLocal(from), toNext: fromLocal(addDays(to, 1)) };
}

async function loadCertificate(db: DbOrTx, id: string): Promise<repo.CertificateJoined> {
  const c = await repo.findCertificate(db, id);
  if (!c) throw notFound('该证明');
  return c;
}

async function requestable(db: DbOrTx, volunteerId: string): Promise<repo.VolunteerFacts & { homeUnitId: string }> {
  const v = await repo.findVolunteer(db, volunteerId);
  if (!v) throw notFound('该志愿者');
  if (v.mergedInto || v.erasedAt) throw new AppError('conflict', '该志愿者档案已合并或注销，不能申请证明');
  if (!v.homeUnitId) throw new AppError('conflict', '该志愿者尚未设置所属实践站，无法确定出具单位');
  return v as repo.VolunteerFacts & { homeUnitId: string };
}

/**
 * A request for the period [from, to] (local dates). By the volunteer (`staff` absent) or by staff with
 * certificate.issue over the volunteer's home unit. One open request per volunteer and period.
 */
export async function requestCertificate(
  db: Db,
  o: { volunteerId: string; from: string; to: string; purpose: string; requestedBy: string; now: Date; staff?: Staff },
): Promise<string> {
  periodBounds(o.from, o.to, o.now);
  return db.transaction(async (tx) => {
    const v = await requestable(tx, o.volunteerId);
    if (o.staff) assertCan(o.staff.principal, 'certificate.issue', v.homeUnitCode);
    if (await repo.openRequestFor(tx, v.id, o.from, o.to)) throw new AppError('conflict', '该时段已有待审核的证明申请');
    const id = await repo.insertCertificate(tx, {
      volunteerId: v.id,
      periodFrom: o.from,
      periodTo: o.to,
      status: 'requested',
      issuingUnitId: v.homeUnitId,
      issuingUnitCode: v.homeUnitCode,
      purpose: o.purpose,
      requestedBy: o.requestedBy,
      requestedAt: o.now,
    });
    if (o.staff) {
      await audit(tx, o.staff.actor, {
        action: 'certificate.requested',
        objectType: 'certificate',
        objectId: id,
        unitCode: v.homeUnitCode,
        details: { volunteerId: v.id, from: o.from, to: o.to },
      });
    }
    return id;
  });
}

export async function certificateById(db: DbOrTx, id: string): Promise<repo.CertificateJoined> {
  return loadCertificate(db, id);
}

export async function listRegister(
  db: DbOrTx,
  o: { principal: Principal; status?: CertificateStatus; unit?: string; q?: string; cursor?: string; limit: number },
) {
  const filter = await registerFilter(db, o);
  const after = decodeCursor(o.cursor, ['timestamp', 'uuid']) as [string, string] | null;
  const rows = await repo.listCertificates(db, { ...filter, after, limit: o.limit });
  return pageOf(rows, o.limit, (r) => [r.requestedAt.toISOString(), r.id]);
}

export async function registerFilter(db: DbOrTx, o: { principal: Principal; status?: CertificateStatus; unit?: string; q?: string }): Promise<repo.RegisterFilter> {
  let underCode: string | undefined;
  if (o.unit) {
    const unit = await findUnit(db, o.unit);
    if (!unit) throw fieldError('unit', '单位不存在');
    assertCan(o.principal, 'certificate.issue', unit.code);
    underCode = unit.code;
  }
  return { scope: scopeCondition(o.principal, 'certificate.issue', certificates.issuingUnitCode), underCode, status: o.status, q: o.q };
}

export async function myCertificates(db: DbOrTx, volunteerId: string): Promise<repo.CertificateJoined[]> {
  const rows = await repo.listCertificates(db, { volunteerId, after: null, limit: 200 });
  return rows.slice(0, 200);
}

function snapshotOf(
  v: repo.VolunteerFacts,
  records: repo.CoveredRecord[],
  people: { issuer: string; personInCharge: string; handler: string; handlerPhone: string },
): CertificateSnapshot {
  const items = records.map((r) => ({ date: localParts(r.startedAt).date, title: r.title, unitName: r.unitName, minutes: r.minutes }));
  return {
    name: v.name,
    idType: v.idMasked ? ID_TYPE : '',
    idMasked: v.idMasked,
    volunteerNumber: v.number,
    totalMinutes: items.reduce((s, i) => s + i.minutes, 0),
    items,
    ...people,
  };
}

async function coveredRecords(db: DbOrTx, c: repo.CertificateRow, lock: boolean): Promise<repo.CoveredRecord[]> {
  const records = await repo.approvedRecords(db, {
    volunteerId: c.volunteerId,
    from: fromLocal(c.periodFrom),
    toNext: fromLocal(addDays(c.periodTo, 1)),
    lock,
    limit: MAX_RECORDS,
  });
  if (records.length > MAX_RECORDS) throw fieldError('periodTo', `该时段内的服务记录超过 ${MAX_RECORDS} 条，请分段申请`);
  return records;
}

/** The certificate and what it says: the frozen snapshot once issued, a preview of it while requested. */
export async function certificateDetail(db: DbOrTx, o: { principal: Principal; id: string }) {
  const c = await loadCertificate(db, o.id);
  assertCan(o.principal, 'certificate.issue', c.issuingUnitCode);
  if (c.snapshot) return { certificate: c, snapshot: c.snapshot };
  if (c.status !== 'requested') return { certificate: c, snapshot: null };
  const [v, unit] = await Promise.all([repo.findVolunteer(db, c.volunteerId), repo.findUnitFacts(db, c.issuingUnitId)]);
  if (!v || !unit) return { certificate: c, snapshot: null };
  const records = await repo.approvedRecords(db, { volunteerId: c.volunteerId, from: fromLocal(c.periodFrom), toNext: fromLocal(addDays(c.periodTo, 1)), limit: MAX_RECORDS });
  return { certificate: c, snapshot: snapshotOf(v, records.slice(0, MAX_RECORDS), { issuer: unit.name, personInCharge: '', handler: '', handlerPhone: '' }) };
}

async function decide(db: DbOrTx, s: Staff, id: string, wanted: CertificateStatus, verb: string): Promise<repo.CertificateJoined> {
  await repo.lockCertificate(db, id);
  const c = await loadCertificate(db, id);
  assertCan(s.principal, 'certificate.issue', c.issuingUnitCode);
  if (c.status !== wanted) throw new AppError('conflict', `该证明当前状态不能${verb}`);
  return c;
}

export async function issueCertificate(
  ctx: CertificateCtx,
  o: Staff & { id: string; personInCharge: string; handler?: string; handlerPhone?: string },
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const c = await decide(tx, o, o.id, 'requested', '开具');
    const v = await repo.findVolunteer(tx, c.volunteerId);
    const unit = await repo.findUnitFacts(tx, c.issuingUnitId);
    if (!v || !unit) throw notFound('该证明的志愿者或出具单位');
    const records = await coveredRecords(tx, c, true);
    if (records.length === 0) throw fieldError('periodTo', '该时段内没有已审核通过的服务记录，不能开具证明');
    const snapshot = snapshotOf(v, records, {
      issuer: unit.name,
      personInCharge: o.personInCharge,
      handler: o.handler || o.principal.name,
      handlerPhone: o.handlerPhone || unit.contactPhone || o.principal.phone,
    });
    // Milliseconds only, so the instant signed is the instant stored and read back.
    const issuedAt = new Date(Math.floor(o.now.getTime()));
    const number = certificateNumber(Number(localParts(issuedAt).date.slice(0, 4)), await repo.nextNumber(tx));
    const signature = ctx.signer.sign({ number, volunteerNumber: snapshot.volunteerNumber, totalMinutes: snapshot.totalMinutes, periodFrom: c.periodFrom, periodTo: c.periodTo, issuedAt });
    await repo.updateCertificate(tx, c.id, { status: 'issued', number, issuedAt, snapshot, signature, decidedBy: o.principal.accountId, decidedAt: o.now });
    await repo.freezeRecords(tx, c.id, records.map((r) => r.id));
    await audit(tx, o.actor, {
      action: 'certificate.issued',
      objectType: 'certificate',
      objectId: c.id,
      unitCode: c.issuingUnitCode,
      details: { number, totalMinutes: snapshot.totalMinutes, records: records.length },
    });
    await ctx.notify.notify(tx, {
      volunteerId: c.volunteerId,
      phone: v.phone || null,
      purpose: 'certificate:issued',
      title: '志愿服务记录证明已开具',
      text: `您申请的志愿服务记录证明（${c.periodFrom} 至 ${c.periodTo}）已开具，编号 ${number}，可在“我的证明”中下载。`,
      link: '/m/me/certificates',
      unitCode: c.issuingUnitCode,
    });
  });
}

export async function rejectCertificate(ctx: CertificateCtx, o: Staff & { id: string; reason: string }): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const c = await decide(tx, o, o.id, 'requested', '驳回');
    await repo.updateCertificate(tx, c.id, { status: 'rejected', rejectReason: o.reason, decidedBy: o.principal.accountId, decidedAt: o.now });
    await audit(tx, o.actor, { action: 'certificate.rejected', objectType: 'certificate', objectId: c.id, unitCode: c.issuingUnitCode, details: { reason: o.reason } });
    await ctx.notify.notify(tx, {
      volunteerId: c.volunteerId,
      purpose: 'certificate:rejected',
      title: '志愿服务记录证明申请未通过',
      text: `您申请的志愿服务记录证明（${c.periodFrom} 至 ${c.periodTo}）未通过：${o.reason}`,
      link: '/m/me/certificates',
      unitCode: c.issuingUnitCode,
    });
  });
}

export async function revokeCertificate(ctx: CertificateCtx, o: Staff & { id: string; reason: string }): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const c = await decide(tx, o, o.id, 'issued', '撤销');
    await repo.updateCertificate(tx, c.id, { status: 'revoked', revokedAt: o.now, revokedBy: o.principal.accountId, revokeReason: o.reason });
    const thawed = await repo.thawRecords(tx, c.id);
    await audit(tx, o.actor, {
      action: 'certificate.revoked',
      objectType: 'certificate',
      objectId: c.id,
      unitCode: c.issuingUnitCode,
      details: { number: c.number, reason: o.reason, recordsThawed: thawed },
    });
    await ctx.notify.notify(tx, {
      volunteerId: c.volunteerId,
      purpose: 'certificate:revoked',
      title: '志愿服务记录证明已撤销',
      text: `您的志愿服务记录证明 ${c.number} 已被出具单位撤销：${o.reason}`,
      link: '/m/me/certificates',
      unitCode: c.issuingUnitCode,
    });
  });
}

export type PrintableCertificate = repo.CertificateJoined & { number: string; signature: string; issuedAt: Date; snapshot: CertificateSnapshot };

function printable(c: repo.CertificateJoined): PrintableCertificate {
  if ((c.status !== 'issued' && c.status !== 'revoked') || !c.number || !c.signature || !c.issuedAt || !c.snapshot) {
    throw new AppError('conflict', '该证明尚未开具，没有可下载的文件');
  }
  return c as PrintableCertificate;
}

/** For the PDF, by staff of the issuing unit's scope. */
export async function printableForStaff(db: DbOrTx, o: { principal: Principal; id: string }): Promise<PrintableCertificate> {
  const c = await loadCertificate(db, o.id);
  assertCan(o.principal, 'certificate.issue', c.issuingUnitCode);
  return printable(c);
}

/** For the PDF, by the volunteer it is about (anyone else's is "not found"). */
export async function printableForVolunteer(db: DbOrTx, o: { volunteerId: string; id: string }): Promise<PrintableCertificate> {
  const c = await repo.findCertificate(db, o.id);
  if (!c || c.volunteerId !== o.volunteerId) throw notFound('该证明');
  return printable(c);
}

/** Public check of a printed code: valid only for a known number whose stored facts still match the signature. */
export async function verifyCode(ctx: Pick<CertificateCtx, 'db' | 'signer'>, code: string): Promise<PrintableCertificate | null> {
  const parsed = parseVerificationCode(code);
  if (!parsed) return null;
  const c = await repo.findByNumber(ctx.db, parsed.number);
  if (!c || (c.status !== 'issued' && c.status !== 'revoked') || !c.snapshot || !c.issuedAt) return null;
  const facts = {
    number: parsed.number,
    volunteerNumber: c.snapshot.volunteerNumber,
    totalMinutes: c.snapshot.totalMinutes,
    periodFrom: c.periodFrom,
    periodTo: c.periodTo,
    issuedAt: c.issuedAt,
  };
  return ctx.signer.verify(facts, parsed.signature) ? (c as PrintableCertificate) : null;
}
