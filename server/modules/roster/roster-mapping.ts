// Which column of a roster holds which field. Mappings name columns by their header text (not position), so a
// unit's remembered mapping still fits next month's file with the columns in another order.
import { z } from 'zod';
import { fieldError } from '../../platform/errors';

export const rosterFields = ['name', 'phone', 'idNumber', 'skills', 'station'] as const;
export type RosterField = (typeof rosterFields)[number];
export const requiredFields: RosterField[] = ['name', 'phone', 'idNumber'];
export type RosterMapping = Record<RosterField, string | null>;

export const fieldLabels: Record<RosterField, string> = { name: '姓名', phone: '手机号', idNumber: '身份证号', skills: '技能特长', station: '所属站点' };

const header = z.string().trim().min(1).max(100).nullable().optional();
export const mappingSchema = z.strictObject({ name: header, phone: header, idNumber: header, skills: header, station: header });

// Header words units use, most specific first. A header equal to a word wins over one that merely contains it
// (containment is only tried for Chinese words: "id" inside "guid" means nothing).
const GUESS: Record<RosterField, string[]> = {
  name: ['姓名', '志愿者姓名', '名字', '真实姓名', 'name'],
  phone: ['手机号码', '手机号', '手机', '联系电话', '电话号码', '电话', '联系方式', 'mobile', 'phone'],
  idNumber: ['身份证号码', '身份证号', '身份证', '公民身份号码', '证件号码', '证件号', 'idnumber', 'id'],
  skills: ['技能特长', '技能', '特长', '专长', '服务技能', 'skills'],
  station: ['所属站点', '所属实践站', '实践站', '站点', '所属单位', 'station'],
};

const norm = (s: string) => s.replace(/[\s*＊:：()（）]/g, '').toLowerCase();

/** The mapping guessed from header names; each header serves at most one field. */
export function guessMapping(headers: string[]): RosterMapping {
  const taken = new Set<string>();
  const out = Object.fromEntries(rosterFields.map((f) => [f, null])) as RosterMapping;
  for (const field of rosterFields) {
    const words = GUESS[field];
    const exact = headers.find((h) => !taken.has(h) && words.includes(norm(h)));
    const partial = exact ?? headers.find((h) => !taken.has(h) && words.some((w) => /[^\x00-\x7f]/.test(w) && norm(h).includes(w)));
    if (partial) {
      out[field] = partial;
      taken.add(partial);
    }
  }
  return out;
}

/** A stored mapping (JSON text in import_mappings), or null when it cannot be read. */
export function parseStoredMapping(text: string | null | undefined): Partial<RosterMapping> | null {
  if (!text) return null;
  try {
    const parsed = mappingSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * The mapping to use for a file: the one sent with the request, else the unit's remembered one (for the
 * columns this file has), else guessed. A requested column that the file lacks is a 400 naming the field.
 */
export function resolveMapping(
  headers: string[],
  requested: Partial<RosterMapping> | null,
  remembered: Partial<RosterMapping> | null,
): { mapping: RosterMapping; source: 'request' | 'remembered' | 'guessed' } {
  const guessed = guessMapping(headers);
  if (requested) {
    const mapping = { ...guessed };
    for (const f of rosterFields) {
      const h = requested[f];
      if (h === undefined) continue;
      if (h !== null && !headers.includes(h)) throw fieldError(`mapping.${f}`, `文件中没有“${h}”列`);
      mapping[f] = h;
    }
    return { mapping, source: 'request' };
  }
  if (remembered) {
    const fits = rosterFields.filter((f) => remembered[f] && headers.includes(remembered[f]!));
    if (fits.length) {
      const mapping = { ...guessed };
      for (const f of rosterFields) {
        if (remembered[f] && headers.includes(remembered[f]!)) mapping[f] = remembered[f]!;
        // A field the unit chose to leave out stays out.
        else if (remembered[f] === null) mapping[f] = null;
      }
      // Guesses that collide with a remembered column give way to it.
      for (const f of rosterFields) {
        if (mapping[f] && rosterFields.some((o) => o !== f && mapping[o] === mapping[f] && remembered[o] === mapping[f])) mapping[f] = null;
      }
      return { mapping, source: 'remembered' };
    }
  }
  return { mapping: guessed, source: 'guessed' };
}

/** Problems with the mapping itself: required fields without a column, one column used twice. */
export function mappingProblems(mapping: RosterMapping): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  for (const f of requiredFields) if (!mapping[f]) out.push({ field: `mapping.${f}`, message: `请指定“${fieldLabels[f]}”对应的列` });
  const used = new Map<string, RosterField>();
  for (const f of rosterFields) {
    const h = mapping[f];
    if (!h) continue;
    const other = used.get(h);
    if (other) out.push({ field: `mapping.${f}`, message: `“${h}”列已用作${fieldLabels[other]}，不能同时作为${fieldLabels[f]}` });
    else used.set(h, f);
  }
  return out;
}
