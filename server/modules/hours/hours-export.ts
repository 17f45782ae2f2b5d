// The service records list as .xlsx (times in Asia/Shanghai), for the staff who keep the paper trail.
// exceljs loads on first use (start-up cost).
import { localParts } from '../activities/activity-time';
import type { RecordJoined } from './hours.repo';

const loadExcel = async () => (await import('exceljs')).default;

const statusLabels: Record<string, string> = { pending: '待审核', approved: '已通过', rejected: '未通过', superseded: '已被更正' };
const flagLabels: Record<string, string> = {
  auto_closed: '系统自动签退',
  outside_activity_time: '超出活动时间',
  overlap: '与其他记录重叠',
  over_daily_limit: '当日超过24小时',
};
const sourceLabels: Record<string, string> = { checkin: '扫码签到', manual: '手工登记' };

const local = (d: Date | null) => {
  if (!d) return '';
  const p = localParts(d);
  return `${p.date} ${p.time}`;
};

export async function hoursXlsx(o: { title: string; records: RecordJoined[]; truncated: boolean }): Promise<Buffer> {
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Wenming';
  wb.title = o.title;
  const ws = wb.addWorksheet('服务时长', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: '志愿者编号', key: 'number', width: 14 },
    { header: '姓名', key: 'name', width: 12 },
    { header: '活动', key: 'activity', width: 32 },
    { header: '组织单位', key: 'unit', width: 28 },
    { header: '志愿服务队', key: 'team', width: 20 },
    { header: '开始时间', key: 'start', width: 17 },
    { header: '结束时间', key: 'end', width: 17 },
    { header: '时长（分钟）', key: 'minutes', width: 12 },
    { header: '时长（小时）', key: 'hours', width: 12 },
    { header: '服务内容', key: 'content', width: 30 },
    { header: '来源', key: 'source', width: 10 },
    { header: '状态', key: 'status', width: 9 },
    { header: '需核查', key: 'flags', width: 24 },
    { header: '版本', key: 'version', width: 6 },
    { header: '更正原因', key: 'reason', width: 24 },
    { header: '审核人', key: 'decidedBy', width: 14 },
    { header: '审核时间', key: 'decidedAt', width: 17 },
    { header: '审核意见', key: 'note', width: 24 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const r of o.records) {
    ws.addRow({
      number: r.volunteerNumber,
      name: r.volunteerName,
      activity: r.activityTitle,
      unit: r.unitName,
      team: r.teamName ?? '',
      start: local(r.startedAt),
      end: local(r.endedAt),
      minutes: r.minutes,
      hours: Math.round(r.minutes / 6) / 10,
      content: r.content,
      source: sourceLabels[r.source] ?? r.source,
      status: statusLabels[r.status] ?? r.status,
      flags: r.flags.map((f) => flagLabels[f] ?? f).join('、'),
      version: r.version,
      reason: r.reason,
      decidedBy: r.decidedByName ?? '',
      decidedAt: local(r.decidedAt),
      note: r.decisionNote ?? '',
    });
  }
  if (o.truncated) ws.addRow({ number: '记录过多，仅导出前面部分，请缩小筛选范围' });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
