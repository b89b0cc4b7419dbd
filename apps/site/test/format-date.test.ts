/** Dates as readers see them (src/lib/format-date.ts), the same on every machine. */
import { describe, expect, it } from 'vitest';
import { formatDate, formatMonth, toInstant } from '../src/lib/format-date.ts';

describe('formatDate', () => {
  it('writes the calendar day as written, without leading zeros', () => {
    expect(formatDate('2025-06-04')).toBe('4 June 2025');
    expect(formatDate('2025-12-31')).toBe('31 December 2025');
    expect(formatDate('2025-01-01')).toBe('1 January 2025');
  });

  it('takes the date of a date-time, whatever its time zone', () => {
    expect(formatDate('2025-06-14T23:30:00-05:00')).toBe('14 June 2025');
    expect(formatDate('2025-06-14T18:00:00Z')).toBe('14 June 2025');
  });
});

describe('formatMonth', () => {
  it('names the month and year of a YYYY-MM', () => {
    expect(formatMonth('2025-06')).toBe('June 2025');
    expect(formatMonth('2024-01')).toBe('January 2024');
  });
});

describe('toInstant', () => {
  it('counts a bare date as midnight UTC', () => {
    expect(toInstant('2025-06-14')).toBe(Date.UTC(2025, 5, 14));
    expect(toInstant('2025-06-14T01:00:00+02:00')).toBe(Date.UTC(2025, 5, 13, 23));
  });
});
