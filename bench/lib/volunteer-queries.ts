// The query mix of the volunteer search benchmark: what staff actually type or pick, with concrete values drawn
// from the generated population (so fragments match real rows, as they would in use).
import type pg from 'pg';
import { SKILL_TAG_NAMES } from '../../server/seed/registry';

export type Scope = 'district' | 'institute';
export type Kind = { id: string; what: string };

export const KINDS: Kind[] = [
  { id: 'list', what: 'first page, no filter' },
  { id: 'name2', what: 'name start or 2-character name (陈晓, 王伟)' },
  { id: 'given2', what: 'given name inside a name (晓燕)' },
  { id: 'name3', what: 'full 3-character name' },
  { id: 'phone4', what: 'last 4 digits of a phone' },
  { id: 'skill', what: 'one skill tag' },
  { id: 'unit', what: 'one station' },
  { id: 'skill+unit', what: 'skill tag in a station' },
  { id: 'name2+unit', what: 'name start in a station' },
  { id: 'pending+unit', what: 'a station\'s review queue (status=pending)' },
];

export const VARIANTS = 10;
export const PAGE = 20;
/** The institute the institute admin of the demo holds (永中街道). */
export const INSTITUTE_CODE = '330303001';

type Sample = { names3: string[]; names2: string[]; phones: string[]; stations: Record<Scope, string[]> };

export async function sampleData(client: pg.Client): Promise<Sample> {
  const names = (await client.query<{ name: string }>(`select name from volunteers tablesample system (1) repeatable (7) limit 2000`)).rows.map((r) => r.name);
  const phones = (await client.query<{ phone: string }>(`select phone from volunteers tablesample system (1) repeatable (8) limit 200`)).rows.map((r) => r.phone);
  const stations = async (prefix: string) =>
    (await client.query<{ id: string }>(`select id from units where level = 'station' and code like $1 order by code`, [prefix + '%'])).rows.map((r) => r.id);
  return {
    names3: names.filter((n) => [...n].length === 3),
    names2: names.filter((n) => [...n].length === 2),
    phones,
    stations: { district: await stations('330303'), institute: await stations(INSTITUTE_CODE) },
  };
}

/** VARIANTS concrete query strings for each kind in a scope, spread over the sample. */
export function queryStrings(s: Sample, scope: Scope): Record<string, string[]> {
  const at = <T,>(xs: T[], i: number) => xs[(i * 37 + (scope === 'institute' ? 11 : 0)) % xs.length];
  const qs = (p: Record<string, string>) => new URLSearchParams({ ...p, limit: String(PAGE) }).toString();
  const out: Record<string, string[]> = {};
  for (const k of KINDS) {
    out[k.id] = Array.from({ length: VARIANTS }, (_, i) => {
      const name2 = i % 2 ? at(s.names2, i) : [...at(s.names3, i)].slice(0, 2).join('');
      const unit = at(s.stations[scope], i);
      const skill = at(SKILL_TAG_NAMES, i);
      switch (k.id) {
        case 'list': return qs({});
        case 'name2': return qs({ q: name2 });
        case 'given2': return qs({ q: [...at(s.names3, i)].slice(1).join('') });
        case 'name3': return qs({ q: at(s.names3, i) });
        case 'phone4': return qs({ q: at(s.phones, i).slice(-4) });
        case 'skill': return qs({ skill });
        case 'unit': return qs({ unit });
        case 'skill+unit': return qs({ skill, unit });
        case 'name2+unit': return qs({ q: name2, unit });
        default: return qs({ status: 'pending', unit });
      }
    });
  }
  return out;
}
