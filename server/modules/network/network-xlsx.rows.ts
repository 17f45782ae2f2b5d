// Checks every row of an import file against the network's rules and the database, and plans the writes:
// units upserted by code, sites by (unit code, name). Pure: it reads only the state it is given.
import {
  childLevelOf,
  CONTACT_PHONE_PATTERN,
  fieldLimits as L,
  hasControlChars,
  levelOfCode,
  PHOTO_PATTERN,
  siteKindFrom,
  siteKinds,
  siteStatusFrom,
  unitCodeProblem,
  unitLevelLabels,
  unitLevels,
  type SiteKind,
  type SiteStatus,
  type UnitLevel,
} from '../../../common/network';
import type { FieldIssue } from '../../platform/errors';
import type { sites, units } from '../../db/schema/network';
import { SITE_SHEET, UNIT_SHEET, type SheetRow } from './network-xlsx.columns';

export type ImportAction = 'create' | 'update' | 'unchanged' | 'error';
export type ImportRowReport = { sheet: string; row: number; key: string; action: ImportAction; errors: FieldIssue[] };

export type ExistingUnit = typeof units.$inferSelect & { parentCode: string | null };
export type ImportState = { units: Map<string, ExistingUnit>; sites: Map<string, typeof sites.$inferSelect> };

type UnitValues = {
  name: string;
  address: string;
  lat: number | null;
  lng: number | null;
  contactName: string;
  contactPhone: string;
  openingHours: string;
  intro: string;
};
type SiteValues = UnitValues & { kind: SiteKind; status?: SiteStatus; facilities: string[]; capacity: number | null; photos: string[] };

export type UnitPlan = { action: 'create' | 'update'; id?: string; code: string; parentCode: string | null; level: UnitLevel; values: UnitValues };
export type SitePlan = { action: 'create' | 'update'; id?: string; unitCode: string; values: SiteValues };
export type ImportPlan = { reports: ImportRowReport[]; units: UnitPlan[]; sites: SitePlan[]; outOfScope: boolean };

export const siteKey = (unitCode: string, name: string) => `${unitCode}\u0000${name}`;
const OUT_OF_SCOPE = '超出您的管理范围';

/** Reads typed fields from one row, collecting every problem instead of stopping at the first. */
class RowReader {
  readonly errors: FieldIssue[] = [];
  constructor(private readonly cells: Record<string, string>) {}
  fail(field: string, message: string): void {
    this.errors.push({ field, message });
  }
  text(field: string, max: number, required = false): string {
    const v = this.cells[field] ?? '';
    if (required && !v) this.fail(field, '不能为空');
    else if (v.length > max) this.fail(field, `不能超过 ${max} 个字`);
    else if (hasControlChars(v)) this.fail(field, '包含不允许的控制字符');
    return v;
  }
  number(field: string, min: number, max: number, integer = false): number | null {
    const v = this.cells[field] ?? '';
    if (!v) return null;
    const n = Number(v);
    if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
      this.fail(field, `须为 ${min} 到 ${max} 之间的${integer ? '整数' : '数字'}`);
      return null;
    }
    return n;
  }
  phone(field: string): string {
    const v = this.text(field, 20).replace(/\s+/g, '');
    if (v && !CONTACT_PHONE_PATTERN.test(v)) this.fail(field, '须为 11 位手机号或带区号的固定电话');
    return v;
  }
  list(field: string, max: number, itemMax: number, split: RegExp): string[] {
    const items = (this.cells[field] ?? '').split(split).map((s) => s.trim()).filter(Boolean);
    if (items.length > max) this.fail(field, `最多 ${max} 项`);
    if (items.some((s) => s.length > itemMax || hasControlChars(s))) this.fail(field, `每项不能超过 ${itemMax} 个字`);
    return items;
  }
  coordinates(): { lat: number | null; lng: number | null } {
    const lat = this.number('lat', -90, 90);
    const lng = this.number('lng', -180, 180);
    if ((lat === null) !== (lng === null) && this.errors.every((e) => e.field !== 'lat' && e.field !== 'lng')) {
      this.fail(lat === null ? 'lat' : 'lng', '经纬度须同时填写或同时留空');
    }
    return { lat, lng };
  }
}

