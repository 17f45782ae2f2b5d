// Foundation stub for issue 5: replaced by the page's real implementation.
export function MenuPage(_props: Record<string, unknown>) {
  return null;
}
