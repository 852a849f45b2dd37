import assert from 'node:assert/strict';
import {
  ageInYearsSince,
  completedMonthsBetween,
  completedYearsBetween,
  daysBetween,
  formatDdMmYyyy,
  parseDdMmYyyy,
  parseIsoDate,
} from './dates.js';

describe('dates', () => {
  it('reads the local date of an ISO instant as written', () => {
    assert.deepEqual(parseIsoDate('2025-08-09T00:30:00+05:30'), { year: 2025, month: 8, day: 9 });
    assert.throws(() => parseIsoDate('2025-02-30'), /not a calendar date/);
    assert.throws(() => parseIsoDate('09-08-2025'), /not an ISO date/);
  });

  it('formats and parses DD-MM-YYYY', () => {
    assert.equal(formatDdMmYyyy('2025-08-09'), '09-08-2025');
    assert.equal(formatDdMmYyyy('2025-08-09', '.'), '09.08.2025');
    assert.deepEqual(parseDdMmYyyy('01/06/2022'), { year: 2022, month: 6, day: 1 });
  });

  it('counts completed years and building age', () => {
    assert.equal(completedYearsBetween('2010-08-13', '2025-08-12'), 14);
    assert.equal(completedYearsBetween('2010-08-12', '2025-08-12'), 15);
    assert.equal(completedYearsBetween('2025-08-12', '2010-08-12'), -15);
    assert.equal(ageInYearsSince(2010, '2025-08-12T06:00:00.000Z'), 15);
  });

  it('counts completed calendar months', () => {
    assert.equal(completedMonthsBetween('2023-06-15', '2025-05-14'), 22);
    assert.equal(completedMonthsBetween('2023-06-15', '2025-05-15'), 23);
    assert.equal(completedMonthsBetween('2023-11-05', '2025-10-06'), 23);
    assert.equal(completedMonthsBetween('2025-01-31', '2025-02-28'), 0);
    assert.equal(completedMonthsBetween('2025-05-15', '2023-06-15'), -23);
  });

  it('counts days', () => {
    assert.equal(daysBetween('2025-08-09', '2025-08-12'), 3);
    assert.equal(daysBetween('2024-02-28', '2024-03-01'), 2);
  });
});
