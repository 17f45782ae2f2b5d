// The 50 demo teams ("50 strong teams" of longwan.md): the eight real names first, then plausible ones spread
// over the center, the institutes (一街一品牌), the stations and outside organizations overseen by a unit.
import type { OrgType, TeamSpecialty } from '../../common/team-specialties';

export type TeamSeed = {
  name: string;
  unitCode: string;
  specialty: TeamSpecialty;
  intro: string;
  org?: { name: string; type: OrgType };
  /** Member of the district volunteer federation ('applied' = waiting for the center's decision). */
  federation: 'member' | 'applied' | 'none';
};

const C = '330303';
const org = (name: string, type: OrgType) => ({ name, type });

// [name, unit code, specialty, federation, intro, organization?]
type Row = [string, string, TeamSpecialty, TeamSeed['federation'], string, { name: string; type: OrgType }?];

const ROWS: Row[] = [
  // The real teams named in the district's public material.
  ['"蒲公英"理论宣讲志愿服务队', C, 'theory_lecture', 'member', '用群众听得懂的家常话宣讲党的创新理论，"习语春风""龙湾理赞"等宣讲品牌走进村社、企业和校园。'],
  ['潘罗敏工作室', C, 'civility', 'member', '以带头人名字命名的志愿服务工作室，常态化开展邻里调解、文明劝导和志愿者骨干培训。'],
  ['传统文化促进会', C, 'culture', 'member', '挖掘和传承龙湾传统文化，开展国学讲堂、非遗体验和传统节日活动。', org('龙湾区传统文化促进会', 'social')],
  ['纵横救援队', C, 'emergency_rescue', 'member', '民间专业救援力量，承担山地搜救、水域救援、防台抗灾和应急救护培训。', org('龙湾区纵横救援队', 'social')],
  ['龙湾区雨花敬老协会', C, 'elderly_care', 'member', '关爱空巢、独居和困难老人，开展上门探访、助餐助洁和节日慰问。', org('龙湾区雨花敬老协会', 'social')],
  ['巨木公益团队', C, 'minors_care', 'member', '关注困境儿童和留守儿童，开展结对助学、心理陪伴和假期课堂。', org('巨木公益团队', 'social')],
  ['龙湾区"益帮人"学雷锋志愿服务队', C, 'civility', 'member', '弘扬雷锋精神，开展便民服务、爱心义剪、家电义修等学雷锋志愿服务。'],
  ['"罗山红"志愿服务总队', C, 'elderly_care', 'member', '牵头"一月一助"帮扶认领，联动机关单位、行政村和志愿团队常态化结对帮扶。'],
  // District-level teams of the center.
  ['龙湾区"龙言力行"宣讲团', C, 'theory_lecture', 'member', '由党校教师、道德模范和基层干部组成，开展"龙言力行"主题宣讲。'],
  ['龙湾区科普志愿服务队', C, 'science', 'member', '走进学校和社区开展科普讲座、科学实验秀和防诈骗知识宣传。'],
  ['龙湾区文化馆文艺志愿服务队', C, 'culture', 'member', '送戏下乡、送文化进礼堂，承担"一周一课"文艺类公益课程。'],
  ['龙湾区全民健身志愿服务队', C, 'fitness', 'applied', '社会体育指导员为主，在公园广场开展健身指导和赛事服务。'],
  ['龙湾区图书馆阅读推广志愿服务队', C, 'education', 'member', '组织亲子共读、城市书房导读和学习E站数字阅读推广。'],
  ['龙湾区红十字应急救护志愿服务队', C, 'emergency_rescue', 'member', '普及心肺复苏和AED使用等应急救护技能，保障大型活动救护。', org('龙湾区红十字会', 'social')],
  // One brand team per street (一街一品牌).
  ['永中街道"永昌红"志愿服务队', '330303001', 'civility', 'member', '依托永昌堡历史文化街区开展红色讲解、文明劝导和古堡守护。'],
  ['蒲州街道"蒲韵"文艺志愿服务队', '330303002', 'culture', 'none', '排演越剧、鼓词等地方曲艺，活跃村社文化生活。'],
  ['海滨街道"海燕"应急志愿服务队', '330303003', 'emergency_rescue', 'member', '防台防汛巡查、转移群众和灾后清理的街道应急力量。'],
  ['永兴街道孝德志愿服务队', '330303004', 'elderly_care', 'none', '弘扬孝德文化，为高龄老人提供陪伴、理发和助医服务。'],
  ['状元街道"状元学堂"志愿服务队', '330303006', 'education', 'member', '开设四点半课堂和暑期托管，为双职工家庭孩子提供课后辅导。'],
  ['瑶溪街道"瑶溪绿"生态志愿服务队', '330303007', 'environment', 'applied', '守护瑶溪山水，开展河道巡查、垃圾分类指导和生态宣传。'],
  ['海城街道"海城清风"法律志愿服务队', '330303012', 'legal', 'none', '律师和法律工作者进村社，提供法律咨询、矛盾调解和普法宣传。'],
  ['沙城街道"沙城暖阳"助老志愿服务队', '330303013', 'elderly_care', 'member', '为独居老人提供助餐、助浴、助医和精神慰藉。'],
  ['天河街道"天河活力"健身志愿服务队', '330303014', 'fitness', 'none', '推广广场舞、太极拳和健步走，组织社区运动会。'],
  ['星海街道"星海蓝"志愿服务队', '330303015', 'civility', 'none', '服务新城社区和企业职工，开展文明交通劝导和垃圾分类宣传。'],
  // Station teams (村社志愿服务队).
  ['永昌社区"红管家"志愿服务队', '330303001001', 'civility', 'none', '党员志愿者当好小区"红管家"，协调物业、调解邻里、巡查安全。'],
  ['度山村文化礼堂志愿服务队', '330303001008', 'culture', 'none', '管理文化礼堂，组织村晚、礼堂讲座和传统节日活动。'],
  ['蒲东社区"四点半课堂"志愿服务队', '330303002002', 'minors_care', 'member', '放学后为社区孩子提供作业辅导、阅读和手工课。'],
  ['宁城社区"邻里守望"志愿服务队', '330303003004', 'elderly_care', 'none', '结对探访独居老人，每周上门问候、代购代办。'],
  ['南洋社区平安巡防志愿服务队', '330303004002', 'civility', 'none', '夜间平安巡防、反诈宣传和消防隐患排查。'],
  ['横街社区"心灵驿站"志愿服务队', '330303006002', 'medical', 'none', '心理咨询师驻点服务，提供心理疏导和家庭教育指导。'],
  ['河头社区"夕阳红"敬老志愿服务队', '330303007002', 'elderly_care', 'none', '低龄老人服务高龄老人，开展"银龄互助"。'],
  ['城北社区文明劝导志愿服务队', '330303012002', 'civility', 'none', '在路口和农贸市场开展文明劝导，倡导文明出行和文明经营。'],
  ['七甲社区"小桔灯"关爱志愿服务队', '330303013002', 'minors_care', 'member', '关爱留守儿童和困境儿童，开展结对陪伴和假期活动。'],
  ['天城社区全民健身志愿服务队', '330303014002', 'fitness', 'none', '社区健身点的日常指导和器材维护。'],
  ['海悦社区"海之声"宣讲志愿服务队', '330303015002', 'theory_lecture', 'applied', '社区居民宣讲员用方言讲政策、讲身边好人好事。'],
  ['梅头村"渔村红"志愿服务队', '330303003008', 'environment', 'none', '守护海岸线，开展海滩清洁和渔船安全宣传。'],
  // Outside organizations, each overseen by the unit whose area they serve.
  ['龙湾区卫生健康局医疗志愿服务队', C, 'medical', 'member', '医务人员进村社开展义诊、健康讲座和慢病随访。', org('龙湾区卫生健康局', 'government')],
  ['龙湾区司法局"法润龙湾"志愿服务队', C, 'legal', 'member', '普法进村社、进企业、进校园，提供公益法律咨询。', org('龙湾区司法局', 'government')],
  ['龙湾区交警大队"文明交通"志愿服务队', C, 'civility', 'member', '路口执勤、文明交通劝导和交通安全宣传。', org('龙湾区公安分局交警大队', 'government')],
  ['龙湾区消防救援大队"蓝焰"志愿服务队', C, 'emergency_rescue', 'member', '消防安全宣传、隐患排查和应急疏散演练。', org('龙湾区消防救援大队', 'government')],
  ['龙湾区生态环境分局"绿色龙湾"志愿服务队', C, 'environment', 'none', '环保宣传、河道监督和垃圾分类指导。', org('龙湾区生态环境分局', 'government')],
  ['龙湾区妇联巾帼志愿服务队', C, 'minors_care', 'member', '家庭教育讲座、妇女儿童权益维护和巾帼创业帮扶。', org('龙湾区妇女联合会', 'government')],
  ['龙湾区实验中学"青苗"志愿服务队', '330303001', 'education', 'none', '师生志愿者开展结对辅导、校园周边文明劝导和社区服务。', org('龙湾区实验中学', 'school')],
  ['龙湾区职业技术学校"匠心"志愿服务队', '330303006', 'science', 'none', '师生发挥专业所长，开展家电义修、电脑维修和技能培训。', org('龙湾区职业技术学校', 'school')],
  ['星海小学"小雷锋"志愿服务队', '330303015', 'civility', 'none', '少先队员和家长志愿者开展护学岗和文明小使者活动。', org('龙湾区星海小学', 'school')],
  ['龙湾供电"光明"志愿服务队', C, 'science', 'applied', '电力职工开展安全用电宣传、老旧线路义务检修。', org('龙湾供电公司', 'company')],
  ['龙湾农商银行"金融知识"志愿服务队', '330303002', 'education', 'none', '防范电信诈骗和非法集资宣传，普及金融知识。', org('龙湾农商银行', 'company')],
  ['瓯江口企业联合志愿服务队', '330303015', 'other', 'none', '园区企业职工志愿者联合开展助学、助老和环保活动。', org('瓯江口企业志愿者联合会', 'company')],
  ['龙湾区书法家协会"翰墨"志愿服务队', C, 'culture', 'none', '送春联、书法公益课和书法进校园。', org('龙湾区书法家协会', 'social')],
  ['龙湾区老年大学银龄志愿服务队', C, 'elderly_care', 'none', '老年大学学员组成，开展银龄互助、才艺展演和文明劝导。', org('龙湾区老年大学', 'social')],
];

export const TEAM_SEEDS: TeamSeed[] = ROWS.map(([name, unitCode, specialty, federation, intro, o]) => ({ name, unitCode, specialty, federation, intro, org: o }));

export const REAL_TEAM_NAMES = TEAM_SEEDS.slice(0, 8).map((t) => t.name);
