import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../api/api-fetch';
import type { PackSummary } from '../api/api-types';

export const PACKS_QUERY_KEY = ['packs'] as const;

/** The packs this tenant may use (global ones and its own), with their versions. */
export function usePacks() {
  return useQuery({
    queryKey: PACKS_QUERY_KEY,
    queryFn: async () => (await apiFetch<{ items: PackSummary[] }>('/v1/packs')).items,
    staleTime: 30_000,
  });
}
