// The skill tags, consent texts and time slots the registration and profile forms offer (one request per visit).
import { useEffect, useState } from 'react';
import { registrationOptions, type RegistrationOptions } from '../../api/mobile-volunteer';

let cached: Promise<RegistrationOptions> | null = null;

export type OptionsState = { kind: 'loading' } | { kind: 'ok'; options: RegistrationOptions } | { kind: 'failed'; message: string };

export function useRegistrationOptions(): { state: OptionsState; reload: () => void } {
  const [state, setState] = useState<OptionsState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    cached ??= registrationOptions();
    cached
      .then((options) => live && setState({ kind: 'ok', options }))
      .catch((err: unknown) => {
        cached = null;
        if (live) setState({ kind: 'failed', message: err instanceof Error ? err.message : String(err) });
      });
    return () => {
      live = false;
    };
  }, [attempt]);
  return {
    state,
    reload: () => {
      setState({ kind: 'loading' });
      setAttempt((n) => n + 1);
    },
  };
}
