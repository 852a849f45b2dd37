import type { EvidenceManifestItem } from '../contract/pack-contract.js';

/**
 * Whether an evidence item is appended to the report as a document (after the body, each on
 * pages of its own) rather than placed as a picture: a `document.*` kind, or a PDF under any
 * kind (a guideline screenshot saved as PDF is no picture). The layout and the host's
 * renderer both decide by this one rule.
 */
export function isDocumentEvidence(item: Pick<EvidenceManifestItem, 'kind' | 'mime'>): boolean {
  return item.kind.startsWith('document.') || item.mime === 'application/pdf';
}
