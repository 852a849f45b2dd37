import { LOW_CONFIDENCE, type FieldProposal, type JsonValue } from '@repogen/sdk';

/** How sure a pack's reading is kept when the host read the same field otherwise: below the warning level. */
export const DISPUTED_CONFIDENCE = LOW_CONFIDENCE / 2;

/**
 * Weighs a pack's proposals against the host's reading of the same evidence. One that repeats
 * the host's value adds nothing and is dropped; one that contradicts it is kept for the
 * operator to see, but never as a confident reading: a wrong number in a bank report is worse
 * than none, and two readings that disagree say one of them is wrong.
 */
export function reconcilePackProposals(
  host: readonly FieldProposal[],
  pack: readonly FieldProposal[],
): FieldProposal[] {
  return pack.flatMap((proposal) => {
    const readings = host.filter((mine) => mine.field === proposal.field);
    if (readings.length === 0) return [proposal];
    if (readings.some((mine) => sameValue(mine.value, proposal.value))) return [];
    return [{ ...proposal, confidence: Math.min(proposal.confidence, DISPUTED_CONFIDENCE) }];
  });
}

/** Numbers agree within a millionth (coordinates carry six places); anything else by its JSON. */
export function sameValue(a: JsonValue, b: JsonValue): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < 1e-6;
  return JSON.stringify(a) === JSON.stringify(b);
}
