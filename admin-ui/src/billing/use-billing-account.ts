import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../api/api-fetch';
import type { BillingAccount } from '../api/api-types';

export const BILLING_ACCOUNT_QUERY_KEY = 'billing-account';

/**
 * The tenant's default billing account (the one without an external key: the one generation
 * and release bill), or `null` when the tenant has none or the role may not read billing.
 */
export function useBillingAccount(tenantId: string | undefined) {
  return useQuery({
    queryKey: [BILLING_ACCOUNT_QUERY_KEY, tenantId],
    enabled: tenantId !== undefined,
    retry: false,
    staleTime: 15_000,
    queryFn: async (): Promise<BillingAccount | null> => {
      try {
        const { items } = await apiFetch<{ items: readonly BillingAccount[] }>('/v1/billing/accounts');
        return items.find((account) => account.externalKey === null) ?? null;
      } catch {
        return null;
      }
    },
  });
}
