import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../api/api-fetch';
import type { Checklist, Evidence, Proposal } from '../api/api-types';

const OCR_POLL_MS = 1500;

/** The report's evidence; polled while OCR is queued so that proposals appear without a reload. */
export function useEvidence(reportId: string) {
  return useQuery({
    queryKey: ['evidence', reportId],
    queryFn: async () => (await apiFetch<{ items: Evidence[] }>(`/v1/reports/${reportId}/evidence`)).items,
    refetchInterval: (query) => (query.state.data?.some((item) => item.ocr.status === 'queued') ? OCR_POLL_MS : false),
  });
}

export function useChecklist(reportId: string) {
  return useQuery({ queryKey: ['checklist', reportId], queryFn: () => apiFetch<Checklist>(`/v1/reports/${reportId}/checklist`) });
}

export function useProposals(reportId: string, ocrPending: boolean) {
  return useQuery({
    queryKey: ['proposals', reportId],
    queryFn: async () => (await apiFetch<{ items: Proposal[] }>(`/v1/reports/${reportId}/proposals`)).items,
    refetchInterval: ocrPending ? OCR_POLL_MS : false,
  });
}
