// The consent texts a volunteer accepts, each with a version. Changing a text means a new version: consents are
// recorded against the version the person saw.
export type ConsentKind = 'id_processing' | 'privacy' | 'guardian';

export const consentTexts: Record<ConsentKind, { version: string; title: string; body: string }> = {
  privacy: {
    version: '2026-11',
    title: '志愿者个人信息处理规则',
    body: '为组织志愿服务、记录服务时长和出具志愿服务记录证明，平台将处理您的姓名、手机号、技能特长、服务时间偏好和所属实践站。信息仅用于志愿服务管理，不向无关单位提供。您可以随时查看、更正您的信息，或申请注销账号。',
  },
  id_processing: {
    version: '2026-11',
    title: '身份证号处理单独同意',
    body: '身份证号属于敏感个人信息。平台仅为实名认证、防止重复注册和出具志愿服务记录证明而处理您的身份证号；身份证号加密保存，列表和导出中只显示前 3 位和后 4 位，工作人员查看完整号码时会被记录。',
  },
  guardian: {
    version: '2026-11',
    title: '监护人同意书',
    body: '未满 14 周岁的未成年人参加志愿服务并提供个人信息，须经监护人同意。监护人确认已阅读上述规则，同意被监护人注册为志愿者并参加与其年龄、身心状况相适应的志愿服务。',
  },
};
