// The coverage report (周周有活动 月月有主题) against activities inserted directly: two stations of 永中 (330303001)
// over three weeks of 2024 (a time no seed touches), one of them with a gap filled only by a cancelled and a draft
// activity. Also the drill-down, the coming-week alert, the exports and who may read them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { signIn, startTestApp, type Agent, type TestContext } from '../../testing/harness';
import { DEMO_PASSWORD } from '../../seed/accounts';
import { rowsOf } from '../../db/client';
import { addDays, formatDate, isoWeekKey, mondayOf, todayInShanghai } from './coverage.dates';

let t: TestContext;
let district: Agent;
let yongzhong: Agent; // institute admin on 330303001
let station: Agent; // station admin on 330303001001
let puzhou: Agent; // institute admin on 330303002 (a sibling institute)
const ids: Record<string, string> = {};

const W17 = '2024-04-22'; // Mondays of ISO weeks 2024-W17, W18, W19
const W18 = '2024-04-29';
const W19 = '2024-05-06';

async function one<T>(q: ReturnType<typeof sql>): Promise<T> {
  return rowsOf<T>(await t.database.db.execute(q))[0];
}

/** An activity of `code` at 10:00–11:30 Shanghai on `day` (YYYY-MM-DD). */
async function activity(code: string, day: string, title: string, status: string, themeId: string | null = null): Promise<string> {
  const start = new Date(`${day}T02:00:00Z`);
  const end = new Date(start.getTime() + 90 * 60_000);
  return (
    await one<{ id: string }>(sql`insert into activities (title, topic, unit_id, unit_code, starts_at, ends_at, status, theme_id, address)
      values (${title}, 'core_values', ${ids[code]}, ${code}, ${start.toISOString()}, ${end.toISOString()}, ${status}, ${themeId}, '测试地址')
      returning id`)
  ).id;
}

type Row = {
  unit: { code: string; level: string };
  weekCounts: number[];
  weekTotals: number[];
  stationWeekGaps: number[] | null;
  monthThemed: (boolean | null)[];
  stationMonthGaps: number[] | null;
  weekGaps: number;
  monthGaps: number;
};
type Report = { weeks: { key: string; start: string }[]; months: { month: string; theme: { title: string } | null }[]; rows: Row[]; currentWeek: string; from: string; to: string };
const rowOf = (r: Report, code: string) => r.rows.find((x) => x.unit.code === code)!;

beforeAll(async () => {
  t = await startTestApp();
  [district, yongzhong, station, puzhou] = await Promise.all(
    ['13800000001', '13800000002', '13800000003', '13800000004'].map((p) => signIn(t.app, p, DEMO_PASSWORD)),
  );
  for (const code of ['330303', '330303001', '330303001001', '330303001002', '330303002'])
    ids[code] = (await one<{ id: string }>(sql`select id from units where code = ${code}`)).id;
  const theme = await one<{ id: string }>(sql`insert into monthly_themes (unit_id, month, title) values (${ids['330303']}, '2024-05', '五月：劳动最光荣')
    on conflict (unit_id, month) do update set title = excluded.title returning id`);
  ids.theme = theme.id;
  // Station 1 holds something every week; its W18 activity (2 May) carries May's theme.
  await activity('330303001001', '2024-04-24', '站一 第17周', 'published');
  await activity('330303001001', '2024-05-02', '站一 主题活动', 'finished', theme.id);
  await activity('330303001001', '2024-05-08', '站一 第19周', 'published');
  // Station 2 has a gap in W18: only a cancelled (themed) and a draft activity, which do not count.
  await activity('330303001002', '2024-04-25', '站二 第17周', 'published');
  await activity('330303001002', '2024-04-30', '站二 已取消', 'cancelled', theme.id);
  await activity('330303001002', '2024-05-01', '站二 草稿', 'draft');
  await activity('330303001002', '2024-05-09', '站二 第19周', 'in_progress');
  // The institute itself holds one activity, in W17; a submitted one in W19 does not count.
  await activity('330303001', '2024-04-26', '所 第17周', 'published');
  await activity('330303001', '2024-05-10', '所 待审核', 'submitted');
});
afterAll(() => t.close());

