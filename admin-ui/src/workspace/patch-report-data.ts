import { apiFetch } from '../api/api-fetch';
import type { ReportDetail } from '../api/api-types';

/** PATCH /v1/reports/{id}/data: validated against the pack schema, audited per field. */
export function patchReportData(id: string, set: Record<string, unknown>, reason?: string): Promise<ReportDetail> {
  return apiFetch<ReportDetail>(`/v1/reports/${id}/data`, { method: 'PATCH', body: { set, ...(reason ? { reason } : {}) } });
}
