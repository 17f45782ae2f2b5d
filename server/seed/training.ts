// Demo volunteer school: courses at the center and some institutes, past and upcoming sessions, attendance and the
// qualifications passes granted to part of the seeded volunteers, including some that expire within the next 30
// days (relative to `now`), so the console's "expiring" list has something to show on a first start. Every table
// is written with a few bulk inserts: this runs inside the product's first start.
import { inArray, sql } from 'drizzle-orm';
import type { Tx } from '../db/client';
import { rowsOf } from '../db/client';
import { units } from '../db/schema/network';
import { courses, courseSessions, enrolments, qualifications } from '../db/schema/training';
import { addMonthsShanghai, DAY_MS } from '../modules/training/training-time';

type SeedVolunteer = { id: string; homeUnitCode: string };

type CourseSpec = {
  key: string;
  unitCode: string;
  title: string;
  description: string;
  qualification: string | null;
  validMonths: number | null;
  teacher: string;
  capacity: number;
  /** Sessions, in days from now (negative = past). A past session `validMonths` ago minus a few days yields grants about to expire. */
  sessions: { inDays: number; hours?: number; cancelled?: boolean }[];
};

const CENTER = '330303';

/** Days back to a session whose grants (valid `months`) expire `left` days from now. */
function expiringIn(months: number, left: number, now: Date): number {
  const back = addMonthsShanghai(now, -months);
  return Math.round((back.getTime() - now.getTime()) / DAY_MS) + left;
}

function specs(now: Date): CourseSpec[] {
  return [
    {
      key: 'first-aid',
      unitCode: CENTER,
      title: '急救员培训',
      description: '心肺复苏（CPR）、AED 使用、创伤止血包扎与常见急症处置，考核通过获得急救员资格（两年有效）。',
      qualification: '急救员',
      validMonths: 24,
      teacher: '区红十字会 陈医生',
      capacity: 40,
      sessions: [{ inDays: expiringIn(24, 12, now) }, { inDays: -400 }, { inDays: -60 }, { inDays: 6 }, { inDays: 27 }],
    },
    {
      key: 'elderly-care',
      unitCode: CENTER,
      title: '助老服务技能培训',
      description: '居家探访、助餐助浴、防跌倒与失智老人沟通技巧，配合"一月一助"结对服务。',
      qualification: '助老服务员',
      validMonths: 12,
      teacher: '龙湾区雨花敬老协会 林老师',
      capacity: 30,
      sessions: [{ inDays: expiringIn(12, 20, now) }, { inDays: -120 }, { inDays: 10 }],
    },
    {
      key: 'lecture',
      unitCode: '330303001',
      title: '理论宣讲技巧',
      description: '"习语春风""龙言力行"宣讲团骨干授课：选题、讲稿、方言表达与互动设计。',
      qualification: '宣讲员',
      validMonths: null,
      teacher: '"蒲公英"理论宣讲队 周老师',
      capacity: 25,
      sessions: [{ inDays: -200 }, { inDays: -30 }, { inDays: 14 }],
    },
    {
      key: 'rescue',
      unitCode: '330303002',
      title: '应急救援基础',
      description: '台风防汛、火场疏散、绳索与水域救援基础，由纵横救援队实操带教。',
      qualification: '应急救援员',
      validMonths: 24,
      teacher: '纵横救援队 郑队长',
      capacity: 30,
      sessions: [{ inDays: expiringIn(24, 25, now) }, { inDays: -90 }, { inDays: 4, hours: 4 }, { inDays: 9, cancelled: true }],
    },
    {
      key: 'counselling',
      unitCode: '330303003',
      title: '心理疏导入门',
      description: '倾听与共情、危机识别与转介，面向社区志愿者与网格员。',
      qualification: '心理疏导志愿者',
      validMonths: 36,
      teacher: '区心理健康指导中心 吴老师',
      capacity: 20,
      sessions: [{ inDays: -150 }, { inDays: 18 }],
    },
    {
      key: 'civility',
      unitCode: '330303007',
      title: '文明劝导实务',
      description: '文明交通、垃圾分类与公共场所文明劝导的话术和安全要点。',
      qualification: null,
      validMonths: null,
      teacher: '瑶溪街道实践所 黄老师',
      capacity: 35,
      sessions: [{ inDays: -45 }, { inDays: 3 }],
    },
  ];
}

/** A small deterministic generator, so the demo looks the same on every first start. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 14:00 Shanghai time, `days` days from now's Shanghai date. */
function afternoonOf(now: Date, days: number): Date {
  const offset = 8 * 3600_000;
  const localMidnight = Math.floor((now.getTime() + offset) / DAY_MS) * DAY_MS;
  return new Date(localMidnight + days * DAY_MS + 14 * 3600_000 - offset);
}

