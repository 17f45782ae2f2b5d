// Seeds the Longwan demo network, "1 + 10 + 122 + 5": the district center with its building, 21 function rooms
// and district venues; the 10 institutes with their real street codes; 122 stations with invented but plausible
// community/village names; every station's sites; and the 5 belts. Deterministic: the same names, codes,
// coordinates and contacts on every run (only ids and civic-code tokens are random, as they must be).
// A handful of bulk inserts keeps it fast: it runs before every API test file.
import type { DbOrTx } from '../db/client';
import { beltStops, belts, sites, units } from '../db/schema/network';
import { shortToken } from '../platform/crypto';
import type { SiteKind } from '../../common/network';

type Place = { address: string; lat: number; lng: number; contactName: string; contactPhone: string; openingHours: string };
type SiteSeed = Partial<Place> & { unitCode: string; name: string; kind: SiteKind; capacity?: number; facilities?: string[]; intro?: string };

const CENTER_CODE = '330303';
const CENTER_NAME = '龙湾区新时代文明实践中心';

// Street centroids are approximate; station points are spread around them.
const STREETS: { code: string; name: string; lat: number; lng: number; places: string }[] = [
  { code: '330303001', name: '永中街道', lat: 27.936, lng: 120.806, places: '永昌社区 新城社区 罗东社区 罗北社区 罗南社区 龙祥社区 永乐社区 度山村 普门村 五溪村 场桥村 楼下村 青山村 王宅村' },
  { code: '330303002', name: '蒲州街道', lat: 27.983, lng: 120.722, places: '蒲州社区 蒲东社区 蒲西社区 上庄社区 黄山社区 汇昌社区 前庄村 后庄村 屿田村 洪殿村 塘东村 东湖村' },
  { code: '330303003', name: '海滨街道', lat: 27.884, lng: 120.834, places: '海滨社区 东门社区 西门社区 宁城社区 海韵社区 江滨社区 宁东村 梅头村 蓝田村 沙岙村 双岙村 下堡村' },
  { code: '330303004', name: '永兴街道', lat: 27.905, lng: 120.823, places: '永兴社区 南洋社区 兴华社区 滨江社区 永丰社区 三甲村 四甲村 五甲村 六甲村 殿前村 孙宅村 河埭村 新桥村' },
  { code: '330303006', name: '状元街道', lat: 28.004, lng: 120.735, places: '状元社区 横街社区 乌仁社区 龙川社区 青林社区 文昌社区 岩门村 上湾村 下湾村 浃底村 石坦村 东山村 白楼下村' },
  { code: '330303007', name: '瑶溪街道', lat: 27.982, lng: 120.771, places: '瑶溪社区 河头社区 南山社区 皇岙社区 茶山社区 龙湾塘社区 贞义村 石坑村 山下村 东岙村 北岙村 泰宁村' },
  { code: '330303012', name: '海城街道', lat: 27.862, lng: 120.803, places: '海城社区 城北社区 城南社区 学前社区 上埠村 底厂村 埭头村 殿后村 沙前村 海安村' },
  { code: '330303013', name: '沙城街道', lat: 27.851, lng: 120.771, places: '沙城社区 七甲社区 八甲社区 新华社区 永胜社区 东前村 西前村 南垟村 北垟村 盐场村 海洋村' },
  { code: '330303014', name: '天河街道', lat: 27.889, lng: 120.781, places: '天河社区 天城社区 丰和社区 新河村 长江村 东安村 石浦村 黄石村 垟头村' },
  { code: '330303015', name: '星海街道', lat: 27.951, lng: 120.872, places: '星海社区 海悦社区 滨海社区 蓝湾社区 龙江社区 星光社区 海潮社区 锦绣社区 海晏村 龙腾村 观潮村 启明村 长安村 东升村 旭日村 海晨村' },
];

const SURNAMES = ['王', '李', '张', '陈', '林', '黄', '周', '吴', '郑', '潘', '叶', '徐', '朱', '金', '胡', '项'];
const GIVEN = ['晓燕', '建国', '丽娟', '海波', '志强', '美玲', '文杰', '秀英', '国华', '春梅', '伟', '静', '立新', '海燕', '振宇', '慧敏', '德明'];
const HOURS = ['周一至周五 8:30-17:00', '周二至周日 9:00-17:00', '每天 8:00-20:00', '周一至周六 8:30-11:30，13:30-17:30'];
const FEATURES = ['设有"一周一课"公益课堂', '组建"罗山红"志愿服务分队', '开设道德讲堂', '建有家风家训展示墙', '常态化开展"一月一助"帮扶', '开设老年课堂和四点半课堂'];

