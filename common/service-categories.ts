// Categories of service menu items (服务菜单) and orders: the five service platforms first, then the needs
// citizens raise most. Shared by the server (validation, routing rules per category later) and the web (labels).
export const serviceCategories = [
  { key: 'theory_lecture', zh: '理论宣讲', en: 'Theory lectures' },
  { key: 'education', zh: '教育服务', en: 'Education' },
  { key: 'culture', zh: '文化服务', en: 'Culture' },
  { key: 'fitness', zh: '健身服务', en: 'Fitness' },
  { key: 'science', zh: '科技与科普', en: 'Science' },
  { key: 'elderly_help', zh: '助老服务', en: 'Help for the elderly' },
  { key: 'legal', zh: '法律咨询', en: 'Legal advice' },
  { key: 'health', zh: '医疗健康', en: 'Health' },
  { key: 'convenience', zh: '便民服务', en: 'Everyday help' },
  { key: 'minors_care', zh: '关爱未成年人', en: 'Caring for minors' },
  { key: 'environment', zh: '环境整治', en: 'Environment' },
  { key: 'other', zh: '其他', en: 'Other' },
] as const;

export type ServiceCategory = (typeof serviceCategories)[number]['key'];
export const serviceCategoryKeys = serviceCategories.map((c) => c.key) as [ServiceCategory, ...ServiceCategory[]];

export function serviceCategoryLabel(key: string, lang: 'zh' | 'en' = 'zh'): string {
  return serviceCategories.find((c) => c.key === key)?.[lang] ?? key;
}
