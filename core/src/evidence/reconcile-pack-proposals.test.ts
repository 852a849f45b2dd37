import assert from 'node:assert/strict';
import { LOW_CONFIDENCE, type FieldProposal } from '@repogen/sdk';
import { reconcilePackProposals } from './reconcile-pack-proposals.js';

const proposal = (field: string, value: FieldProposal['value'], confidence = 0.9): FieldProposal => ({
  field,
  value,
  confidence,
  sourceText: `${field} ${JSON.stringify(value)}`,
});

describe('reconcilePackProposals', () => {
  const host = [proposal('/guideline/landRatePerSqm', 45595.88), proposal('/property/gps/lat', 18.52043)];

  it("drops a pack's reading that repeats the host's", () => {
    assert.deepEqual(
      reconcilePackProposals(host, [
        proposal('/guideline/landRatePerSqm', 45595.88, 0.76),
        proposal('/property/gps/lat', 18.5204300001),
      ]),
      [],
    );
  });

  it("keeps a pack's reading that contradicts the host's only below the warning level", () => {
    const [kept] = reconcilePackProposals(host, [proposal('/guideline/landRatePerSqm', 4236, 0.76)]);
    assert.equal(kept?.value, 4236);
    assert.ok(kept.confidence < LOW_CONFIDENCE, `confidence ${kept.confidence}`);
  });

  it("keeps a pack's own field as the pack read it", () => {
    const own = proposal('/partA_land/guidelineEvidence', 'IGR Pune 2026-27', 0.8);
    assert.deepEqual(reconcilePackProposals(host, [own]), [own]);
  });
});
