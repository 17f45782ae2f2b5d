// The activity list as .xlsx (GET /api/activities.xlsx): the console list's filters and scope, every page up to
// a row cap (the file says so when it stops there). Reads through the activities module's own list service.
import type { DbOrTx } from '../../db/client';
import type { ActivityStatus } from '../../db/schema/activities';
import type { Principal } from '../../platform/policy';
import { topicLabel } from '../../../common/activity-topics';
import { listActivitiesIn } from '../activities/activities.service';
import { derivedStatus } from '../activities/activities.presenter';
import { localParts, statusLabels } from '../activities/coverage-export';
import type { ActivityJoined } from '../activities/activities.repo';

export const EXPORT_MAX_ROWS = 10_000;
const PAGE = 1_000;
const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];

export type ActivityExportFilter = { unit?: string; status?: ActivityStatus; topic?: string; from?: string; to?: string; q?: string; series?: string };

export async function activitiesXlsx(db: DbOrTx, o: ActivityExportFilter & { principal: Principal; now: Date }): Promise<Buffer> {
  const rows: ActivityJoined[] = [];
  let cursor: string | undefined;
  let truncated = false;
  for (;;) {
    const page = await listActivitiesIn(db, { ...o, cursor, limit: PAGE });
    rows.push(...page.items);
    if (rows.length >= EXPORT_MAX_ROWS) {
      truncated = rows.length > EXPORT_MAX_ROWS || page.nextCursor !== null;
      rows.length = Math.min(rows.length, EXPORT_MAX_ROWS);
      break;
    }
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }

  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Wenming';
  const ws = wb.addWorksheet('活动', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: '日期', key: 'date', width: 12 },
    { header: '星期', key: 'weekday', width: 6 },
    { header: '开始', key: 'start', width: 7 },
    { header: '结束', key: 'end', width: 16 },
    { header: '活动名称', key: 'title', width: 36 },
    { header: '主题类别', key: 'topic', width: 18 },
    { header: '品牌', key: 'brands', width: 16 },
    { header: '单位编码', key: 'unitCode', width: 15 },
    { header: '组织单位', key: 'unitName', width: 30 },
    { header: '志愿服务队', key: 'team', width: 22 },
    { header: '地点', key: 'place', width: 30 },
    { header: '志愿者名额', key: 'slots', width: 10 },
    { header: '群众名额', key: 'places', width: 10 },
    { header: '状态', key: 'status', width: 8 },
    { header: '活动编号', key: 'id', width: 38 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const a of rows) {
    const s = localParts(a.startsAt);
    const e = localParts(a.endsAt);
    // Plain values only: exceljs writes a string starting with "=" as text, so no title runs as a formula.
    ws.addRow({
      date: s.date,
      weekday: `周${WEEKDAYS[s.weekday]}`,
      start: s.time,
      end: e.date === s.date ? e.time : `${e.date} ${e.time}`,
      title: a.title,
      topic: topicLabel(a.topic),
      brands: a.brands.join('、'),
      unitCode: a.unitCode,
      unitName: a.unitName,
      team: a.teamName ?? '',
      place: a.siteName ? `${a.siteName}${a.address ? `（${a.address}）` : ''}` : a.address,
      slots: a.volunteerSlots,
      places: a.citizenPlaces,
      status: statusLabels[derivedStatus(a, o.now)] ?? a.status,
      id: a.id,
    });
  }
  if (truncated) ws.addRow({ date: `仅导出前 ${EXPORT_MAX_ROWS} 条，请缩小筛选范围后分批导出` });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
