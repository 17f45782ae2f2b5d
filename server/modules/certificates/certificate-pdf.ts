// The printable certificate (志愿服务记录证明): A4 portrait with every field the national rule asks for (name, ID
// type and masked number, volunteer number, hours and what was done, issuing organization, person in charge,
// handler with contact, number, date), the records as a table over as many pages as needed, a QR code of the
// public verification URL and, once revoked, a 已撤销 mark on every page. Pure rendering: callers load the data
// first and never render inside a transaction.
import type { CertificateSnapshot } from '../../db/schema/certificates';
import { cjkFont } from '../../platform/pdf-fonts';
import { localParts } from '../activities/activity-time';

const loadPdfKit = async () => (await import('pdfkit')).default;
const loadQr = async () => (await import('qrcode')).default;

export type CertificatePdfInput = {
  number: string;
  status: 'issued' | 'revoked';
  periodFrom: string;
  periodTo: string;
  issuedAt: Date;
  revokedAt: Date | null;
  revokeReason: string | null;
  snapshot: CertificateSnapshot;
  verifyUrl: string;
};

const PAGE = { width: 595.28, height: 841.89 };
const M = 50;
const WIDTH = PAGE.width - 2 * M;
const RED = '#c8161d';
const INK = '#1f1f1f';
const GREY = '#8c8c8c';
const LINE = '#bfbfbf';
const ROW_H = 18;
const FOOTER_Y = PAGE.height - 36;
const SIGN_OFF_H = 150;

export function hoursText(minutes: number): string {
  return (minutes / 60).toFixed(2).replace(/\.?0+$/, '');
}

function chineseDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${y}年${m}月${d}日`;
}

export async function certificatePdf(o: CertificatePdfInput): Promise<Buffer> {
  const [PDFDocument, QRCode] = await Promise.all([loadPdfKit(), loadQr()]);
  const qr = await QRCode.toBuffer(o.verifyUrl, { errorCorrectionLevel: 'M', margin: 1, type: 'png', width: 360 });
  const s = o.snapshot;
  return new Promise((resolve, reject) => {
    // margin 0: every position is set explicitly, so pdfkit never starts a page on its own.
    const doc = new PDFDocument({
      size: 'A4',
      margin: 0,
      bufferPages: true,
      info: { Title: `志愿服务记录证明 ${o.number}`, Author: s.issuer, Subject: o.verifyUrl, Keywords: o.status, Creator: 'Wenming 文明实践云' },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.registerFont('cjk', cjkFont());
    doc.font('cjk');

    let y = drawHead(doc, o);
    y = drawRecords(doc, s, y);
    if (y + SIGN_OFF_H > FOOTER_Y - 10) {
      doc.addPage({ size: 'A4', margin: 0 }).font('cjk');
      y = M;
    }
    drawSignOff(doc, o, qr, y + 16);
    finishPages(doc, o);
    doc.end();
  });
}

function drawHead(doc: PDFKit.PDFDocument, o: CertificatePdfInput): number {
  const s = o.snapshot;
  doc.fillColor(GREY).fontSize(9).text('文明实践云', M, 28, { width: WIDTH / 2, lineBreak: false });
  doc.text(`证明编号：${o.number}`, M + WIDTH / 2, 28, { width: WIDTH / 2, align: 'right', lineBreak: false });
  doc.fillColor(RED).fontSize(24).text('志愿服务记录证明', M, 62, { width: WIDTH, align: 'center', lineBreak: false });
  let y = 104;
  if (o.status === 'revoked') {
    const when = o.revokedAt ? chineseDate(localParts(o.revokedAt).date) : '';
    doc.fillColor(RED).fontSize(11).text(`本证明已于${when}撤销，不再有效。撤销原因：${o.revokeReason ?? ''}`, M, y, { width: WIDTH, align: 'center' });
    y = doc.y + 8;
  }

  // The identity block as a ruled grid: label | value | label | value.
  const rows: [string, string, string, string][] = [
    ['姓名', s.name, '志愿者编号', s.volunteerNumber],
    ['证件类型', s.idType || '未登记', '证件号码', s.idMasked || '未登记'],
    ['服务时段', `${o.periodFrom} 至 ${o.periodTo}`, '累计服务时长', `${hoursText(s.totalMinutes)} 小时（${s.totalMinutes} 分钟）`],
  ];
  const cols = [70, WIDTH / 2 - 70, 80, WIDTH / 2 - 80];
  const h = 24;
  for (const row of rows) {
    let x = M;
    row.forEach((text, i) => {
      if (i % 2 === 0) doc.rect(x, y, cols[i], h).fill('#fafafa');
      doc.lineWidth(0.5).rect(x, y, cols[i], h).stroke(LINE);
      doc.fillColor(INK).fontSize(10.5).text(text, x + 6, y + 6, { width: cols[i] - 12, height: h - 6, lineBreak: false, ellipsis: true });
      x += cols[i];
    });
    y += h;
  }
  y += 14;
  doc
    .fillColor(INK)
    .fontSize(11.5)
    .text(
      `兹证明 ${s.name}（志愿者编号 ${s.volunteerNumber}）于 ${chineseDate(o.periodFrom)} 至 ${chineseDate(o.periodTo)} 期间参加志愿服务 ${s.items.length} 次，` +
        `经记录单位审核，累计服务时长 ${hoursText(s.totalMinutes)} 小时。服务记录如下：`,
      M,
      y,
      { width: WIDTH, lineGap: 4 },
    );
  return doc.y + 10;
}

const TABLE = [
  { h: '序号', w: 34, align: 'center' as const },
  { h: '日期', w: 76, align: 'left' as const },
  { h: '服务内容', w: 195, align: 'left' as const },
  { h: '组织单位', w: 120, align: 'left' as const },
  { h: '时长（小时）', w: WIDTH - 425, align: 'right' as const },
];

function tableHeader(doc: PDFKit.PDFDocument, y: number): number {
  doc.rect(M, y, WIDTH, ROW_H).fill('#f0f0f0');
  let x = M;
  for (const c of TABLE) {
    doc.fillColor(INK).fontSize(9.5).text(c.h, x + 4, y + 4, { width: c.w - 8, align: c.align, lineBreak: false });
    x += c.w;
  }
  return y + ROW_H;
}

function drawRecords(doc: PDFKit.PDFDocument, s: CertificateSnapshot, top: number): number {
  let y = tableHeader(doc, top);
  const cells = (values: string[], bold = false) => {
    let x = M;
    values.forEach((v, i) => {
      doc.fillColor(bold ? RED : INK).fontSize(9).text(v, x + 4, y + 4.5, { width: TABLE[i].w - 8, height: ROW_H, align: TABLE[i].align, lineBreak: false, ellipsis: true });
      x += TABLE[i].w;
    });
    doc.moveTo(M, y + ROW_H).lineTo(M + WIDTH, y + ROW_H).lineWidth(0.3).stroke('#d9d9d9');
    y += ROW_H;
  };
  s.items.forEach((item, i) => {
    if (y + ROW_H > FOOTER_Y - 10) {
      doc.addPage({ size: 'A4', margin: 0 }).font('cjk');
      y = tableHeader(doc, M);
    }
    cells([String(i + 1), item.date, item.title, item.unitName, hoursText(item.minutes)]);
  });
  if (y + ROW_H > FOOTER_Y - 10) {
    doc.addPage({ size: 'A4', margin: 0 }).font('cjk');
    y = M;
  }
  cells(['', '合计', `${s.items.length} 次`, '', hoursText(s.totalMinutes)], true);
  return y;
}

function drawSignOff(doc: PDFKit.PDFDocument, o: CertificatePdfInput, qr: Buffer, top: number): void {
  const s = o.snapshot;
  const left = WIDTH - 130;
  const lines = [
    `出具单位（盖章）：${s.issuer}`,
    `负责人：${s.personInCharge}`,
    `经办人：${s.handler}    联系电话：${s.handlerPhone || '—'}`,
    `出具日期：${chineseDate(localParts(o.issuedAt).date)}`,
  ];
  lines.forEach((l, i) => doc.fillColor(INK).fontSize(11).text(l, M, top + i * 24, { width: left - 10, height: 22, lineBreak: false, ellipsis: true }));
  doc.image(qr, M + left + 15, top - 4, { width: 100, height: 100 });
  doc.fillColor(GREY).fontSize(8.5).text('扫码核验本证明真伪', M + left, top + 100, { width: 130, align: 'center', lineBreak: false });
  doc
    .fillColor(GREY)
    .fontSize(8)
    .text(
      `本证明依据民政部《志愿服务记录与证明出具办法（试行）》出具，免费提供；证件号码已作隐藏处理。核验地址：${o.verifyUrl}`,
      M,
      top + 122,
      { width: WIDTH, lineGap: 2 },
    );
}

/** Page numbers on every page and, for a revoked certificate, the 已撤销 mark across each page. */
function finishPages(doc: PDFKit.PDFDocument, o: CertificatePdfInput): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.fillColor(GREY).fontSize(8).text(`证明编号 ${o.number} · 第 ${i - range.start + 1} 页 / 共 ${range.count} 页`, M, FOOTER_Y, { width: WIDTH, align: 'center', lineBreak: false });
    if (o.status === 'revoked') {
      const cx = PAGE.width / 2;
      const cy = PAGE.height / 2;
      doc.save();
      doc.rotate(-30, { origin: [cx, cy] });
      doc.opacity(0.22);
      doc.lineWidth(6).roundedRect(cx - 190, cy - 70, 380, 140, 16).stroke(RED);
      doc.fillColor(RED).fontSize(96).text('已撤销', cx - 190, cy - 62, { width: 380, align: 'center', lineBreak: false });
      doc.restore();
    }
  }
}
