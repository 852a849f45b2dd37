import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../api/api-fetch';
import type { BillingAccount } from '../api/api-types';

/**
 * The tenant's billing account, or `null` while the host has no billing API (any error):
 * the balance is shown only when the route answers.
 */
export function useBillingAccount(accountId: string | undefined) {
  return useQuery({
    queryKey: ['billing-account', accountId],
    enabled: accountId !== undefined,
    retry: false,
    staleTime: 30_000,
    queryFn: async (): Promise<BillingAccount | null> => {
      try {
        return await apiFetch<BillingAccount>(`/v1/billing/accounts/${encodeURIComponent(accountId!)}`);
      } catch {
        return null;
      }
    },
  });
}
