import assert from 'node:assert/strict';
import { parseDateTime } from './date-time-parser.js';

const read = (...texts: string[]) => {
  const parsed = parseDateTime(texts.map((text) => ({ text, confidence: 90 })));
  return [parsed.date?.value, parsed.time?.value];
};

describe('parseDateTime', () => {
  it('reads the date formats of GPS-camera overlays, day first', () => {
    assert.deepEqual(read('25/11/2026 10:42 AM GMT +05:30'), ['2026-11-25', '10:42']);
    assert.deepEqual(read('Wednesday, 25 Nov 2026 14:05'), ['2026-11-25', '14:05']);
    assert.deepEqual(read('2026-03-14 09:07:33 IST'), ['2026-03-14', '09:07']);
    assert.deepEqual(read('Nov 5, 2026 12:15 PM'), ['2026-11-05', '12:15']);
    assert.deepEqual(read('05-03-26 12:00 am'), ['2026-03-05', '00:00']);
  });

  it('never reads a zone offset as the time, nor an impossible date', () => {
    assert.deepEqual(read('GMT +05:30'), [undefined, undefined]);
    assert.deepEqual(read('31/02/2026 25:61'), [undefined, undefined]);
  });

  it('is less sure of a day-first reading that could be month-first', () => {
    const parsed = parseDateTime([{ text: '03/04/2026', confidence: 100 }]);
    assert.equal(parsed.date?.value, '2026-04-03');
    assert.ok(parsed.date.confidence < 1);
  });
});
