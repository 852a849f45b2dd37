import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PackManifest } from '@repogen/sdk';
import { selectPack, type SelectionCandidate } from './pack-selection.js';

const PACKS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../template-packs');

/** The bundled packs' own selection rules, as the host reads them from their manifests. */
function bundledCandidates(): SelectionCandidate[] {
  return fs.readdirSync(PACKS_DIR).map((folder) => {
    const pkg = JSON.parse(fs.readFileSync(path.join(PACKS_DIR, folder, 'package.json'), 'utf8')) as { version: string; repogen: PackManifest };
    const { key, title, family, selection } = pkg.repogen;
    return { key, version: pkg.version, title, family, selection };
  });
}

describe('pack selection with the bundled packs', () => {
  const candidates = bundledCandidates();
  const chosen = (query: Parameters<typeof selectPack>[1]) => selectPack(candidates, query).chosen?.candidate.key;

  it('suggests SBI Format A below ₹5 crore whatever the bank, and PSU generic from ₹5 crore', () => {
    assert.equal(chosen({ bank: 'State Bank of India', valueRupees: 4_00_00_000 }), 'SBI_UNDER_5CR_V1');
    assert.equal(chosen({ bank: 'Bank of India', valueRupees: 4_99_99_999 }), 'SBI_UNDER_5CR_V1');
    assert.equal(chosen({ bank: 'HDFC Bank', valueRupees: 80_00_000 }), 'SBI_UNDER_5CR_V1');
    assert.equal(chosen({ bank: 'State Bank of India', valueRupees: 5_00_00_000 }), 'PSU_GENERIC_OVER_5CR_V1');
    assert.equal(chosen({ bank: 'Bank of India', valueRupees: 9_00_00_000 }), 'PSU_GENERIC_OVER_5CR_V1');
  });

  it('suggests the co-op pack for a co-operative bank at any value', () => {
    assert.equal(chosen({ bank: 'Shri Basaveshwar Co-operative Bank Ltd.', valueRupees: 40_00_000 }), 'COOP_LB_V1');
    assert.equal(chosen({ bankType: 'coop', valueRupees: 12_00_00_000 }), 'COOP_LB_V1');
  });

  it('keeps project-finance packs out of a valuation query, and offers them when asked for', () => {
    const valuation = selectPack(candidates, { bank: 'State Bank of India', valueRupees: 4_00_00_000 });
    assert.equal(valuation.family, 'valuation');
    assert.ok(valuation.alternatives.every((verdict) => verdict.candidate.family === 'valuation'));
    assert.equal(chosen({ bank: 'State Bank of India' }), undefined, 'without a value no valuation rule matches');

    const projects = selectPack(candidates, { family: 'project-finance', bank: 'State Bank of India' });
    assert.deepEqual([projects.chosen, ...projects.alternatives].map((verdict) => verdict?.candidate.key).sort(), ['DPR_V1', 'STAGE_PROGRESS_V1', 'TEV_V1']);
    assert.ok(projects.chosen?.reason.includes('whatever the bank'));
  });
});
