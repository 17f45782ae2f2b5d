// The plan as files: an .xlsx of a range's activities (with the coverage grid on a second sheet) and a printable
// A4 landscape monthly calendar (PDF, CJK font embedded). exceljs and pdfkit load on first use (start-up cost).
import { topicLabel } from '../../../common/activity-topics';
import { cjkFont } from '../../platform/pdf-fonts';
import type { ActivityListRow } from './coverage.repo';
import type { coverageReport } from './coverage.service';
import { shownStatus } from './coverage.service';

const loadExcel = async () => (await import('exceljs')).default;
const loadPdfKit = async () => (await import('pdfkit')).default;

export const statusLabels: Record<string, string> = {
  draft: '草稿',
  submitted: '待审核',
  published: '已发布',
  in_progress: '进行中',
  finished: '已结束',
  cancelled: '已取消',
};
const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];

/** Local (Asia/Shanghai, fixed UTC+8) date and time parts of an instant. */
export function localParts(t: Date | string): { date: string; time: string; weekday: number; day: number } {
  const d = new Date(new Date(t).getTime() + 8 * 3_600_000);
  const iso = d.toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16), weekday: (d.getUTCDay() + 6) % 7, day: d.getUTCDate() };
}

/** Station and institute names without the long common suffix, for tight calendar cells. */
export function shortUnitName(name: string): string {
  return name.replace(/新时代文明实践(站|所|中心)$/, '') || name;
}

type Report = Awaited<ReturnType<typeof coverageReport>>;

