// Benchmark `volunteers` (placeholder until the volunteer search lands).
export async function volunteersBench(_argv: string[]): Promise<void> {
  throw new Error('not built yet');
}
