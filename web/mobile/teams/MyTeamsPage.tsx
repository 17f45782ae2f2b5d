// Placeholder: a volunteer's teams (/m/teams).
export function MyTeamsPage() {
  return null;
}
