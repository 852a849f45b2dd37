import assert from 'node:assert/strict';
import { classifyDocument } from './document-type-classifier.js';

describe('classifyDocument', () => {
  it('names the document kind from its words', () => {
    assert.equal(
      classifyDocument('THIS SALE DEED is made between the Vendor and the Purchaser for a sale consideration')?.value,
      'document.sale_deed',
    );
    assert.equal(classifyDocument('Village Form VII/XII Record of Rights (7/12 extract)')?.value, 'document.rtc');
    assert.equal(
      classifyDocument('Order of the Collector: permission for Non-Agricultural use (N.A. order)')?.value,
      'document.na_order',
    );
    assert.equal(
      classifyDocument('Completion Certificate: the building is fit for occupation')?.value,
      'document.completion_certificate',
    );
  });

  it('answers nothing for words of no document', () => {
    assert.equal(classifyDocument('a photo of a garden'), undefined);
  });
});
