// Every string the web faces look up exists in Chinese and in English, and the two languages hold the same keys.
// (Runs in the e2e project because that is where the web is tested; it needs no browser.)
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { adminZh } from '../web/i18n/admin-zh';
import { adminEn } from '../web/i18n/admin-en';
import { mobileZh } from '../web/i18n/mobile-zh';
import { mobileEn } from '../web/i18n/mobile-en';

const webDir = path.resolve(import.meta.dirname, '..', 'web');

function leafKeys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (v && typeof v === 'object' ? leafKeys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** Keys passed to t('…') as plain string literals (template keys are checked through their tables). */
function literalKeys(files: string[]): string[] {
  const keys = new Set<string>();
  for (const f of files) for (const m of fs.readFileSync(f, 'utf8').matchAll(/\bt\(\s*'([^']+)'/g)) keys.add(m[1]);
  return [...keys];
}

function resolves(resources: object, key: string): boolean {
  let node: unknown = resources;
  for (const part of key.split('.')) {
    if (!node || typeof node !== 'object' || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string';
}

describe.each([
  { face: 'admin', zh: adminZh, en: adminEn, dirs: ['admin'] },
  { face: 'mobile', zh: mobileZh, en: mobileEn, dirs: ['mobile'] },
])('$face strings', ({ zh, en, dirs }) => {
  test('zh and en have the same keys', () => {
    expect(leafKeys(en).sort()).toEqual(leafKeys(zh).sort());
  });

  test('every key used in the code exists', () => {
    const used = literalKeys(dirs.flatMap((d) => sourceFiles(path.join(webDir, d))));
    expect(used.length).toBeGreaterThan(10);
    expect(used.filter((k) => !resolves(zh, k))).toEqual([]);
  });

  test('no string is empty', () => {
    const values = (o: object): unknown[] => Object.values(o).flatMap((v) => (v && typeof v === 'object' ? values(v) : [v]));
    for (const lang of [zh, en]) expect(values(lang).filter((v) => typeof v !== 'string' || v.trim() === '')).toEqual([]);
  });
});

test('every role, level and site status the console shows has a label', () => {
  for (const r of ['district_admin', 'institute_admin', 'station_admin']) expect(resolves(adminEn, `roles.${r}`)).toBe(true);
  for (const l of ['center', 'institute', 'station']) expect(resolves(adminEn, `levels.${l}`)).toBe(true);
  for (const s of ['open', 'suspended', 'closed']) expect(resolves(adminEn, `site.status.${s}`) && resolves(adminEn, `site.setStatus.${s}`)).toBe(true);
});
