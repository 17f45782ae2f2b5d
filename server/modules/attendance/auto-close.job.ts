// Open check-ins of activities that have ended close themselves at the activity's end, flagged for review.
// (Foundation stub: the attendance work fills it in.)
import type { ModuleDeps } from '../../app';

/** Closes open attendances of finished activities; returns how many were closed. */
export async function closeFinishedAttendances(_deps: ModuleDeps, _now: Date): Promise<number> {
  return 0;
}
