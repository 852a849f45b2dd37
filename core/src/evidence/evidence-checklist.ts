import { kindMatches } from './evidence-kinds.js';
import type { EvidenceView } from './evidence-records.js';

export interface ChecklistRequirement {
  readonly kind: string;
  readonly min: number;
  readonly label?: string | undefined;
}

export interface ChecklistLine {
  readonly kind: string;
  readonly label: string;
  readonly min: number;
  readonly present: number;
  readonly satisfied: boolean;
  readonly evidenceIds: readonly string[];
}

/** A document whose words name a kind other than the one it is filed as: the operator confirms. */
export interface DetectedDocument {
  readonly evidenceId: string;
  readonly filename: string;
  readonly kind: string;
  readonly detectedKind: string | null;
  readonly order: number;
}

export interface EvidenceChecklist {
  readonly complete: boolean;
  readonly items: readonly ChecklistLine[];
  readonly missing: readonly string[];
  /** Documents in the order the operator set (importance), with the kind their words suggest. */
  readonly documents: readonly DetectedDocument[];
}

/** The pack's evidence profile against the report's uploads; excluded items do not count. */
export function buildChecklist(
  required: readonly ChecklistRequirement[],
  evidence: readonly EvidenceView[],
): EvidenceChecklist {
  const counted = evidence.filter((item) => !item.excluded);
  const items = required.map((requirement) => {
    const matching = counted.filter((item) => kindMatches(requirement.kind, item.kind));
    return {
      kind: requirement.kind,
      label: requirement.label ?? requirement.kind,
      min: requirement.min,
      present: matching.length,
      satisfied: matching.length >= requirement.min,
      evidenceIds: matching.map((item) => item.id),
    };
  });
  const documents = evidence
    .filter((item) => item.kind.startsWith('document.'))
    .sort((a, b) => a.order - b.order)
    .map((item) => ({
      evidenceId: item.id,
      filename: item.filename,
      kind: item.kind,
      detectedKind: item.ocr.detectedKind,
      order: item.order,
    }));
  const missing = items.filter((item) => !item.satisfied).map((item) => item.label);
  return { complete: missing.length === 0, items, missing, documents };
}
