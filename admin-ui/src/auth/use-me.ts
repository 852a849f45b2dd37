import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../api/api-error';
import { apiFetch } from '../api/api-fetch';
import type { Me } from '../api/api-types';

export const ME_QUERY_KEY = ['me'] as const;

/** Who is signed in; `null` when the session is missing or expired. */
export function useMe() {
  return useQuery({
    queryKey: ME_QUERY_KEY,
    queryFn: async (): Promise<Me | null> => {
      try {
        return await apiFetch<Me>('/v1/auth/me');
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
}
