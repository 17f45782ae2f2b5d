// Plausible demo people for the registry seed: a seeded PRNG, Chinese names, unique mobile numbers and valid
// resident ID numbers. Deterministic for a given seed, so every first start produces the same names and phones.
// The bench reuses the name tables to generate its million volunteers in SQL.
import { checkCharacter } from '../../common/id-card';

export type Rng = {
  next(): number;
  int(n: number): number;
  pick<T>(xs: readonly T[]): T;
  chance(p: number): boolean;
};

/** mulberry32: tiny, fast and good enough for demo data; Math.random cannot be seeded. */
export function rng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: (xs) => xs[int(xs.length)], chance: (p) => next() < p };
}

/** A weighted pick; weights need not sum to 1. */
export function weighted<T>(r: Rng, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let x = r.next() * total;
  for (const [item, w] of items) if ((x -= w) < 0) return item;
  return items[items.length - 1][0];
}

// Common surnames, the Wenzhou ones (陈 林 黄 王 张 …) repeated so they come up as often as they do there.
export const SURNAMES = (
  '陈陈陈陈陈林林林林黄黄黄黄王王王王张张张李李李周周周吴吴吴郑郑郑潘潘潘叶叶叶徐徐朱朱金金胡胡' +
  '项项蔡蔡杨杨刘刘谢池戴邱章孙董梅夏卢余郭何高罗钱谷包季姜孔方施薛虞'
).split('');
export const MALE_CHARS = '伟强军磊洋勇杰涛明超辉鹏华飞鑫波斌宇浩凯健俊帆志建国海峰振东文博林晨睿哲毅正诚'.split('');
export const FEMALE_CHARS = '芳娜敏静丽艳娟霞燕玲婷雪慧莉琳倩颖洁琪瑶萍红梅佳欣怡晓蕾薇丹秀英月春兰凤云'.split('');

export type Gender = 'male' | 'female';

export function personName(r: Rng, gender: Gender, surname = r.pick(SURNAMES)): string {
  const pool = gender === 'male' ? MALE_CHARS : FEMALE_CHARS;
  // About a quarter of given names are a single character (王伟, 李静).
  const first = r.pick(pool);
  if (r.chance(0.25)) return surname + first;
  let second = r.pick(pool);
  while (second === first) second = r.pick(pool);
  return surname + first + second;
}

// Mobile prefixes of the three carriers, roughly as common as they are.
const MOBILE_PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '157', '158', '159', '166', '173', '177', '180', '181', '182', '183', '185', '186', '187', '188', '189', '191', '198', '199'];

/** A mobile number not in `taken` (which it joins). */
export function uniquePhone(r: Rng, taken: Set<string>): string {
  for (;;) {
    const p = r.pick(MOBILE_PREFIXES) + String(r.int(1e8)).padStart(8, '0');
    if (!taken.has(p)) {
      taken.add(p);
      return p;
    }
  }
}

// Wenzhou area codes (龙湾 330303 first), a few from elsewhere in Zhejiang and from the provinces people move from.
const AREA_CODES: (readonly [string, number])[] = [
  ['330303', 40], ['330302', 12], ['330304', 8], ['330381', 8], ['330382', 6], ['330324', 5], ['330326', 4], ['330327', 3],
  ['330328', 2], ['330329', 2], ['330383', 2], ['330305', 2], ['330102', 1], ['330203', 1], ['362321', 1], ['522121', 1],
  ['412726', 1], ['512922', 1], ['432524', 1],
];

/** A date `age` years (plus a random part of a year) before `now`, as YYYY-MM-DD. */
export function birthDateForAge(r: Rng, age: number, now: Date): string {
  const d = new Date(now.getTime() - (age * 365.25 + 1 + r.int(360)) * 86_400_000);
  return d.toISOString().slice(0, 10);
}

/** A valid 18-character ID for this birth date and gender, not in `taken` (which it joins). */
export function uniqueIdNumber(r: Rng, birthDate: string, gender: Gender, taken: Set<string>, area = weighted(r, AREA_CODES)): string {
  for (;;) {
    // The 17th digit is odd for men, even for women; the two before it are the registration office's sequence.
    const seq = String(r.int(100)).padStart(2, '0') + String(r.int(5) * 2 + (gender === 'male' ? 1 : 0));
    const first17 = area + birthDate.replaceAll('-', '') + seq;
    const id = first17 + checkCharacter(first17);
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
    area = weighted(r, AREA_CODES);
  }
}

/** An adult age as volunteers are spread: many retirees and people in their thirties to fifties. */
export function adultAge(r: Rng): number {
  const band = weighted(r, [[[18, 25], 18], [[26, 35], 20], [[36, 50], 27], [[51, 60], 18], [[61, 78], 17]] as const);
  return band[0] + r.int(band[1] - band[0] + 1);
}
