// Benchmark `roster` (placeholder until the roster import lands).
export async function rosterBench(_argv: string[]): Promise<void> {
  throw new Error('not built yet');
}
