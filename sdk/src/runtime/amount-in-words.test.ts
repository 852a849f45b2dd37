import assert from 'node:assert/strict';
import { amountInWords, integerInIndianWords, parseAmountInWords, rupeesInWords } from './amount-in-words.js';

describe('amount in words', () => {
  it('writes the DOMAIN examples', () => {
    assert.equal(rupeesInWords(13_980_000), 'Rupees One Crore Thirty-Nine Lakh Eighty Thousand Only');
    assert.equal(rupeesInWords(4_330_000), 'Rupees Forty-Three Lakh Thirty Thousand Only');
    assert.equal(rupeesInWords(13_281_000), 'Rupees One Crore Thirty-Two Lakh Eighty-One Thousand Only');
  });

  it('adds paise after "and"', () => {
    assert.equal(
      amountInWords(12_345_678_90),
      'Rupees One Crore Twenty-Three Lakh Forty-Five Thousand Six Hundred Seventy-Eight and Ninety Paise Only',
    );
    assert.equal(amountInWords(1), 'Rupees Zero and One Paisa Only');
  });

  it('spells the crore count in the same scale above 99 crore', () => {
    assert.equal(integerInIndianWords(1_200_000_000), 'One Hundred Twenty Crore');
    assert.equal(
      integerInIndianWords(1_234_567_890_123),
      'One Lakh Twenty-Three Thousand Four Hundred Fifty-Six Crore Seventy-Eight Lakh Ninety Thousand One Hundred Twenty-Three',
    );
  });

  it('honours the style options', () => {
    assert.equal(rupeesInWords(6_900_000, { lakhWord: 'Lakhs', hyphenateTens: false }), 'Rupees Sixty Nine Lakhs Only');
    assert.equal(rupeesInWords(843_000, { lakhWord: 'Lac', only: false }), 'Rupees Eight Lac Forty-Three Thousand');
  });

  it('writes zero', () => {
    assert.equal(rupeesInWords(0), 'Rupees Zero Only');
  });

  it('reads its own words back to the same figure', () => {
    for (const paise of [
      0, 1, 99, 100, 13_980_000_00, 12_345_678_90, 1_200_000_000_00, 100_000_00, 1_00_00_000_00, 45_08_017_05,
    ]) {
      assert.equal(parseAmountInWords(amountInWords(paise)), paise, String(paise));
    }
    assert.equal(parseAmountInWords('Rupees Sixty Nine Lakhs Only'), 6_900_000_00);
    assert.equal(parseAmountInWords('Eight Lac Forty Three Thousand only'), 843_000_00);
    assert.throws(() => parseAmountInWords('Rupees One Zillion Only'), /unknown word/);
  });
});