export async function planXlsx(o: { title: string; activities: ActivityListRow[]; report: Report; now: Date }): Promise<Buffer> {
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Wenming';
  wb.title = o.title;
  const plan = wb.addWorksheet('活动安排', { views: [{ state: 'frozen', ySplit: 1 }] });
  plan.columns = [
    { header: '日期', key: 'date', width: 12 },
    { header: '星期', key: 'weekday', width: 6 },
    { header: '开始', key: 'start', width: 7 },
    { header: '结束', key: 'end', width: 7 },
    { header: '单位编码', key: 'unitCode', width: 15 },
    { header: '单位', key: 'unitName', width: 30 },
    { header: '活动名称', key: 'title', width: 36 },
    { header: '主题类别', key: 'topic', width: 18 },
    { header: '品牌', key: 'brands', width: 16 },
    { header: '月度主题', key: 'theme', width: 22 },
    { header: '地点', key: 'place', width: 30 },
    { header: '志愿服务队', key: 'team', width: 22 },
    { header: '志愿者名额', key: 'slots', width: 10 },
    { header: '群众名额', key: 'places', width: 10 },
    { header: '状态', key: 'status', width: 8 },
  ];
  plan.getRow(1).font = { bold: true };
  for (const a of o.activities) {
    const s = localParts(a.startsAt);
    const e = localParts(a.endsAt);
    plan.addRow({
      date: s.date,
      weekday: `周${WEEKDAYS[s.weekday]}`,
      start: s.time,
      end: e.date === s.date ? e.time : `${e.date} ${e.time}`,
      unitCode: a.unitCode,
      unitName: a.unitName,
      title: a.title,
      topic: topicLabel(a.topic),
      brands: a.brands.join('、'),
      theme: a.themeTitle ?? '',
      place: a.siteName ?? a.address,
      team: a.teamName ?? '',
      slots: a.volunteerSlots,
      places: a.citizenPlaces,
      status: statusLabels[shownStatus(a, o.now)] ?? a.status,
    });
  }

  // The grid as staff see it in the console: one row per unit, one column per week (0 = a gap, shaded).
  const grid = wb.addWorksheet('覆盖情况', { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
  grid.columns = [
    { header: '单位编码', key: 'code', width: 15 },
    { header: '单位', key: 'name', width: 30 },
    ...o.report.weeks.map((w) => ({ header: `${w.key}\n${w.start.slice(5)}`, key: w.key, width: 10 })),
    ...o.report.months.map((m) => ({ header: `${m.month} 主题`, key: `m${m.month}`, width: 12 })),
    { header: '无活动周数', key: 'weekGaps', width: 11 },
  ];
  grid.getRow(1).font = { bold: true };
  grid.getRow(1).alignment = { wrapText: true };
  for (const r of o.report.rows) {
    const values: Record<string, string | number> = { code: r.unit.code, name: r.unit.name, weekGaps: r.weekGaps };
    o.report.weeks.forEach((w, i) => (values[w.key] = r.weekCounts[i]));
    o.report.months.forEach((m, i) => (values[`m${m.month}`] = r.monthThemed[i] === null ? '未设主题' : r.monthThemed[i] ? '✓' : '✗'));
    const row = grid.addRow(values);
    o.report.weeks.forEach((_, i) => {
      if (r.weekCounts[i] === 0) row.getCell(3 + i).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFCCC7' } };
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const PAGE = { width: 841.89, height: 595.28 };
const M = 28;
const RED = '#c8161d';
const INK = '#1f1f1f';
const GREY = '#8c8c8c';

type CalendarInput = { unitName: string; showUnit: boolean; month: string; theme: string | null; activities: ActivityListRow[]; printedAt: string };

/** Page 1: the month as a Monday-first grid, each day listing what fits; then every activity as a list. */
export async function calendarPdf(o: CalendarInput): Promise<Buffer> {
  const PDFDocument = await loadPdfKit();
  const [y, m] = o.month.split('-').map(Number);
  const title = `${o.unitName} ${y}年${m}月活动安排`;
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 0, autoFirstPage: false, info: { Title: title, Creator: 'Wenming' } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.registerFont('cjk', cjkFont());
    doc.addPage().font('cjk');
    drawGrid(doc, o, y, m, title);
    drawList(doc, o, title);
    doc.end();
  });
}

function footer(doc: PDFKit.PDFDocument, o: CalendarInput): void {
  doc.fillColor(GREY).fontSize(8).text(`打印于 ${o.printedAt} · 文明实践云`, M, PAGE.height - M + 6, { width: PAGE.width - 2 * M, align: 'right', lineBreak: false });
}

function drawGrid(doc: PDFKit.PDFDocument, o: CalendarInput, y: number, m: number, title: string): void {
  const width = PAGE.width - 2 * M;
  doc.fillColor(RED).fontSize(18).text(title, M, M, { width, lineBreak: false });
  doc.fillColor(INK).fontSize(11).text(o.theme ? `本月主题：${o.theme}` : '本月主题：未设置', M, M + 26, { width, lineBreak: false });

  const byDay = new Map<number, ActivityListRow[]>();
  for (const a of o.activities) {
    const p = localParts(a.startsAt);
    byDay.set(p.day, [...(byDay.get(p.day) ?? []), a]);
  }
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const lead = (new Date(Date.UTC(y, m - 1, 1)).getUTCDay() + 6) % 7;
  const rows = Math.ceil((lead + daysInMonth) / 7);
  const top = M + 50;
  const headH = 18;
  const cellW = width / 7;
  const cellH = (PAGE.height - M - 14 - top - headH) / rows;
  WEEKDAYS.forEach((d, i) => {
    doc.rect(M + i * cellW, top, cellW, headH).fill(i >= 5 ? '#fff1f0' : '#fafafa');
    doc.fillColor(INK).fontSize(10).text(`周${d}`, M + i * cellW, top + 4, { width: cellW, align: 'center', lineBreak: false });
  });
  const lineH = 10;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < 7; c++) {
      const x = M + c * cellW;
      const yy = top + headH + r * cellH;
      doc.lineWidth(0.5).rect(x, yy, cellW, cellH).stroke('#bfbfbf');
      const day = r * 7 + c - lead + 1;
      if (day < 1 || day > daysInMonth) continue;
      const items = byDay.get(day) ?? [];
      doc.fillColor(items.length ? INK : RED).fontSize(10).text(String(day), x + 3, yy + 2, { lineBreak: false });
      const fit = Math.floor((cellH - 16) / lineH);
      const shown = items.length > fit ? fit - 1 : items.length;
      items.slice(0, shown).forEach((a, i) => {
        const who = o.showUnit ? ` ${shortUnitName(a.unitName)}` : '';
        doc.fillColor(INK).fontSize(7).text(`${localParts(a.startsAt).time} ${a.title}${who}`, x + 3, yy + 15 + i * lineH, {
          width: cellW - 6,
          height: lineH,
          lineBreak: false,
          ellipsis: true,
        });
      });
      if (items.length > shown) doc.fillColor(GREY).fontSize(7).text(`另有 ${items.length - shown} 项，见清单`, x + 3, yy + 15 + shown * lineH, { lineBreak: false });
    }
  }
  footer(doc, o);
}

function drawList(doc: PDFKit.PDFDocument, o: CalendarInput, title: string): void {
  if (o.activities.length === 0) return;
  const cols = [
    { h: '日期', w: 90 },
    { h: '时间', w: 70 },
    { h: '单位', w: 170 },
    { h: '活动', w: 250 },
    { h: '地点', w: PAGE.width - 2 * M - 580 },
  ];
  const rowH = 15;
  let y = PAGE.height;
  const header = () => {
    doc.addPage().font('cjk');
    doc.fillColor(RED).fontSize(14).text(`${title} · 活动清单`, M, M, { lineBreak: false });
    y = M + 24;
    let x = M;
    doc.rect(M, y, PAGE.width - 2 * M, rowH).fill('#fafafa');
    for (const c of cols) {
      doc.fillColor(INK).fontSize(9).text(c.h, x + 3, y + 3, { width: c.w - 6, lineBreak: false });
      x += c.w;
    }
    y += rowH;
  };
  for (const a of o.activities) {
    if (y + rowH > PAGE.height - M) {
      if (y !== PAGE.height) footer(doc, o);
      header();
    }
    const s = localParts(a.startsAt);
    const values = [`${s.date} 周${WEEKDAYS[s.weekday]}`, `${s.time}–${localParts(a.endsAt).time}`, a.unitName, a.title, a.siteName ?? a.address];
    let x = M;
    values.forEach((v, i) => {
      doc.fillColor(INK).fontSize(8.5).text(v, x + 3, y + 3, { width: cols[i].w - 6, height: rowH, lineBreak: false, ellipsis: true });
      x += cols[i].w;
    });
    doc.moveTo(M, y + rowH).lineTo(PAGE.width - M, y + rowH).lineWidth(0.3).stroke('#d9d9d9');
    y += rowH;
  }
  footer(doc, o);
}
