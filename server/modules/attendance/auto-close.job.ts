// Open check-ins of activities that ended more than 30 minutes ago (the check-out grace) close themselves at the
// activity's end, flagged autoClosed, and their service records carry the auto_closed flag for a person's review.
// Each pair closes in its own transaction with a conditional update, so a runner's check-out at the same moment
// or a second instance running the job closes it once.
import type { ModuleDeps } from '../../app';
import * as repo from './attendance.repo';
import { CHECKOUT_AFTER_END_MS, recordOf } from './pairs.service';

const BATCH = 100;
const MAX_BATCHES = 10;

/** Closes open attendances of finished activities; returns how many were closed. */
export async function closeFinishedAttendances(deps: ModuleDeps, now: Date): Promise<number> {
  const endedBefore = new Date(now.getTime() - CHECKOUT_AFTER_END_MS);
  let closed = 0;
  // Bounded per run; what is left waits for the next tick rather than holding the job.
  for (let i = 0; i < MAX_BATCHES; i++) {
    const batch = await repo.openPairsEndedBefore(deps.db, endedBefore, BATCH);
    for (const p of batch) {
      const done = await deps.db.transaction(async (tx) => {
        const a = await repo.findActivity(tx, p.activityId);
        const pair = await repo.pairById(tx, p.id);
        if (!a || !pair || pair.checkedOutAt) return false;
        // At the end, or a minute after a check-in made in the activity's last minute, so the record is not empty.
        const at = new Date(Math.max(a.endsAt.getTime(), pair.checkedInAt.getTime() + 60_000));
        const row = await repo.closePair(tx, pair.id, { at, method: 'auto', by: null, autoClosed: true });
        if (!row) return false;
        await recordOf(tx, a, row, null);
        return true;
      });
      if (done) closed++;
    }
    if (batch.length < BATCH) break;
  }
  return closed;
}