const personName = (n: number) => SURNAMES[(n * 7 + 3) % SURNAMES.length] + GIVEN[(n * 5 + 1) % GIVEN.length];
const phone = (n: number) => `1395770${String(n).padStart(4, '0')}`;
const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** A point near (lat, lng): spread on a golden-angle spiral so neighbours do not overlap. */
function near(lat: number, lng: number, i: number): { lat: number; lng: number } {
  const r = 0.004 + 0.0016 * Math.sqrt(i);
  const a = i * 2.39996;
  return { lat: round(lat + r * Math.cos(a)), lng: round(lng + r * Math.sin(a)) };
}

const CENTER_PLACE: Place = {
  address: '浙江省温州市龙湾区蒲州街道文明实践大道 1 号',
  lat: 27.97,
  lng: 120.75,
  contactName: '陈思远',
  contactPhone: phone(1),
  openingHours: '周二至周日 9:00-17:00（周一闭馆）',
};

const FUNCTION_ROOMS = [
  '指挥服务大厅', '雷锋志愿服务学堂', '理论宣讲厅', '党史学习教育馆', '文明实践展示厅', '非遗传承工作室', '书画创作室',
  '音乐排练室', '舞蹈排练厅', '心理咨询室', '法律援助室', '科普体验室', '学习E站', '融媒体演播室', '志愿者之家',
  '亲子阅览室', '多功能报告厅', '健身活动室', '老年大学教室', '青少年成长驿站', '协调会商室',
];

// Themed venues the belts run through: [unit code, name, kind].
const VENUES: [string, string, SiteKind][] = [
  [CENTER_CODE, '雷锋广场', 'square'],
  [CENTER_CODE, '龙湾区图书馆', 'library'],
  [CENTER_CODE, '龙湾区文化馆', 'culture_hall'],
  [CENTER_CODE, '龙湾区全民健身中心', 'sports_venue'],
  ['330303001', '永中街道党史学习馆', 'exhibition_hall'],
  ['330303001', '永中街道家训文化长廊', 'other'],
  ['330303001', '永昌堡历史文化街区', 'heritage_site'],
  ['330303002', '蒲州街道道德模范馆', 'exhibition_hall'],
  ['330303002', '蒲州古街', 'heritage_site'],
  ['330303003', '海滨街道最美龙湾人展示馆', 'exhibition_hall'],
  ['330303003', '海滨街道健身广场', 'square'],
  ['330303004', '永兴街道孝德文化广场', 'square'],
  ['330303006', '状元街道好人馆', 'exhibition_hall'],
  ['330303006', '状元街道家风家训馆', 'exhibition_hall'],
  ['330303007', '瑶溪街道红色驿站', 'red_education_base'],
  ['330303007', '瑶溪非遗传承馆', 'heritage_site'],
  ['330303007', '瑶溪登山健身步道', 'sports_venue'],
  ['330303012', '海城街道革命历史纪念馆', 'red_education_base'],
  ['330303012', '海城街道清风家训馆', 'exhibition_hall'],
  ['330303013', '沙城街道红色教育基地', 'red_education_base'],
  ['330303013', '沙城街道健身中心', 'sports_venue'],
  ['330303014', '天河街道家风馆', 'exhibition_hall'],
  ['330303014', '天河街道体育公园', 'sports_venue'],
  ['330303015', '星海街道滨海绿道驿站', 'sports_venue'],
];