describe('coverage report', () => {
  it('marks exactly the week a station held nothing that counts, and rolls stations up into their institute', async () => {
    const res = await yongzhong.get(`/api/coverage?unit=${ids['330303001']}&from=2024-04-24&to=2024-05-12`);
    expect(res.statusCode).toBe(200);
    const r: Report = res.json();
    expect(r.weeks.map((w) => w.key)).toEqual(['2024-W17', '2024-W18', '2024-W19']);
    expect(r.from).toBe(W17);
    expect(r.to).toBe('2024-05-12');
    expect(rowOf(r, '330303001001').weekCounts).toEqual([1, 1, 1]);
    expect(rowOf(r, '330303001001').weekGaps).toBe(0);
    expect(rowOf(r, '330303001002').weekCounts).toEqual([1, 0, 1]);
    expect(rowOf(r, '330303001002').weekGaps).toBe(1);
    const inst = rowOf(r, '330303001');
    expect(inst.weekCounts).toEqual([1, 0, 0]);
    expect(inst.weekTotals).toEqual([3, 1, 2]);
    // Every other station of the institute is empty throughout; station 2 adds one gap in W18 only.
    const others = r.rows.filter((x) => x.unit.level === 'station').length - 2;
    expect(inst.stationWeekGaps).toEqual([others, others + 1, others]);
    // Only stations of 永中 and the institute itself are listed.
    expect(r.rows.every((x) => x.unit.code.startsWith('330303001'))).toBe(true);
    expect(r.rows.filter((x) => x.unit.level === 'institute')).toHaveLength(1);
  });

  it("follows theme_id for the month's theme flag; cancelled activities and months without a theme do not count", async () => {
    const r: Report = (await yongzhong.get(`/api/coverage?unit=${ids['330303001']}&from=${W17}&to=2024-05-12`)).json();
    expect(r.months).toEqual([
      { month: '2024-04', theme: null },
      { month: '2024-05', theme: { id: ids.theme, title: '五月：劳动最光荣' } },
    ]);
    expect(rowOf(r, '330303001001').monthThemed).toEqual([null, true]);
    expect(rowOf(r, '330303001002').monthThemed).toEqual([null, false]);
    expect(rowOf(r, '330303001002').monthGaps).toBe(1);
    const others = r.rows.filter((x) => x.unit.level === 'station').length - 2;
    expect(rowOf(r, '330303001').stationMonthGaps).toEqual([0, others + 1]);
  });

  it('covers the district in one report and defaults to the last 8 and next 4 weeks', async () => {
    const r: Report = (await district.get('/api/coverage')).json();
    expect(r.weeks).toHaveLength(13);
    expect(r.weeks[8].key).toBe(r.currentWeek);
    expect(r.weeks[8].start).toBe(formatDate(mondayOf(todayInShanghai(t.clock.now()))));
    expect(r.rows.filter((x) => x.unit.level === 'institute')).toHaveLength(10);
    expect(r.rows.filter((x) => x.unit.level === 'station').length).toBeGreaterThanOrEqual(100);
  });

  it('refuses other institutes and stations, and names the field of a bad range', async () => {
    expect((await puzhou.get(`/api/coverage?unit=${ids['330303001']}`)).statusCode).toBe(403);
    expect((await station.get(`/api/coverage?unit=${ids['330303001']}`)).statusCode).toBe(403);
    expect((await puzhou.get(`/api/coverage/units/${ids['330303001002']}/weeks/2024-W18`)).statusCode).toBe(403);
    expect((await puzhou.get(`/api/coverage/plan.xlsx?unit=${ids['330303001']}`)).statusCode).toBe(403);
    expect((await puzhou.get(`/api/coverage/calendar.pdf?unit=${ids['330303001']}&month=2024-05`)).statusCode).toBe(403);
    // A station admin's default is their own station.
    const own: Report = (await station.get('/api/coverage')).json();
    expect(own.rows.map((x) => x.unit.code)).toEqual(['330303001001']);
    const bad = async (q: string, field: string) => {
      const res = await district.get(`/api/coverage?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(JSON.stringify(res.json().error), q).toContain(field);
    };
    await bad('from=2024-05-01&to=2024-04-01', 'to');
    await bad('from=2023-01-01&to=2024-05-01', 'to');
    await bad('from=2024-02-30', 'from');
    await bad('from=yesterday', 'from');
    expect((await district.get(`/api/coverage/units/${ids['330303001']}/weeks/2024-W54`)).statusCode).toBe(400);
    expect((await district.get('/api/coverage/calendar.pdf?month=2024-13')).statusCode).toBe(400);
  });
});

describe('drill-down', () => {
  type Detail = { week: { key: string; start: string; end: string }; items: { title: string; counted: boolean; status: string; unit: { code: string } }[] };
  it("lists the gap week's activities of a station, none of which counts", async () => {
    const d: Detail = (await yongzhong.get(`/api/coverage/units/${ids['330303001002']}/weeks/2024-W18`)).json();
    expect(d.week).toEqual({ key: '2024-W18', start: W18, end: '2024-05-05' });
    expect(d.items.map((a) => [a.title, a.status, a.counted])).toEqual([
      ['站二 已取消', 'cancelled', false],
      ['站二 草稿', 'draft', false],
    ]);
  });

  it("lists an institute's own and its stations' activities of the week", async () => {
    const d: Detail = (await yongzhong.get(`/api/coverage/units/${ids['330303001']}/weeks/2024-W17`)).json();
    expect(d.items.map((a) => a.title).sort()).toEqual(['所 第17周', '站一 第17周', '站二 第17周'].sort());
    expect(d.items.every((a) => a.counted && a.status === 'finished')).toBe(true);
    const w19: Detail = (await yongzhong.get(`/api/coverage/units/${ids['330303001001']}/weeks/2024-W19`)).json();
    expect(w19.items.map((a) => a.title)).toEqual(['站一 第19周']);
  });
});

describe('coming-week alert', () => {
  type Alerts = { week: { key: string; start: string }; units: { code: string }[]; stations: number };
  it('lists a station with nothing next week until something is published for it', async () => {
    const next = addDays(mondayOf(todayInShanghai(t.clock.now())), 7);
    let a: Alerts = (await station.get('/api/coverage/alerts')).json();
    expect(a.week.key).toBe(isoWeekKey(next));
    expect(a.units.map((u) => u.code)).toEqual(['330303001001']);
    const day = formatDate(addDays(next, 2));
    const draft = await activity('330303001001', day, '下周草稿', 'draft');
    a = (await station.get('/api/coverage/alerts')).json();
    expect(a.units.map((u) => u.code)).toEqual(['330303001001']);
    await t.database.db.execute(sql`update activities set status = 'published' where id = ${draft}`);
    a = (await station.get('/api/coverage/alerts')).json();
    expect(a.units).toEqual([]);
    expect(a.stations).toBe(0);
    // The district sees the rest of 永中's stations, not the one now covered, and nothing outside its scope.
    const all: Alerts = (await district.get('/api/coverage/alerts')).json();
    expect(all.units.some((u) => u.code === '330303001002')).toBe(true);
    expect(all.units.some((u) => u.code === '330303001001')).toBe(false);
    const pz: Alerts = (await puzhou.get('/api/coverage/alerts')).json();
    expect(pz.units.length).toBeGreaterThan(0);
    expect(pz.units.every((u) => u.code.startsWith('330303002'))).toBe(true);
  });
});

describe('exports', () => {
  it('exports the plan as an .xlsx with one row per activity that is not a draft, and the grid', async () => {
    const res = await yongzhong.get(`/api/coverage/plan.xlsx?unit=${ids['330303001']}&from=${W17}&to=2024-05-12`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const plan = wb.getWorksheet('活动安排')!;
    const titles: string[] = [];
    plan.eachRow((row, n) => n > 1 && titles.push(String(row.getCell(7).value)));
    expect(titles.sort()).toEqual(['站一 第17周', '站一 主题活动', '站一 第19周', '站二 第17周', '站二 已取消', '站二 第19周', '所 第17周', '所 待审核'].sort());
    const themed = plan.getRows(2, plan.rowCount - 1)!.find((r) => r.getCell(7).value === '站一 主题活动')!;
    expect(themed.getCell(1).value).toBe('2024-05-02');
    expect(themed.getCell(3).value).toBe('10:00');
    expect(themed.getCell(10).value).toBe('五月：劳动最光荣');
    const grid = wb.getWorksheet('覆盖情况')!;
    const s2 = grid.getRows(2, grid.rowCount - 1)!.find((r) => r.getCell(1).value === '330303001002')!;
    expect([s2.getCell(3).value, s2.getCell(4).value, s2.getCell(5).value]).toEqual([1, 0, 1]);
  });

  it('prints a monthly calendar as a PDF', async () => {
    const res = await station.get(`/api/coverage/calendar.pdf?month=2024-05`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(res.headers['content-disposition']).toContain('calendar-2024-05.pdf');
  });

  it('follows activities as they are cancelled, moved to another week or another unit (the kept counts)', async () => {
    const weeks = async () => {
      const r: Report = (await district.get(`/api/coverage?unit=${ids['330303001']}&from=2023-03-06&to=2023-03-19`)).json();
      return { one: rowOf(r, '330303001001').weekCounts, two: rowOf(r, '330303001002').weekCounts };
    };
    const a = await activity('330303001001', '2023-03-08', '计数 甲', 'published');
    const b = await activity('330303001001', '2023-03-09', '计数 乙', 'published');
    expect(await weeks()).toEqual({ one: [2, 0], two: [0, 0] });

    await t.database.db.execute(sql`update activities set status = 'cancelled' where id = ${a}`);
    expect((await weeks()).one).toEqual([1, 0]);
    await t.database.db.execute(sql`update activities set starts_at = starts_at + interval '7 days', ends_at = ends_at + interval '7 days' where id = ${b}`);
    expect((await weeks()).one).toEqual([0, 1]);
    await t.database.db.execute(sql`update activities set unit_id = ${ids['330303001002']}, unit_code = '330303001002' where id = ${b}`);
    expect(await weeks()).toEqual({ one: [0, 0], two: [0, 1] });
    await t.database.db.execute(sql`delete from activities where id in (${a}, ${b})`);
    expect(await weeks()).toEqual({ one: [0, 0], two: [0, 0] });
  });
});
