// The one rule for an 11-digit mainland mobile number, shared by server checks and web forms (no zod here, so the
// phone pages can use it without pulling in the schema library).
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;
