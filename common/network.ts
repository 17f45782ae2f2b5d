// The practice network's shared vocabulary and rules, used by the server and the web: unit levels and the code
// rule that ties a unit to its parent, site kinds and statuses with their labels, and field formats.
// Nothing here names one district: another district runs the same rules with its own root code.
import { z } from 'zod';
import type { UnitLevel } from './roles';

export type { UnitLevel };
export const unitLevels = ['center', 'institute', 'station'] as const satisfies readonly UnitLevel[];

export const unitLevelLabels: Record<UnitLevel, { zh: string; en: string }> = {
  center: { zh: '新时代文明实践中心', en: 'Center' },
  institute: { zh: '新时代文明实践所', en: 'Institute' },
  station: { zh: '新时代文明实践站', en: 'Station' },
};

export const unitStatuses = ['active', 'closed'] as const;
export type UnitStatus = (typeof unitStatuses)[number];
export const unitStatusLabels: Record<UnitStatus, { zh: string; en: string }> = {
  active: { zh: '运行中', en: 'Active' },
  closed: { zh: '已关闭', en: 'Closed' },
};

/** The level a unit's children have; stations have none. */
export const childLevelOf: Record<UnitLevel, UnitLevel | null> = { center: 'institute', institute: 'station', station: null };

// Codes follow the national statistical area codes: a county-level district has a 6-digit code, each street
// (institute) adds 3 digits, each village/community (station) 3 more — 330303 → 330303001 → 330303001001.
export const ROOT_CODE_DIGITS = 6;
export const CODE_SEGMENT_DIGITS = 3;
export const unitCodeSchema = z.string().regex(/^\d{6,30}$/, '编码须为 6 位以上数字');

/** The level a code's length implies (6 → center, 9 → institute, 12 → station), or null. */
export function levelOfCode(code: string): UnitLevel | null {
  if (!/^\d+$/.test(code)) return null;
  const index = (code.length - ROOT_CODE_DIGITS) / CODE_SEGMENT_DIGITS;
  return Number.isInteger(index) && index >= 0 && index < unitLevels.length ? unitLevels[index] : null;
}

/** Why `code` cannot be the code of a unit under `parent` (null = root), or null when it can. */
export function unitCodeProblem(code: string, parent: { code: string; level: UnitLevel } | null): string | null {
  if (!/^\d+$/.test(code)) return '编码只能包含数字';
  if (!parent) {
    return code.length === ROOT_CODE_DIGITS ? null : `中心编码须为 ${ROOT_CODE_DIGITS} 位行政区划代码`;
  }
  if (!childLevelOf[parent.level]) return '实践站下不能再设下级单位';
  const segment = code.slice(parent.code.length);
  if (!code.startsWith(parent.code) || !new RegExp(`^\\d{${CODE_SEGMENT_DIGITS}}$`).test(segment)) {
    return `编码须为上级编码 ${parent.code} 加 ${CODE_SEGMENT_DIGITS} 位数字`;
  }
  if (/^0+$/.test(segment)) return `编码最后 ${CODE_SEGMENT_DIGITS} 位不能全为 0`;
  return null;
}

/** The parent code a code implies (its last segment removed), or null for a root code. */
export function parentCodeOf(code: string): string | null {
  return code.length > ROOT_CODE_DIGITS ? code.slice(0, code.length - CODE_SEGMENT_DIGITS) : null;
}

