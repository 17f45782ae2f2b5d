// The app's periodic jobs, started by main.ts (tests call the job functions directly with their own clock).
import type { ModuleDeps } from './app';
import type { Job } from './platform/jobs';
import { pruneIdempotencyKeys } from './platform/idempotency';
import { sendDueReminders } from './modules/signups/reminders.job';
import { closeFinishedAttendances } from './modules/attendance/auto-close.job';

export function appJobs(deps: ModuleDeps): Job[] {
  return [
    { name: 'reminders', everyMs: 60_000, run: (now) => sendDueReminders(deps, now) },
    { name: 'auto-close-attendance', everyMs: 5 * 60_000, run: (now) => closeFinishedAttendances(deps, now) },
    { name: 'prune-idempotency-keys', everyMs: 3600_000, run: (now) => pruneIdempotencyKeys(deps.db, now) },
  ];
}
