// The fixed list of team specialties (一队一特色) and outside-organization types, shared by the server (validation,
// exports) and the web (pickers, labels). Keys are stored in teams.specialty / teams.org_type; labels are for display.
// The first five are the five service platforms of the 学习E站.
export const teamSpecialties = [
  { key: 'theory_lecture', zh: '理论宣讲', en: 'Theory lectures' },
  { key: 'education', zh: '教育服务', en: 'Education services' },
  { key: 'culture', zh: '文化服务', en: 'Cultural services' },
  { key: 'fitness', zh: '健身服务', en: 'Fitness services' },
  { key: 'science', zh: '科技与科普服务', en: 'Science and popular science' },
  { key: 'emergency_rescue', zh: '应急救援', en: 'Emergency rescue' },
  { key: 'elderly_care', zh: '助老服务', en: 'Elderly care' },
  { key: 'minors_care', zh: '关爱未成年人', en: 'Caring for minors' },
  { key: 'legal', zh: '法律服务', en: 'Legal services' },
  { key: 'medical', zh: '医疗健康', en: 'Medical and health' },
  { key: 'environment', zh: '环境保护', en: 'Environmental protection' },
  { key: 'civility', zh: '文明引导', en: 'Civility guidance' },
  { key: 'other', zh: '其他', en: 'Other' },
] as const;

export type TeamSpecialty = (typeof teamSpecialties)[number]['key'];
export const teamSpecialtyKeys = teamSpecialties.map((s) => s.key) as [TeamSpecialty, ...TeamSpecialty[]];

export function teamSpecialtyLabel(key: string, lang: 'zh' | 'en' = 'zh'): string {
  return teamSpecialties.find((s) => s.key === key)?.[lang] ?? key;
}

/** A specialty key from its key or its Chinese / English label (seed data and roster files use labels). */
export function teamSpecialtyOf(keyOrLabel: string): TeamSpecialty | null {
  const s = keyOrLabel.trim();
  return teamSpecialties.find((x) => x.key === s || x.zh === s || x.en.toLowerCase() === s.toLowerCase())?.key ?? null;
}

// A team belongs to a unit of the network, or to an outside organization overseen by a unit.
export const teamKinds = ['unit', 'organization'] as const;
export type TeamKind = (typeof teamKinds)[number];

export const orgTypes = [
  { key: 'government', zh: '机关单位', en: 'Government unit' },
  { key: 'school', zh: '学校', en: 'School' },
  { key: 'company', zh: '企业', en: 'Company' },
  { key: 'social', zh: '社会组织', en: 'Social organization' },
] as const;
export type OrgType = (typeof orgTypes)[number]['key'];
export const orgTypeKeys = orgTypes.map((o) => o.key) as [OrgType, ...OrgType[]];

export function orgTypeLabel(key: string | null | undefined, lang: 'zh' | 'en' = 'zh'): string {
  return orgTypes.find((o) => o.key === key)?.[lang] ?? '';
}

export const teamMemberRoles = ['leader', 'vice_leader', 'member'] as const;
export const teamMemberStatuses = ['pending', 'active', 'rejected', 'left', 'removed'] as const;
export const federationStatuses = ['none', 'applied', 'member', 'rejected'] as const;
export const teamStatuses = ['active', 'dissolved'] as const;

export const TEAM_LOGO_MAX_BYTES = 1024 * 1024;
export const teamFieldLimits = { name: 60, orgName: 100, intro: 2000, contactName: 50, note: 200 } as const;