function levelFrom(text: string): UnitLevel | null {
  return unitLevels.find((l) => l === text || unitLevelLabels[l].zh === text || unitLevelLabels[l].en === text) ?? null;
}

function same(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  return Object.keys(b).every((k) => b[k] === undefined || JSON.stringify(a[k]) === JSON.stringify(b[k]));
}

/** What every row check needs: the database state, the file's own units, and the caller's scope. */
type Checker = {
  state: ImportState;
  fileUnits: Map<string, number>; // code → first row, so a row may name a parent created by another row
  canManage: (code: string) => boolean;
  canCreateRoot: boolean;
  outOfScope: boolean;
};

function scopeFail(c: Checker, r: RowReader, field: string): void {
  r.fail(field, OUT_OF_SCOPE);
  c.outOfScope = true;
}

/** The level a new unit gets from its parent (in the database or the file), checking the code rule on the way. */
function newUnitLevel(c: Checker, r: RowReader, code: string, parentCode: string | null): UnitLevel | null {
  if (!parentCode) {
    const problem = unitCodeProblem(code, null);
    if (problem) r.fail('code', problem);
    if (!c.canCreateRoot) scopeFail(c, r, 'code');
    return 'center';
  }
  const parent = c.state.units.get(parentCode);
  const parentLevel = parent?.level ?? (c.fileUnits.has(parentCode) ? levelOfCode(parentCode) : null);
  if (!parentLevel) {
    r.fail('parentCode', `上级单位 ${parentCode} 在系统和本文件中都不存在`);
    return null;
  }
  const level = childLevelOf[parentLevel];
  const problem = unitCodeProblem(code, { code: parentCode, level: parentLevel });
  if (problem) r.fail(level ? 'code' : 'parentCode', problem);
  if (parent?.status === 'closed') r.fail('parentCode', '上级单位已关闭，不能新增下级单位');
  if (!c.canManage(parentCode)) scopeFail(c, r, 'parentCode');
  return level;
}

function checkUnitRow(c: Checker, { row, cells }: SheetRow): { report: ImportRowReport; plan?: UnitPlan } {
  const r = new RowReader(cells);
  const code = r.text('code', 30, true);
  const numeric = /^\d+$/.test(code);
  if (code && !numeric) r.fail('code', '编码只能包含数字');
  const firstRow = c.fileUnits.get(code);
  if (code && firstRow !== row) r.fail('code', `与第 ${firstRow} 行的编码重复`);
  const parentCode = r.text('parentCode', 30) || null;
  const levelText = r.text('level', 20);
  const statedLevel = levelText ? levelFrom(levelText) : null;
  if (levelText && !statedLevel) r.fail('level', '层级须为：中心、实践所或实践站（或留空）');
  const values: UnitValues = {
    name: r.text('name', L.name, true),
    address: r.text('address', L.address),
    ...r.coordinates(),
    contactName: r.text('contactName', L.contactName),
    contactPhone: r.phone('contactPhone'),
    openingHours: r.text('openingHours', L.openingHours),
    intro: r.text('intro', L.intro),
  };
  const existing = code ? c.state.units.get(code) : undefined;
  let level: UnitLevel | null = null;
  if (existing) {
    level = existing.level;
    if (parentCode !== existing.parentCode) {
      r.fail('parentCode', `与系统中的上级（${existing.parentCode ?? '无'}）不一致；调整上级请在系统中使用"移动"`);
    }
    if (!c.canManage(code)) scopeFail(c, r, 'code');
  } else if (numeric) {
    level = newUnitLevel(c, r, code, parentCode);
  }
  if (statedLevel && level && statedLevel !== level) r.fail('level', `按编码和上级，该单位应为${unitLevelLabels[level].zh}`);

  if (r.errors.length > 0 || !level) return { report: { sheet: UNIT_SHEET, row, key: code, action: 'error', errors: r.errors } };
  const action = !existing ? 'create' : same(existing, values) ? 'unchanged' : 'update';
  const report: ImportRowReport = { sheet: UNIT_SHEET, row, key: code, action, errors: [] };
  return action === 'unchanged' ? { report } : { report, plan: { action, id: existing?.id, code, parentCode, level, values } };
}

