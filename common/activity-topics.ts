// The practice topics of the list mode (清单模式) and the brands activities carry. Keys are stored; labels shown.
export const activityTopics = [
  // The three Longwan topics, then the rest of the standard five practice tasks.
  { key: 'study_policy', zh: '学习宣传理论政策', en: 'Studying and spreading theory and policy' },
  { key: 'core_values', zh: '培育践行主流价值', en: 'Cultivating mainstream values' },
  { key: 'new_customs', zh: '大力弘扬时代新风', en: 'Promoting the new customs of the times' },
  { key: 'study_theory', zh: '学习实践科学理论', en: 'Studying and practising scientific theory' },
  { key: 'explain_policy', zh: '宣传宣讲党的政策', en: "Explaining the Party's policies" },
  { key: 'culture_life', zh: '丰富活跃文化生活', en: 'Enriching cultural life' },
  { key: 'change_customs', zh: '持续深入移风易俗', en: 'Reforming outdated customs' },
] as const;
export type ActivityTopic = (typeof activityTopics)[number]['key'];
export const activityTopicKeys = activityTopics.map((t) => t.key) as [ActivityTopic, ...ActivityTopic[]];

/** The five service platforms (also team specialties). */
export const servicePlatforms = ['theory_lecture', 'education', 'culture', 'fitness', 'science'] as const;
export type ServicePlatform = (typeof servicePlatforms)[number];

/** Brands offered as tags; units may type others. */
export const knownBrands = ['一周一课', '一月一助', '习语春风', '文明赞歌', '龙湾理赞', '龙言力行', '一队一特色', '一街一品牌'] as const;

export function topicLabel(key: string, lang: 'zh' | 'en' = 'zh'): string {
  const t = activityTopics.find((x) => x.key === key);
  return t ? t[lang] : key;
}
