// Placeholder: the page a team's join QR code opens (/m/join/<token>).
export function JoinTeamPage(_props: { token: string }) {
  return null;
}
