import { useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

/** Moves to an in-app path without a page load (the host answers every such path with the app). */
export function navigate(to: string): void {
  if (to === window.location.pathname + window.location.search) return;
  window.history.pushState(null, '', to);
  for (const listener of listeners) listener();
}

/** The current path, re-rendering on navigation and on the browser's back and forward. */
export function useRoute(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}
