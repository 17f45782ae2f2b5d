// Foundation stub for issue 4: replaced by the page's real implementation.
export function MyCertificatesPage(_props: Record<string, unknown>) {
  return null;
}
