import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { createTesseractEngine, readEvidenceImage, type OcrEngine } from '@repogen/core';
import { LOW_CONFIDENCE } from '@repogen/sdk';
import { extractValuationFields } from '@repogen/sdk/kits/valuation';
import { fixturePath, readTruth, score, scoreProposals, type FieldScore } from './ocr-labelled-set.js';

/** Every field right is the aim; a wrong value must at least say it is doubtful. */
const MIN_FIELD_ACCURACY = 0.95;

describe('OCR accuracy on the labelled set (test/fixtures/ocr)', function () {
  this.timeout(300_000);
  let engine: OcrEngine;

  before(() => {
    engine = createTesseractEngine({ workers: 1 });
  });
  after(() => engine.close());

  for (const mode of ['with the kind given', 'detecting the kind'] as const) {
    it(`reads lat, long, date, time, rate, unit and value ${mode}, as do the valuation packs from its text`, async () => {
      const truth = await readTruth();
      const scores = new Map<string, FieldScore>();
      const problems: string[] = [];
      let kindsRight = 0;
      const started = Date.now();
      for (const entry of truth) {
        const reading = await readEvidenceImage(
          engine,
          await fs.readFile(fixturePath(entry.file)),
          mode === 'with the kind given' ? entry.kind : undefined,
        );
        if (reading.kind === entry.kind) kindsRight += 1;
        else problems.push(`${entry.file}: kind ${reading.kind} (expected ${entry.kind})`);
        problems.push(...score(scores, entry, reading.fields, LOW_CONFIDENCE));
        // The valuation packs' `extract` gets the text and its mean confidence, not the lines.
        const { proposals } = extractValuationFields({
          kind: reading.kind,
          text: reading.ocr.text,
          meanConfidence: reading.ocr.confidence,
        });
        problems.push(...scoreProposals(scores, entry, proposals, LOW_CONFIDENCE, 'pack'));
      }
      const lines = [...scores].map(
        ([name, s]) =>
          `${name}: ${s.right}/${s.right + s.wrong + s.missing} right, ${s.wrong} wrong (${s.confidentlyWrong} without a warning), ${s.missing} missing`,
      );
      console.log(
        `      ${mode}: ${truth.length} images, kind ${kindsRight}/${truth.length}, ${((Date.now() - started) / truth.length / 1000).toFixed(2)} s per image`,
      );
      for (const line of [...lines, ...problems]) console.log(`        ${line}`);
      assert.equal(kindsRight, truth.length, problems.join('\n'));
      for (const [name, s] of scores) {
        assert.ok(s.right / (s.right + s.wrong + s.missing) >= MIN_FIELD_ACCURACY, `${name}: ${problems.join('\n')}`);
        assert.equal(
          s.confidentlyWrong,
          0,
          `${name} was wrong without a low-confidence warning: ${problems.join('\n')}`,
        );
      }
    });
  }
});