// Site kinds: the 实践点/阵地 types the district runs. Keys are stable identifiers; labels are for people.
export const siteKinds = [
  { kind: 'center_building', zh: '实践中心大楼', en: 'Center building' },
  { kind: 'function_room', zh: '功能室', en: 'Function room' },
  { kind: 'library', zh: '图书馆', en: 'Library' },
  { kind: 'culture_hall', zh: '文化馆', en: 'Culture hall' },
  { kind: 'party_mass_service_center', zh: '党群服务中心', en: 'Party-mass service center' },
  { kind: 'convenience_service_center', zh: '便民服务中心', en: 'Convenience service center' },
  { kind: 'cultural_auditorium', zh: '文化礼堂', en: 'Cultural auditorium' },
  { kind: 'minors_activity_site', zh: '未成年人活动阵地', en: "Minors' activity site" },
  { kind: 'city_study_room', zh: '城市书房', en: 'City study room' },
  { kind: 'red_education_base', zh: '红色教育基地', en: 'Red education base' },
  { kind: 'exhibition_hall', zh: '展示馆', en: 'Exhibition hall' },
  { kind: 'heritage_site', zh: '文化遗产点', en: 'Cultural heritage site' },
  { kind: 'sports_venue', zh: '体育健身场所', en: 'Sports and fitness venue' },
  { kind: 'square', zh: '广场', en: 'Square' },
  { kind: 'other', zh: '其他实践点', en: 'Other practice point' },
] as const;
export type SiteKind = (typeof siteKinds)[number]['kind'];
export const siteKindKeys = siteKinds.map((k) => k.kind) as [SiteKind, ...SiteKind[]];

export function isSiteKind(s: string): s is SiteKind {
  return siteKinds.some((k) => k.kind === s);
}

export function siteKindLabel(kind: string, lang: 'zh' | 'en' = 'zh'): string {
  const k = siteKinds.find((x) => x.kind === kind);
  return k ? k[lang] : kind;
}

/** Accepts a kind key or its Chinese/English label (import files carry labels). */
export function siteKindFrom(text: string): SiteKind | null {
  const t = text.trim();
  const k = siteKinds.find((x) => x.kind === t || x.zh === t || x.en.toLowerCase() === t.toLowerCase());
  return k ? k.kind : null;
}

export const siteStatuses = ['open', 'closed', 'suspended'] as const;
export type SiteStatus = (typeof siteStatuses)[number];
export const siteStatusLabels: Record<SiteStatus, { zh: string; en: string }> = {
  open: { zh: '开放', en: 'Open' },
  suspended: { zh: '暂停开放', en: 'Suspended' },
  closed: { zh: '已关闭', en: 'Closed' },
};

export function siteStatusFrom(text: string): SiteStatus | null {
  const t = text.trim();
  const hit = siteStatuses.find((s) => s === t || siteStatusLabels[s].zh === t || siteStatusLabels[s].en.toLowerCase() === t.toLowerCase());
  return hit ?? null;
}

/** The street/area part of an institute's name ("永中街道新时代文明实践所" → "永中街道"). */
export function areaNameOf(unitName: string): string {
  return unitName.replace(/(新时代)?文明实践(中心|所|站)$|实践(所|站)$/, '') || unitName;
}

// A unit or site contact number is a mainland mobile or a landline with area code (0577-86666666); empty = none.
export const CONTACT_PHONE_PATTERN = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;
export const contactPhoneSchema = z
  .string()
  .max(20)
  .refine((s) => s === '' || CONTACT_PHONE_PATTERN.test(s), '请输入 11 位手机号或带区号的固定电话');

// Control characters have no place in names and addresses, and PostgreSQL cannot store NUL at all.
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
export function hasControlChars(s: string): boolean {
  return CONTROL_CHARS.test(s);
}
/** A trimmed text field of at most `max` characters without control characters. */
export function textField(max: number, opts: { required?: boolean } = {}) {
  const base = z.string().trim().max(max, `不能超过 ${max} 个字`).refine((s) => !hasControlChars(s), '包含不允许的控制字符');
  return opts.required ? base.refine((s) => s.length > 0, '不能为空') : base;
}

export const latSchema = z.number().min(-90).max(90);
export const lngSchema = z.number().min(-180).max(180);

export const fieldLimits = {
  name: 100,
  address: 200,
  contactName: 50,
  openingHours: 200,
  intro: 2000,
  facility: 50,
  facilities: 30,
  photo: 500,
  photos: 20,
  capacity: 1_000_000,
  beltTheme: 50,
  beltStops: 50,
} as const;

/** A photo is an absolute http(s) URL or a path on this deployment. */
export const PHOTO_PATTERN = /^(https?:\/\/[^\s]+|\/[^\s]*)$/;
