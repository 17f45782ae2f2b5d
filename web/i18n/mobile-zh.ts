// Mobile H5 strings, Chinese.
import { volunteerText } from './mobile/volunteer';
import { teamsText } from './mobile/teams';
import { schoolText } from './mobile/school';
import { activitiesText } from './mobile/activities';
import { participationText } from './mobile/participation';
import { recordsText } from './mobile/records';
import { menuText } from './mobile/menu';
export const mobileZh = {
  brand: '文明码',
  platform: '新时代文明实践 · 文明实践云',
  switchLanguage: 'English',
  switchLanguageLabel: '切换到英文',
  loading: '正在加载…',
  retry: '重新加载',
  back: '返回',
  site: {
    address: '地址',
    openingHours: '开放时间',
    contact: '联系人',
    call: '拨打电话',
    callLabel: '拨打 {{phone}}',
    intro: '简介',
    photos: '照片',
    photoAlt: '{{name}}的照片 {{n}}',
    location: '位置',
    coordinates: '北纬 {{lat}}°，东经 {{lng}}°',
    belongsTo: '所属：',
    notProvided: '暂无',
    status: { open: '开放中', closed: '已关闭', suspended: '暂停开放' },
    level: { center: '实践中心', institute: '实践所', station: '实践站' },
  },
  replaced: {
    title: '此码已被更换',
    body: '此码已被更换，请扫描现场张贴的最新文明码。',
    site: '原阵地：{{name}}',
  },
  unknown: {
    title: '没有找到这个文明码',
    body: '二维码可能有误或已失效。请确认扫描的是阵地现场张贴的文明码。',
  },
  failed: {
    title: '暂时无法打开',
    body: '网络或服务暂时有问题，请稍后重试。',
  },
  home: {
    title: '文明实践云',
    body: '请用手机扫描实践阵地现场张贴的文明码，查看阵地介绍、开放时间和联系方式。',
  },
  volunteer: volunteerText.zh,
  teams: teamsText.zh,
  school: schoolText.zh,
  activities: activitiesText.zh,
  participation: participationText.zh,
  records: recordsText.zh,
  serviceMenu: menuText.zh,
};
export type MobileStrings = typeof mobileZh;