const BELTS: { name: string; theme: string; description: string; stops: string[] }[] = [
  {
    name: '薪火相传红飘带',
    theme: '红色传承',
    description: '串联革命纪念馆、红色驿站和党史学习馆，重温党的光辉历程，赓续红色血脉。',
    stops: ['雷锋广场', '永中街道党史学习馆', '瑶溪街道红色驿站', '海城街道革命历史纪念馆', '沙城街道红色教育基地', '永昌社区党群服务中心'],
  },
  {
    name: '见贤思齐崇德带',
    theme: '崇德向善',
    description: '走进好人馆和道德模范馆，讲述最美龙湾人、道德模范和中国好人的故事。',
    stops: ['状元街道好人馆', '蒲州街道道德模范馆', '海滨街道最美龙湾人展示馆', '永兴街道孝德文化广场', '龙湾区文化馆'],
  },
  {
    name: '家风家训风尚带',
    theme: '家风家训',
    description: '以家风馆、家训长廊和文化礼堂为节点，传承好家风、好家训。',
    stops: ['永中街道家训文化长廊', '状元街道家风家训馆', '天河街道家风馆', '海城街道清风家训馆', '度山村文化礼堂', '岩门村文化礼堂'],
  },
  {
    name: '文化遗产传承带',
    theme: '文化遗产',
    description: '从永昌堡到瑶溪，寻访古堡、古街和非遗工坊，守护龙湾文脉。',
    stops: ['永昌堡历史文化街区', '蒲州古街', '瑶溪非遗传承馆', '龙湾区图书馆', '龙湾区文化馆', '贞义村文化礼堂', '梅头村文化礼堂'],
  },
  {
    name: '体育健康活力带',
    theme: '体育健康',
    description: '连接健身中心、绿道驿站和体育公园，倡导全民健身、健康生活。',
    stops: ['龙湾区全民健身中心', '瑶溪登山健身步道', '天河街道体育公园', '星海街道滨海绿道驿站', '海滨街道健身广场', '沙城街道健身中心'],
  },
];

const KIND_DETAILS: Partial<Record<SiteKind, { capacity: number; facilities: string[] }>> = {
  party_mass_service_center: { capacity: 80, facilities: ['会议室', '志愿服务站', '阅览角'] },
  cultural_auditorium: { capacity: 300, facilities: ['舞台', '展陈长廊', '村史馆'] },
  city_study_room: { capacity: 60, facilities: ['图书 8000 册', '自习座位', '自助借还'] },
  minors_activity_site: { capacity: 40, facilities: ['书画室', '亲子阅读区', '心理辅导室'] },
  convenience_service_center: { capacity: 50, facilities: ['办事窗口', '自助终端', '爱心驿站'] },
};

function stationSites(unitCode: string, place: string, i: number, base: Place): SiteSeed[] {
  const village = place.endsWith('村');
  const out: SiteSeed[] = [{ unitCode, name: `${place}党群服务中心`, kind: 'party_mass_service_center' }];
  // Zhejiang builds a cultural auditorium (文化礼堂) in nearly every village.
  if (village) out.push({ unitCode, name: `${place}文化礼堂`, kind: 'cultural_auditorium' });
  if (!village && i % 3 === 0) out.push({ unitCode, name: `${place}城市书房`, kind: 'city_study_room' });
  if (i % 5 === 2) out.push({ unitCode, name: `${place}未成年人活动阵地`, kind: 'minors_activity_site' });
  if (i % 7 === 3) out.push({ unitCode, name: `${place}便民服务中心`, kind: 'convenience_service_center' });
  const building: Partial<Record<SiteKind, string>> = { party_mass_service_center: '党群服务中心', cultural_auditorium: '文化礼堂' };
  return out.map((s, k) => ({ ...base, ...near(base.lat, base.lng, k), address: `${base.address}${building[s.kind] ?? '综合楼'}`, ...s }));
}

