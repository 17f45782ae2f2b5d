// Periodic work inside the app process (reminders, closing open check-ins, pruning). Each job is written to be
// safe when several instances run it at once (unique claims, idempotent updates), so no leader election is
// needed. A run never overlaps the previous run of the same job; a failing run is logged and retried next tick.
import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../app';

export type Job = { name: string; everyMs: number; run(now: Date): Promise<unknown> };

export function startJobs(jobs: Job[], clock: Clock, log: FastifyBaseLogger): () => void {
  const timers = jobs.map((job) => {
    let running = false;
    const tick = async () => {
      if (running) return;
      running = true;
      try {
        await job.run(clock.now());
      } catch (err) {
        log.error({ err, job: job.name }, 'job failed; it runs again on the next tick');
      } finally {
        running = false;
      }
    };
    const timer = setInterval(() => void tick(), job.everyMs);
    timer.unref();
    return timer;
  });
  return () => timers.forEach(clearInterval);
}