/** Volunteers for one session: mostly from the course unit's scope, topped up from everywhere, none twice. */
function pick(pool: SeedVolunteer[], unitCode: string, n: number, rnd: () => number): SeedVolunteer[] {
  const local = pool.filter((v) => v.homeUnitCode.startsWith(unitCode));
  const source = local.length >= n ? local : pool;
  const chosen = new Set<number>();
  const limit = Math.min(n, source.length);
  while (chosen.size < limit) chosen.add(Math.floor(rnd() * source.length));
  return [...chosen].map((i) => source[i]);
}

async function insertChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>, size = 2000): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

export async function seedTraining(tx: Tx, o: { volunteers: SeedVolunteer[]; now: Date }): Promise<void> {
  const list = specs(o.now);
  const codes = [...new Set(list.map((c) => c.unitCode))];
  const unitRows = await tx.select({ id: units.id, code: units.code }).from(units).where(inArray(units.code, codes));
  const unitId = new Map(unitRows.map((u) => [u.code, u.id]));
  const usable = list.filter((c) => unitId.has(c.unitCode));
  if (usable.length === 0) return;
  // Classes are held in rooms: a function room or service center of the unit when it has one.
  const siteRows = rowsOf<{ id: string; unit_code: string }>(
    await tx.execute(sql`select distinct on (unit_code) id, unit_code from sites
      where status = 'open' and unit_code in (${sql.join(codes.map((c) => sql`${c}`), sql`, `)})
      order by unit_code, case kind when 'function_room' then 0 when 'party_mass_service_center' then 1 when 'cultural_auditorium' then 2
        when 'convenience_service_center' then 3 else 4 end, name`),
  );
  const siteOf = new Map(siteRows.map((s) => [s.unit_code, s.id]));

  const courseRows = await tx
    .insert(courses)
    .values(
      usable.map((c, i) => ({
        title: c.title,
        description: c.description,
        unitId: unitId.get(c.unitCode)!,
        unitCode: c.unitCode,
        qualification: c.qualification,
        validMonths: c.validMonths,
        createdAt: new Date(o.now.getTime() - (800 - i) * DAY_MS),
      })),
    )
    .returning({ id: courses.id });

  const sessionValues = usable.flatMap((c, ci) =>
    c.sessions.map((s) => {
      const startsAt = afternoonOf(o.now, s.inDays);
      return {
        courseId: courseRows[ci].id,
        startsAt,
        endsAt: new Date(startsAt.getTime() + (s.hours ?? 2.5) * 3600_000),
        siteId: siteOf.get(c.unitCode) ?? null,
        place: siteOf.has(c.unitCode) ? '' : '培训教室',
        teacher: c.teacher,
        capacity: c.capacity,
        status: s.cancelled ? ('cancelled' as const) : ('scheduled' as const),
      };
    }),
  );
  const sessionRows = await tx.insert(courseSessions).values(sessionValues).returning({ id: courseSessions.id });
  // Only volunteers in service take part (the registry seeds some pending or suspended ones too).
  const active = new Set(rowsOf<{ id: string }>(await tx.execute(sql`select id from volunteers where status = 'active'`)).map((r) => r.id));
  const pool = o.volunteers.filter((v) => active.has(v.id));
  if (pool.length === 0) return;

  const rnd = random(20260305);
  const enrolmentValues: (typeof enrolments.$inferInsert)[] = [];
  const grantValues: (typeof qualifications.$inferInsert)[] = [];
  let k = 0;
  usable.forEach((c, ci) => {
    c.sessions.forEach((s) => {
      const session = { id: sessionRows[k].id, ...sessionValues[k] };
      k++;
      if (s.cancelled) return;
      const past = session.endsAt <= o.now;
      // Past sessions ran nearly full; upcoming ones are filling up.
      const n = Math.round(c.capacity * (past ? 0.75 + rnd() * 0.2 : 0.2 + rnd() * 0.4));
      for (const v of pick(pool, c.unitCode, n, rnd)) {
        const attended = past ? rnd() < 0.92 : null;
        const passed = past ? Boolean(attended) && rnd() < 0.88 : null;
        enrolmentValues.push({
          sessionId: session.id,
          volunteerId: v.id,
          attended,
          passed,
          recordedAt: past ? new Date(session.endsAt.getTime() + 3600_000) : null,
          createdAt: new Date(session.startsAt.getTime() - (3 + Math.floor(rnd() * 10)) * DAY_MS),
        });
        if (passed && c.qualification) {
          grantValues.push({
            volunteerId: v.id,
            name: c.qualification,
            courseId: courseRows[ci].id,
            grantedAt: session.endsAt,
            expiresAt: c.validMonths ? addMonthsShanghai(session.endsAt, c.validMonths) : null,
          });
        }
      }
    });
  });
  await insertChunks(enrolmentValues, (chunk) => tx.insert(enrolments).values(chunk));
  await insertChunks(grantValues, (chunk) => tx.insert(qualifications).values(chunk));
}
