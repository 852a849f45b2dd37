import { messageOf } from '../api/api-error';

/** Every wait is visible and every failure shows the API's message. */
export function StatusLine({ pending, error, label }: { pending?: boolean; error?: unknown; label?: string }) {
  if (error) {
    return (
      <p className="error" role="alert">
        {messageOf(error)}
      </p>
    );
  }
  if (pending) {
    return (
      <p className="waiting" role="status" aria-live="polite">
        <span className="spinner" aria-hidden="true" /> {label ?? 'Loading…'}
      </p>
    );
  }
  return null;
}
