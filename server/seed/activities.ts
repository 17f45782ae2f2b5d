// Demo list mode (清单模式): the center's themes for the 12 months around `now`, the district's programme list
// (published, with brands), adoptions by the institutes, and for every station one or two activities a week for the
// past 8 and the next 4 weeks — with a few deliberate gaps (some stations miss a week) so the coverage report has
// something to show. Everything is written with a few bulk inserts; it runs inside the product's first start.
import { asc, eq } from 'drizzle-orm';
import type { Tx } from '../db/client';
import { units, sites } from '../db/schema/network';
import { activities, monthlyThemes, programmes } from '../db/schema/activities';
import { addDays, fromLocal, localParts } from '../modules/activities/activity-time';

const CENTER = '330303';
const THEMES: Record<number, [string, string]> = {
  1: ['迎新春·送温暖', '走访慰问困难群众，写春联送福字'],
  2: ['文明过大年', '倡导移风易俗、文明祭祀'],
  3: ['学雷锋志愿服务月', '弘扬雷锋精神，广泛开展志愿服务'],
  4: ['清明追思·文明祭扫', '缅怀先烈，倡导绿色祭扫'],
  5: ['劳动最光荣', '礼赞劳动者，弘扬劳模精神'],
  6: ['护苗成长', '关爱未成年人，护航暑期安全'],
  7: ['党的光辉照我心', '学习党史，宣讲党的创新理论'],
  8: ['全民健身月', '组织群众性健身活动'],
  9: ['邻里守望·敬老孝亲', '重阳敬老、邻里互助'],
  10: ['礼赞新中国', '爱国主义教育系列活动'],
  11: ['消防安全进万家', '防灾减灾知识普及'],
  12: ['宪法宣传月', '学法用法，建设法治龙湾'],
};

const PROGRAMMES: { title: string; topic: string; platform: string | null; brands: string[] }[] = [
  { title: '习语春风·理论宣讲进村社', topic: 'study_policy', platform: 'theory_lecture', brands: ['习语春风'] },
  { title: '龙湾理赞·青年说理', topic: 'study_theory', platform: 'theory_lecture', brands: ['龙湾理赞'] },
  { title: '一周一课·文明课堂', topic: 'core_values', platform: 'education', brands: ['一周一课'] },
  { title: '一周一课·健康养生讲座', topic: 'culture_life', platform: 'science', brands: ['一周一课'] },
  { title: '一月一助·困难家庭帮扶', topic: 'new_customs', platform: null, brands: ['一月一助'] },
  { title: '文明赞歌·村晚文艺汇演', topic: 'culture_life', platform: 'culture', brands: ['文明赞歌'] },
  { title: '政策解读面对面', topic: 'explain_policy', platform: 'theory_lecture', brands: ['龙言力行'] },
  { title: '移风易俗·红白喜事简办倡议', topic: 'change_customs', platform: 'education', brands: ['一街一品牌'] },
  { title: '全民健身·广场舞和太极', topic: 'culture_life', platform: 'fitness', brands: ['一队一特色'] },
  { title: '科普进社区·防诈骗', topic: 'new_customs', platform: 'science', brands: ['一周一课'] },
  { title: '四点半课堂·作业辅导', topic: 'core_values', platform: 'education', brands: ['一周一课', '一队一特色'] },
  { title: '垃圾分类·美丽庭院', topic: 'new_customs', platform: 'science', brands: ['一街一品牌'] },
];

function monthsAround(now: Date): string[] {
  const [y, m] = localParts(now).month.split('-').map(Number);
  return Array.from({ length: 12 }, (_, i) => {
    const k = y * 12 + (m - 1) + i - 5;
    return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
  });
}

async function insertChunks<T>(tx: Tx, rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await insert(rows.slice(i, i + 500));
}

