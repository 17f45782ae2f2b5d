// Reminders the day before and one hour before an activity, to everyone signed up (confirmed), through the
// notification adapter. Owned by the sign-ups module. (Foundation stub: the sign-ups work fills it in.)
import type { ModuleDeps } from '../../app';

/** Sends the reminders due at `now` that were not sent yet; returns how many went out. */
export async function sendDueReminders(_deps: ModuleDeps, _now: Date): Promise<number> {
  return 0;
}
