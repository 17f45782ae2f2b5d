// The certificate register (证明台账) as .xlsx: the same filters and scope as the console list, read in keyset
// batches up to a row cap (the file says so when it stops there). No ID numbers: the register does not need them.
import type { DbOrTx } from '../../db/client';
import * as repo from './certificates.repo';
import { hoursText } from './certificate-pdf';

export const EXPORT_MAX_ROWS = 10_000;
const BATCH = 1_000;

const statusLabel: Record<string, string> = { requested: '待审核', issued: '已开具', rejected: '已驳回', revoked: '已撤销' };

const local = (d: Date | null) => (d ? new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : '');

export async function registerXlsx(db: DbOrTx, filter: repo.RegisterFilter): Promise<Buffer> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Wenming';
  const ws = wb.addWorksheet('证明台账', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: '证明编号', key: 'number', width: 16 },
    { header: '状态', key: 'status', width: 8 },
    { header: '志愿者编号', key: 'volunteerNumber', width: 14 },
    { header: '姓名', key: 'name', width: 10 },
    { header: '服务时段起', key: 'from', width: 12 },
    { header: '服务时段止', key: 'to', width: 12 },
    { header: '服务时长（小时）', key: 'hours', width: 14 },
    { header: '记录条数', key: 'records', width: 9 },
    { header: '用途', key: 'purpose', width: 20 },
    { header: '出具单位', key: 'issuer', width: 28 },
    { header: '申请时间', key: 'requestedAt', width: 17 },
    { header: '申请人', key: 'requestedBy', width: 10 },
    { header: '开具时间', key: 'issuedAt', width: 17 },
    { header: '驳回 / 撤销时间', key: 'closedAt', width: 17 },
    { header: '驳回 / 撤销原因', key: 'reason', width: 30 },
  ];
  ws.getRow(1).font = { bold: true };
  let after: [string, string] | null = null;
  let rows = 0;
  let truncated = false;
  for (;;) {
    const batch = await repo.listCertificates(db, { ...filter, after, limit: BATCH });
    const page = batch.slice(0, BATCH);
    for (const c of page) {
      if (rows >= EXPORT_MAX_ROWS) {
        truncated = true;
        break;
      }
      // Plain values only: exceljs writes a string starting with "=" as text, so no name runs as a formula.
      ws.addRow({
        number: c.number ?? '',
        status: statusLabel[c.status] ?? c.status,
        volunteerNumber: c.snapshot?.volunteerNumber ?? c.volunteerNumber,
        name: c.snapshot?.name ?? c.volunteerName,
        from: c.periodFrom,
        to: c.periodTo,
        hours: c.snapshot ? Number(hoursText(c.snapshot.totalMinutes)) : '',
        records: c.snapshot ? c.snapshot.items.length : '',
        purpose: c.purpose,
        issuer: c.issuingUnitName,
        requestedAt: local(c.requestedAt),
        requestedBy: c.requestedByName ?? '',
        issuedAt: local(c.issuedAt),
        closedAt: local(c.status === 'revoked' ? c.revokedAt : c.status === 'rejected' ? c.decidedAt : null),
        reason: c.status === 'revoked' ? (c.revokeReason ?? '') : c.status === 'rejected' ? (c.rejectReason ?? '') : '',
      });
      rows++;
    }
    if (truncated || batch.length <= BATCH) break;
    const last = page[page.length - 1];
    after = [last.requestedAt.toISOString(), last.id];
  }
  if (truncated) ws.addRow({ number: `仅导出前 ${EXPORT_MAX_ROWS} 条，请缩小筛选范围后分批导出` });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
