// Who is signed in on this phone, shared by every mobile page: loaded once, replaced after sign-in, edits and
// sign-out, so the home card and the profile never disagree.
import { useEffect, useSyncExternalStore } from 'react';
import { ApiError } from '../../api/client';
import { fetchMyVolunteer, type MyVolunteer } from '../../api/mobile-volunteer';

export type MeState =
  | { kind: 'loading' }
  | { kind: 'ok'; volunteer: MyVolunteer }
  | { kind: 'signed-out' }
  /** Signed in, but as staff without a volunteer record. */
  | { kind: 'not-volunteer' }
  | { kind: 'failed'; message: string };

let state: MeState = { kind: 'loading' };
let loaded = false;
let inFlight: Promise<void> | null = null;
const listeners = new Set<() => void>();

function set(next: MeState) {
  state = next;
  listeners.forEach((fn) => fn());
}

export function reloadMe(): Promise<void> {
  loaded = true;
  inFlight ??= fetchMyVolunteer()
    .then((volunteer) => set({ kind: 'ok', volunteer }))
    .catch((err: unknown) => {
      if (err instanceof ApiError && err.status === 401) set({ kind: 'signed-out' });
      else if (err instanceof ApiError && err.status === 403) set({ kind: 'not-volunteer' });
      else set({ kind: 'failed', message: err instanceof Error ? err.message : String(err) });
    })
    .finally(() => {
      inFlight = null;
    });
  return inFlight;
}

/** After sign-in, registration or an edit: the server's answer is the new truth. */
export function setMe(volunteer: MyVolunteer): void {
  loaded = true;
  set({ kind: 'ok', volunteer });
}

export function forgetMe(): void {
  loaded = true;
  set({ kind: 'signed-out' });
}

export function useMe(): MeState {
  const current = useSyncExternalStore(
    (fn) => {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    () => state,
  );
  useEffect(() => {
    if (!loaded) void reloadMe();
  }, []);
  return current;
}
