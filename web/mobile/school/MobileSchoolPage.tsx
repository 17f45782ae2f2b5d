// Placeholder: the volunteer school on the phone (/m/school).
export function MobileSchoolPage() {
  return null;
}
