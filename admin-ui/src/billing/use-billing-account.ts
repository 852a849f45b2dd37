import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../api/api-error';
import { apiFetch } from '../api/api-fetch';
import type { BillingAccount } from '../api/api-types';

export const BILLING_ACCOUNT_QUERY_KEY = 'billing-account';

/**
 * The tenant's default billing account (the one without an external key: the one generation
 * and release bill), or `null` when the tenant has none or the role may not read billing
 * (403, or 404 on a host without billing). Any other failure is an error to show: an outage
 * must not read as "no billing account".
 */
export function useBillingAccount(tenantId: string | undefined) {
  return useQuery({
    queryKey: [BILLING_ACCOUNT_QUERY_KEY, tenantId],
    enabled: tenantId !== undefined,
    retry: 1,
    staleTime: 15_000,
    queryFn: async (): Promise<BillingAccount | null> => {
      try {
        const { items } = await apiFetch<{ items: readonly BillingAccount[] }>('/v1/billing/accounts');
        return items.find((account) => account.externalKey === null) ?? null;
      } catch (error) {
        if (isNoAccount(error)) return null;
        throw error;
      }
    },
  });
}

function isNoAccount(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 403 || error.status === 404);
}