function checkSiteRow(c: Checker, { row, cells }: SheetRow, fileSites: Map<string, number>): { report: ImportRowReport; plan?: SitePlan } {
  const r = new RowReader(cells);
  const unitCode = r.text('unitCode', 30, true);
  const name = r.text('name', L.name, true);
  const key = siteKey(unitCode, name);
  if (unitCode && name) {
    if (fileSites.has(key)) r.fail('name', `与第 ${fileSites.get(key)} 行重复（同一单位下阵地名称须唯一）`);
    else fileSites.set(key, row);
  }
  const kindText = r.text('kind', 50, true);
  const kind = kindText ? siteKindFrom(kindText) : null;
  if (kindText && !kind) r.fail('kind', `未知的类型"${kindText}"，可选：${siteKinds.map((k) => k.zh).join('、')}`);
  const statusText = r.text('status', 20);
  const status = statusText ? siteStatusFrom(statusText) : undefined;
  if (statusText && !status) r.fail('status', '状态须为：开放、暂停开放或已关闭');
  const photos = r.list('photos', L.photos, L.photo, /\s+/);
  if (photos.some((p) => !PHOTO_PATTERN.test(p))) r.fail('photos', '照片须为 http(s) 网址或以 / 开头的路径');
  const values: SiteValues = {
    name,
    kind: kind ?? 'other',
    status: status ?? undefined,
    address: r.text('address', L.address),
    ...r.coordinates(),
    openingHours: r.text('openingHours', L.openingHours),
    facilities: r.list('facilities', L.facilities, L.facility, /[、,，;；\n]+/),
    capacity: r.number('capacity', 0, L.capacity, true),
    photos,
    contactName: r.text('contactName', L.contactName),
    contactPhone: r.phone('contactPhone'),
    intro: r.text('intro', L.intro),
  };
  const unit = unitCode ? c.state.units.get(unitCode) : undefined;
  if (unitCode && !unit && !c.fileUnits.has(unitCode)) r.fail('unitCode', `单位 ${unitCode} 在系统和本文件中都不存在`);
  if (unitCode && !c.canManage(unitCode)) scopeFail(c, r, 'unitCode');
  const existing = c.state.sites.get(key);
  // A closed unit keeps its closed sites but gets no new or reopened ones (the same rule as the console).
  const reopening = existing?.status === 'closed' && values.status !== undefined && values.status !== 'closed';
  if (unit?.status === 'closed' && (!existing || reopening)) r.fail('unitCode', '该单位已关闭，不能新增或重新开放阵地');

  const reportKey = unitCode && name ? `${unitCode} ${name}` : unitCode || name;
  if (r.errors.length > 0) return { report: { sheet: SITE_SHEET, row, key: reportKey, action: 'error', errors: r.errors } };
  const action = !existing ? 'create' : same(existing, values) ? 'unchanged' : 'update';
  const report: ImportRowReport = { sheet: SITE_SHEET, row, key: reportKey, action, errors: [] };
  return action === 'unchanged' ? { report } : { report, plan: { action, id: existing?.id, unitCode, values } };
}

export function planImport(
  input: { unitRows: SheetRow[]; siteRows: SheetRow[] },
  state: ImportState,
  canManage: (code: string) => boolean,
  canCreateRoot: boolean,
): ImportPlan {
  const fileUnits = new Map<string, number>();
  for (const { row, cells } of input.unitRows) if (cells.code && !fileUnits.has(cells.code)) fileUnits.set(cells.code, row);
  const c: Checker = { state, fileUnits, canManage, canCreateRoot, outOfScope: false };
  const units = input.unitRows.map((row) => checkUnitRow(c, row));
  const fileSites = new Map<string, number>();
  const sites = input.siteRows.map((row) => checkSiteRow(c, row, fileSites));
  return {
    reports: [...units, ...sites].map((x) => x.report),
    units: units.flatMap((x) => (x.plan ? [x.plan] : [])),
    sites: sites.flatMap((x) => (x.plan ? [x.plan] : [])),
    outOfScope: c.outOfScope,
  };
}
