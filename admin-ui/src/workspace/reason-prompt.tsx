import { useState, type FormEvent } from 'react';

/** Asks why a value the pack guards is being replaced; the reason goes into the audit log. */
export function ReasonPrompt({
  fields,
  pending,
  onSubmit,
  onCancel,
}: {
  fields: readonly string[];
  pending: boolean;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
}) {
  const [reason, setReason] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(reason.trim());
  };
  return (
    <form className="reason-prompt card" onSubmit={submit} role="dialog" aria-labelledby="reason-title">
      <h3 id="reason-title">A reason is needed</h3>
      <p>
        The pack asks for a reason to change <code>{fields.join(', ')}</code>.
      </p>
      <label htmlFor="reason-text">Reason</label>
      <textarea id="reason-text" required minLength={3} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} autoFocus />
      <div className="actions">
        <button type="submit" className="primary" disabled={pending || reason.trim().length < 3}>
          {pending ? 'Saving…' : 'Save with reason'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
