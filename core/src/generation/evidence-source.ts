import type { EvidenceManifestItem } from '@repogen/sdk';

/** An evidence item as the host knows it: what the pack's layout sees, plus a title for bookmarks. */
export interface EvidenceItem extends EvidenceManifestItem {
  /** How the item is named in the PDF's bookmarks when it is appended (a document). */
  readonly title: string;
  /** The bytes' sha256 when the source already knows it (content-addressed uploads), so nothing hashes them again. */
  readonly sha256?: string;
}

/**
 * Where a generation finds a report's evidence. The pipeline asks for the list (no bytes)
 * to lay annexures out, then reads only the items the layout places. The CLI reads a
 * folder; the API's uploads (a later issue) plug in as another source.
 */
export interface EvidenceSource {
  list(): Promise<readonly EvidenceItem[]>;
  /** The item's bytes; throws when the item is gone (RENDER_EVIDENCE_MISSING). */
  read(id: string): Promise<Buffer>;
}

/** A report without evidence: no annexure pages, nothing appended. */
export const NO_EVIDENCE: EvidenceSource = {
  list: () => Promise.resolve([]),
  read: (id) => Promise.reject(new Error(`No evidence '${id}' (this report has no evidence source)`)),
};

/** Finds the evidence source of a stored report; the evidence service replaces the default. */
export interface ReportEvidenceProvider {
  forReport(tenantId: string, reportId: string): Promise<EvidenceSource>;
}

export const noReportEvidence: ReportEvidenceProvider = {
  forReport: () => Promise.resolve(NO_EVIDENCE),
};