export async function seedNetwork(db: DbOrTx): Promise<void> {
  // Seed rows get distinct, increasing times so lists ordered by creation keep the seed's order.
  const base = Date.now();
  let tick = 0;
  const stamp = () => {
    const t = new Date(base + tick++);
    return { createdAt: t, updatedAt: t };
  };
  const [center] = await db
    .insert(units)
    .values({ code: CENTER_CODE, level: 'center', name: CENTER_NAME, ...CENTER_PLACE, intro: '龙湾区新时代文明实践中心建筑面积 1.3 万平方米，设雷锋广场、指挥服务大厅、五大功能区和 21 个功能室，统一管理、统一指挥、统一调度全区文明实践工作。', ...stamp() })
    .returning({ id: units.id });

  const places = new Map<string, Place>([[CENTER_CODE, CENTER_PLACE]]);
  const instituteRows = STREETS.map((s, i) => {
    const place: Place = {
      address: `浙江省温州市龙湾区${s.name}便民服务中心`,
      lat: s.lat,
      lng: s.lng,
      contactName: personName(10 + i),
      contactPhone: phone(10 + i),
      openingHours: HOURS[0],
    };
    places.set(s.code, place);
    return { code: s.code, parentId: center.id, level: 'institute' as const, name: `${s.name}新时代文明实践所`, ...place, intro: `${s.name}新时代文明实践所统筹全街道的实践站和实践点，打造"一街一品牌"。`, ...stamp() };
  });
  const institutes = await db.insert(units).values(instituteRows).returning({ id: units.id, code: units.code });
  const instituteId = new Map(institutes.map((r) => [r.code, r.id]));

  const siteSeeds: SiteSeed[] = [];
  const stationRows = STREETS.flatMap((s) =>
    s.places.split(' ').map((place, i) => {
      const code = `${s.code}${String(i + 1).padStart(3, '0')}`;
      const n = 100 + Number(s.code.slice(-2)) * 20 + i;
      const p: Place = { address: `浙江省温州市龙湾区${s.name}${place}`, ...near(s.lat, s.lng, i + 1), contactName: personName(n), contactPhone: phone(n), openingHours: HOURS[n % HOURS.length] };
      siteSeeds.push(...stationSites(code, place, i, p));
      const intro = `${place}新时代文明实践站依托${place.endsWith('村') ? '村' : '社区'}党群服务中心建设，${FEATURES[n % FEATURES.length]}，常态化开展理论宣讲、志愿服务、文化惠民和移风易俗活动。`;
      return { code, parentId: instituteId.get(s.code)!, level: 'station' as const, name: `${s.name}${place}新时代文明实践站`, ...p, intro, ...stamp() };
    }),
  );
  const stations = await db.insert(units).values(stationRows).returning({ id: units.id, code: units.code });

  siteSeeds.push({ unitCode: CENTER_CODE, name: `${CENTER_NAME}大楼`, kind: 'center_building', capacity: 2000, facilities: ['雷锋广场', '指挥服务大厅', '五大功能区', '21 个功能室'] });
  FUNCTION_ROOMS.forEach((room, i) =>
    siteSeeds.push({ unitCode: CENTER_CODE, name: room, kind: 'function_room', address: `${CENTER_PLACE.address} ${1 + Math.floor(i / 6)} 楼`, capacity: 30 + (i % 5) * 20, facilities: ['多媒体设备', '无障碍通道'] }),
  );
  for (const [unitCode, name, kind] of VENUES) {
    const p = places.get(unitCode)!;
    const street = STREETS.find((s) => s.code === unitCode)?.name ?? '';
    const local = name.replace(/^龙湾区/, '');
    siteSeeds.push({ unitCode, name, kind, ...near(p.lat, p.lng, name.length), address: `浙江省温州市龙湾区${local.startsWith(street) ? local : street + local}` });
  }
  for (const s of STREETS) siteSeeds.push({ unitCode: s.code, name: `${s.name}便民服务中心`, kind: 'convenience_service_center' });

  const unitId = new Map<string, string>([[CENTER_CODE, center.id], ...instituteId, ...stations.map((r) => [r.code, r.id] as [string, string])]);
  const siteRows = siteSeeds.map((s) => {
    const place = places.get(s.unitCode) ?? stationRows.find((r) => r.code === s.unitCode)!;
    const details = KIND_DETAILS[s.kind];
    return {
      unitId: unitId.get(s.unitCode)!,
      unitCode: s.unitCode,
      name: s.name,
      kind: s.kind,
      address: s.address ?? place.address,
      lat: s.lat ?? place.lat,
      lng: s.lng ?? place.lng,
      openingHours: s.openingHours ?? place.openingHours,
      facilities: s.facilities ?? details?.facilities ?? [],
      capacity: s.capacity ?? details?.capacity ?? null,
      contactName: s.contactName ?? place.contactName,
      contactPhone: s.contactPhone ?? place.contactPhone,
      intro: s.intro ?? `${s.name}是群众家门口的新时代文明实践阵地，欢迎扫码了解活动、点单服务。`,
      civicToken: shortToken(12),
      ...stamp(),
    };
  });
  const inserted = await db.insert(sites).values(siteRows).returning({ id: sites.id, name: sites.name });
  const siteId = new Map(inserted.map((r) => [r.name, r.id]));

  const beltRows = await db
    .insert(belts)
    .values(BELTS.map((b) => ({ name: b.name, theme: b.theme, description: b.description, unitId: center.id, unitCode: CENTER_CODE, ...stamp() })))
    .returning({ id: belts.id, name: belts.name });
  await db.insert(beltStops).values(
    BELTS.flatMap((b) => {
      const beltId = beltRows.find((r) => r.name === b.name)!.id;
      return b.stops.map((name, i) => {
        const id = siteId.get(name);
        if (!id) throw new Error(`seed: belt ${b.name} names an unknown site ${name}`);
        return { beltId, position: i + 1, siteId: id };
      });
    }),
  );
}
