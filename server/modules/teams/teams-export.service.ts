// Teams as .xlsx for staff: the teams in the caller's scope (and filters), with counts and the leader's name.
// Phones are masked, as in every export of the registry.
import { orgTypeLabel, teamSpecialtyLabel } from '../../../common/team-specialties';
import { maskPhone } from '../../../common/mask';
import type { TeamWithCounts } from './teams.repo';

// exceljs loads on first use: it is the heaviest module at start-up and only exports need it.
const loadExcel = async () => (await import('exceljs')).default;

const federationLabels: Record<string, string> = { none: '未申请', applied: '申请中', member: '会员队伍', rejected: '未通过' };

const columns: { header: string; key: string; width: number; value: (t: TeamWithCounts) => string | number }[] = [
  { header: '队伍名称', key: 'name', width: 32, value: (t) => t.name },
  { header: '所属单位', key: 'unitName', width: 32, value: (t) => t.unitName },
  { header: '单位编码', key: 'unitCode', width: 14, value: (t) => t.unitCode },
  { header: '类型', key: 'kind', width: 10, value: (t) => (t.kind === 'unit' ? '实践单位' : '外部组织') },
  { header: '组织名称', key: 'orgName', width: 24, value: (t) => t.orgName ?? '' },
  { header: '组织类型', key: 'orgType', width: 12, value: (t) => orgTypeLabel(t.orgType) },
  { header: '服务特色', key: 'specialty', width: 16, value: (t) => teamSpecialtyLabel(t.specialty) },
  { header: '队长', key: 'leader', width: 12, value: (t) => t.leaderName ?? '' },
  { header: '在队人数', key: 'memberCount', width: 10, value: (t) => Number(t.memberCount) },
  { header: '待审核申请', key: 'pendingCount', width: 10, value: (t) => Number(t.pendingCount) },
  { header: '联系人', key: 'contactName', width: 12, value: (t) => t.contactName },
  { header: '联系电话', key: 'contactPhone', width: 16, value: (t) => maskPhone(t.contactPhone) },
  { header: '志愿者联合会', key: 'federation', width: 12, value: (t) => federationLabels[t.federationStatus] ?? t.federationStatus },
  { header: '状态', key: 'status', width: 8, value: (t) => (t.status === 'active' ? '正常' : '已解散') },
  { header: '简介', key: 'intro', width: 40, value: (t) => t.intro },
];

/** Text that a spreadsheet would run as a formula is written as plain text. */
function safeCell(v: string | number): string | number {
  return typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

export async function exportTeamsXlsx(rows: TeamWithCounts[]): Promise<Buffer> {
  const wb = new (await loadExcel()).Workbook();
  wb.creator = 'Wenming';
  const ws = wb.addWorksheet('志愿服务队');
  ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  ws.getRow(1).font = { bold: true };
  for (const t of rows) ws.addRow(Object.fromEntries(columns.map((c) => [c.key, safeCell(c.value(t))])));
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
