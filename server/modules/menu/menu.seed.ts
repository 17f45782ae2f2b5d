// Demo service menu: a few district-wide items of the center, and two published items per street institute — one
// offered anywhere in the street, one at a station's party-mass service centre. Deterministic titles; one bulk
// insert. Exported for the product seed (the lead wires it into server/seed/run.ts).
import { and, asc, eq, like } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { sites, units } from '../../db/schema/network';
import { menuItems } from '../../db/schema/orders';
import type { ServiceCategory } from '../../../common/service-categories';

const CENTER = '330303';

type Seed = { title: string; category: ServiceCategory; description: string; provider: string; availability: string; weeklyQuota: number | null; homeVisit: boolean };

const DISTRICT: Seed[] = [
  { title: '健康义诊', category: 'health', description: '测血压、血糖，常见病咨询，用药指导。', provider: '龙湾区医疗卫生志愿服务队', availability: '每月第一个周六上午 8:30–11:30', weeklyQuota: null, homeVisit: false },
  { title: '法律咨询进社区', category: 'legal', description: '婚姻家庭、劳动争议、邻里纠纷等法律问题免费咨询。', provider: '龙湾区律师志愿服务队', availability: '每周三下午 14:00–17:00', weeklyQuota: 20, homeVisit: false },
  { title: '反诈宣传进家门', category: 'science', description: '讲解常见电信网络诈骗手法，帮老人安装国家反诈中心 App。', provider: '龙湾区公安志愿服务队', availability: '预约后一周内安排', weeklyQuota: 30, homeVisit: true },
  { title: '理论政策宣讲', category: 'theory_lecture', description: '"习语春风"宣讲团上门宣讲党的创新理论和惠民政策。', provider: '龙湾区"习语春风"宣讲团', availability: '提前两周预约', weeklyQuota: 5, homeVisit: false },
];

const street = (unitName: string) => unitName.replace(/新时代文明实践所$/, '');

function instituteItems(name: string, i: number): [Seed, Seed] {
  const s = street(name);
  const wholeUnit: Seed[] = [
    { title: '老人上门理发', category: 'elderly_help', description: '为行动不便的老人上门理发、修面。', provider: `${s}巧手志愿服务队`, availability: '每周二、周四上午', weeklyQuota: 10, homeVisit: true },
    { title: '家电义务维修', category: 'convenience', description: '小家电、电动车、水电线路的简单维修，只收材料费。', provider: `${s}红色维修志愿队`, availability: '每周六上午 9:00–11:30', weeklyQuota: 15, homeVisit: true },
  ];
  const atSite: Seed[] = [
    { title: '青少年课业辅导', category: 'minors_care', description: '"四点半课堂"作业辅导，大学生志愿者一对一答疑。', provider: `${s}青年志愿服务队`, availability: '工作日 16:30–18:00', weeklyQuota: 25, homeVisit: false },
    { title: '太极拳健身指导', category: 'fitness', description: '太极拳、八段锦教学，适合中老年人。', provider: `${s}健身志愿服务队`, availability: '每天早上 6:30–7:30', weeklyQuota: null, homeVisit: false },
  ];
  return [wholeUnit[i % 2], atSite[i % 2]];
}

/** Inserts the demo menu; call inside the seed's transaction, after the network. Returns how many items it wrote. */
export async function seedMenu(tx: Tx, opts: { now?: Date } = {}): Promise<number> {
  const now = opts.now ?? new Date();
  const all = await tx
    .select({ id: units.id, code: units.code, level: units.level, name: units.name })
    .from(units)
    .where(and(eq(units.status, 'active'), like(units.code, `${CENTER}%`)))
    .orderBy(asc(units.code));
  const center = all.find((u) => u.code === CENTER);
  if (!center) return 0;
  const openSites = await tx
    .select({ id: sites.id, unitCode: sites.unitCode, kind: sites.kind })
    .from(sites)
    .where(and(eq(sites.status, 'open'), like(sites.unitCode, `${CENTER}%`)))
    .orderBy(asc(sites.unitCode), asc(sites.name));
  const row = (u: { id: string; code: string }, s: Seed, siteIds: string[]) => ({
    ...s,
    unitId: u.id,
    unitCode: u.code,
    siteIds,
    status: 'published' as const,
    publishedAt: now,
    createdAt: now,
    updatedAt: now,
  });
  const rows = DISTRICT.map((s) => row(center, s, []));
  all
    .filter((u) => u.level === 'institute')
    .forEach((inst, i) => {
      const [wholeUnit, atSite] = instituteItems(inst.name, i);
      rows.push(row(inst, wholeUnit, []));
      // A station's party-mass service centre under the street (the first one by code), else the whole street.
      const stationSites = openSites.filter((s) => s.unitCode.startsWith(inst.code) && s.unitCode !== inst.code);
      const site = stationSites.find((s) => s.kind === 'party_mass_service_center') ?? stationSites[0];
      rows.push(row(inst, atSite, site ? [site.id] : []));
    });
  await tx.insert(menuItems).values(rows);
  return rows.length;
}
