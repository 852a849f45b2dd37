import assert from 'node:assert/strict';
import { formatIndianNumber, formatInr, formatRupeesReport, groupIndian } from './indian-number-format.js';

describe('Indian number format', () => {
  it('groups the last three digits, then pairs', () => {
    assert.equal(groupIndian('13980000'), '1,39,80,000');
    assert.equal(groupIndian('123'), '123');
    assert.equal(groupIndian('1234'), '1,234');
    assert.equal(groupIndian('100000'), '1,00,000');
    assert.equal(groupIndian('0012'), '12');
  });

  it('formats paise with the rupee symbol', () => {
    assert.equal(formatInr(12_345_678_00), '₹1,23,45,678.00');
    assert.equal(formatInr(5), '₹0.05');
    assert.equal(formatInr(-98_765_432_10), '-₹9,87,65,432.10');
    assert.equal(formatInr(12_345_678_00, 'symbol-rupees'), '₹1,23,45,678');
    assert.equal(formatInr(13_980_000_00, 'report'), 'Rs. 1,39,80,000/-');
    assert.equal(formatRupeesReport(13_980_000), 'Rs. 1,39,80,000/-');
  });

  it('refuses to hide paise in a rupee-only style', () => {
    assert.throws(() => formatInr(150, 'report'), /whole number of rupees/);
  });

  it('formats decimals with grouping', () => {
    assert.equal(formatIndianNumber(1234567.891, 2), '12,34,567.89');
    assert.equal(formatIndianNumber(-987654321), '-98,76,54,321');
  });
});
