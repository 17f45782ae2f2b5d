// Mobile H5 strings of the "服务菜单" section of a site's civic-code page (namespace "serviceMenu"). Chinese and
// English with the same keys; category labels come from common/service-categories.ts.
const zh = {
  title: '服务菜单',
  empty: '本阵地暂未公布服务项目',
  failed: '服务菜单暂时加载不出来。',
  provider: '提供方',
  availability: '服务时间',
  homeVisit: '可上门',
};

const en: typeof zh = {
  title: 'Service menu',
  empty: 'No services published for this site yet',
  failed: 'The service menu cannot be loaded right now.',
  provider: 'Provided by',
  availability: 'Available',
  homeVisit: 'Home visits',
};

export const menuText = { zh, en };
