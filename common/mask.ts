// Masking of phone numbers for lists, exports, reports and logs: one rule wherever a phone is shown to someone who
// may not see it in full. ID numbers are masked by maskIdNumber in common/id-card.ts.

/**
 * 13800000001 → 138****0001. Anything else (a landline, or a malformed phone in an uploaded roster) keeps only its
 * last 4 characters behind a fixed '****', so neither the area code nor the length shows; 4 characters or fewer
 * become '****'; empty stays empty.
 */
export function maskPhone(phone: string): string {
  if (!phone) return '';
  if (/^1\d{10}$/.test(phone)) return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
  return phone.length > 4 ? `****${phone.slice(-4)}` : '****';
}
