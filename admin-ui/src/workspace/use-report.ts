import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../api/api-fetch';
import type { PackVersionDetail, ReportDetail } from '../api/api-types';

export const reportKey = (id: string) => ['report', id] as const;

/** The report with its values, traces, warnings and readiness computed by the host now. */
export function useReport(id: string) {
  return useQuery({ queryKey: reportKey(id), queryFn: () => apiFetch<ReportDetail>(`/v1/reports/${id}`) });
}

/** A pack version's schema with UI hints, formulas and the fields that need a reason. */
export function usePackVersion(key: string | undefined, version: string | undefined) {
  return useQuery({
    queryKey: ['pack-version', key, version],
    enabled: key !== undefined && version !== undefined,
    staleTime: Infinity,
    queryFn: () => apiFetch<PackVersionDetail>(`/v1/packs/${key}/versions/${version}`),
  });
}
