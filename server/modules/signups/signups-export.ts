// An activity's sign-ups and bookings as .xlsx, for the organizer's clipboard on the day (who comes, who waits,
// who checked in). exceljs loads on first use. Phones are masked unless the caller may see them in full.
import { maskPhone } from '../../../common/mask';
import type { ActivityJoined } from '../activities/activities.repo';
import { localParts } from '../activities/activity-time';
import type { RunnerRow } from './signup-lists.repo';

const loadExcel = async () => (await import('exceljs')).default;

const kindLabels: Record<string, string> = { volunteer: '志愿者', citizen: '群众预约' };
const statusLabels: Record<string, string> = { confirmed: '已报名', waitlisted: '候补', cancelled: '已取消' };

const localText = (d: Date | null) => {
  if (!d) return '';
  const p = localParts(d);
  return `${p.date} ${p.time}`;
};

export async function signupsXlsx(o: { activity: ActivityJoined; rows: RunnerRow[]; fullPhones: boolean }): Promise<Buffer> {
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Wenming';
  wb.title = `${o.activity.title} 报名名单`;
  const sheet = wb.addWorksheet('报名名单', { views: [{ state: 'frozen', ySplit: 3 }] });
  const a = o.activity;
  sheet.addRow([`${a.title}`]).font = { bold: true, size: 14 };
  sheet.addRow([`${localText(a.startsAt)} 至 ${localText(a.endsAt)}　${a.siteName ?? a.address}　${a.unitName}　志愿者名额 ${a.volunteerSlots}　群众名额 ${a.citizenPlaces}`]);
  const columns = [
    { header: '序号', width: 6 },
    { header: '类型', width: 10 },
    { header: '状态', width: 8 },
    { header: '候补顺序', width: 9 },
    { header: '志愿者编号', width: 13 },
    { header: '姓名', width: 12 },
    { header: '手机号', width: 14 },
    { header: '报名时间', width: 17 },
    { header: '取消时间', width: 17 },
    { header: '已签到', width: 8 },
    { header: '服务时长（分钟）', width: 16 },
  ];
  columns.forEach((c, i) => (sheet.getColumn(i + 1).width = c.width));
  sheet.addRow(columns.map((c) => c.header)).font = { bold: true };
  o.rows.forEach((r, i) => {
    sheet.addRow([
      i + 1,
      kindLabels[r.kind] ?? r.kind,
      statusLabels[r.status] ?? r.status,
      r.status === 'waitlisted' ? r.position : '',
      r.volunteerNumber ?? '',
      r.name,
      o.fullPhones ? r.phone : maskPhone(r.phone),
      localText(r.createdAt),
      localText(r.cancelledAt),
      r.kind === 'volunteer' ? (r.checkedIn ? '是' : '否') : '',
      r.kind === 'volunteer' ? r.minutes : '',
    ]);
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
