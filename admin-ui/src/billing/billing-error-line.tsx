import { billingErrorText } from './billing-error-text';

/** A failed billing call, said plainly (see billingErrorText). */
export function BillingErrorLine({ error, payment }: { error: unknown; payment?: boolean }) {
  if (!error) return null;
  return (
    <p className="error" role="alert">
      {billingErrorText(error, payment)}
    </p>
  );
}