export async function seedActivities(tx: Tx, o: { now: Date }): Promise<void> {
  const all = await tx.select({ id: units.id, code: units.code, level: units.level }).from(units).where(eq(units.status, 'active')).orderBy(asc(units.code));
  const center = all.find((u) => u.code === CENTER);
  if (!center) return;
  const institutes = all.filter((u) => u.level === 'institute' && u.code.startsWith(CENTER));
  const stations = all.filter((u) => u.level === 'station' && u.code.startsWith(CENTER));
  const siteRows = await tx.select({ id: sites.id, unitId: sites.unitId }).from(sites).where(eq(sites.status, 'open'));
  const siteOf = new Map<string, string>();
  for (const s of siteRows) if (!siteOf.has(s.unitId)) siteOf.set(s.unitId, s.id);

  const themeRows = await tx
    .insert(monthlyThemes)
    .values(monthsAround(o.now).map((month) => ({ unitId: center.id, month, title: THEMES[Number(month.slice(5))][0], description: THEMES[Number(month.slice(5))][1], createdAt: o.now })))
    .onConflictDoNothing()
    .returning({ id: monthlyThemes.id, month: monthlyThemes.month });
  const themeOf = new Map(themeRows.map((t) => [t.month, t.id]));

  const district = await tx
    .insert(programmes)
    .values(PROGRAMMES.map((p) => ({ ...p, unitId: center.id, unitCode: CENTER, description: `${p.title}：全区统一清单项目`, status: 'published' as const, publishedAt: o.now, createdAt: o.now, updatedAt: o.now })))
    .returning({ id: programmes.id, title: programmes.title, topic: programmes.topic, platform: programmes.platform, brands: programmes.brands, description: programmes.description });
  // Each institute adopts four items of the district list (a different four each).
  const adoptions = institutes.flatMap((inst, i) =>
    [0, 1, 2, 3].map((k) => {
      const p = district[(i * 3 + k) % district.length];
      return { unitId: inst.id, unitCode: inst.code, title: p.title, topic: p.topic, platform: p.platform, brands: p.brands, description: p.description, status: 'published' as const, publishedAt: o.now, adoptedFrom: p.id, createdAt: o.now, updatedAt: o.now };
    }),
  );
  if (adoptions.length) await tx.insert(programmes).values(adoptions).onConflictDoNothing();

  const { date: today, isoWeekday } = localParts(o.now);
  const monday = addDays(today, 1 - isoWeekday);
  const rows: (typeof activities.$inferInsert)[] = [];
  stations.forEach((st, i) => {
    for (let w = -8; w < 4; w++) {
      // Deliberate gaps: every seventh station misses a past week and the coming week; every eleventh a past one.
      if ((i % 7 === 3 && (w === -3 || w === 1)) || (i % 11 === 5 && w === -6)) continue;
      const count = (i + w + 8) % 3 === 0 ? 2 : 1;
      for (let k = 0; k < count; k++) {
        const p = district[(i + w + 8 + k * 5) % district.length];
        const date = addDays(monday, w * 7 + (k === 0 ? 5 : 2)); // Saturday, and Wednesday for a second one
        const startsAt = fromLocal(date, k === 0 ? '09:00' : '19:00');
        const endsAt = new Date(startsAt.getTime() + (k === 0 ? 120 : 90) * 60_000);
        const draft = w >= 2 && (i + k) % 5 === 0;
        rows.push({
          title: p.title.replace(/^.*·/, '') + (k === 0 ? '' : '（夜场）'),
          programmeId: p.id,
          topic: p.topic,
          brands: p.brands,
          themeId: (i + w) % 2 === 0 ? (themeOf.get(localParts(startsAt).month) ?? null) : null,
          unitId: st.id,
          unitCode: st.code,
          siteId: siteOf.get(st.id) ?? null,
          startsAt,
          endsAt,
          description: p.description,
          volunteerSlots: 4 + ((i + w + 8) % 5) * 2,
          citizenPlaces: p.brands.includes('一周一课') ? 30 : 0,
          status: draft ? 'draft' : 'published',
          createdAt: o.now,
          updatedAt: o.now,
        });
      }
    }
  });
  await insertChunks(tx, rows, (chunk) => tx.insert(activities).values(chunk));
}
