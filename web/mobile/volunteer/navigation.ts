// In-app navigation for the mobile H5 with the History API: no router library, so the page a QR opens stays small.
// navigate() pushes a history entry and tells the app (through a popstate event) to render the new path; the
// phone's back button pops the entry and the app renders the previous path the same way.
import { createElement, useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  return () => window.removeEventListener('popstate', onChange);
}

const currentLocation = () => window.location.pathname + window.location.search;

/** The current path and query ("/m/register?team=abc"); re-renders on every navigation. */
export function useLocation(): string {
  return useSyncExternalStore(subscribe, currentLocation);
}

export function navigate(to: string, opts: { replace?: boolean; state?: unknown } = {}): void {
  if (opts.replace) window.history.replaceState(opts.state ?? null, '', to);
  else window.history.pushState(opts.state ?? null, '', to);
  window.dispatchEvent(new PopStateEvent('popstate', { state: opts.state ?? null }));
  if (!opts.state) window.scrollTo(0, 0);
}

/** Only same-app paths are followed after sign-in, so a crafted link cannot send people elsewhere. */
export function safeNext(next: string | null | undefined, fallback = '/m/me'): string {
  return next && /^\/m\/[^/\\]/.test(next) && !next.startsWith('//') ? next : fallback;
}

/** An ordinary link (works without JavaScript, opens in a new tab) that navigates in place on a plain click. */
export function Link({ to, ...rest }: { to: string } & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'>) {
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    rest.onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return createElement('a', { ...rest, href: to, onClick });
}
