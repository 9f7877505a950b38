import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  civilDate,
  epochDay,
  excelSerialDay,
  isoDate,
  isoWeekday,
  isValidDate,
} from '../../../src/lib/core/model/days.ts';

describe('epoch days', () => {
  it('puts known dates on known day numbers', () => {
    expect(epochDay(1970, 1, 1)).toBe(0);
    expect(epochDay(2000, 3, 1)).toBe(11017);
    expect(epochDay(2024, 2, 29)).toBe(19782);
    expect(epochDay(1969, 12, 31)).toBe(-1);
    expect(isoDate(19782)).toBe('2024-02-29');
    expect(isoDate(epochDay(1900, 1, 1))).toBe('1900-01-01');
  });

  it('round-trips every day between 1800 and 2200', () => {
    fc.assert(
      fc.property(fc.integer({ min: epochDay(1800, 1, 1), max: epochDay(2200, 12, 31) }), (day) => {
        const { year, month, day: dayOfMonth } = civilDate(day);
        return isValidDate(year, month, dayOfMonth) && epochDay(year, month, dayOfMonth) === day;
      }),
    );
  });

  it('knows leap years and month lengths', () => {
    expect(isValidDate(2024, 2, 29)).toBe(true);
    expect(isValidDate(2023, 2, 29)).toBe(false);
    expect(isValidDate(1900, 2, 29)).toBe(false);
    expect(isValidDate(2000, 2, 29)).toBe(true);
    expect(isValidDate(2024, 4, 31)).toBe(false);
    expect(isValidDate(2024, 13, 1)).toBe(false);
  });

  it('numbers weekdays the ISO way', () => {
    expect(isoWeekday(0)).toBe(4); // 1970-01-01, a Thursday
    expect(isoWeekday(epochDay(2024, 3, 4))).toBe(1); // a Monday
    expect(isoWeekday(epochDay(2024, 3, 10))).toBe(7); // a Sunday
    expect(isoWeekday(-1)).toBe(3);
  });
});

describe('Excel serial numbers', () => {
  it('reads the 1900 system, phantom 29 February included', () => {
    expect(isoDate(excelSerialDay(1, false))).toBe('1900-01-01');
    expect(isoDate(excelSerialDay(59, false))).toBe('1900-02-28');
    expect(isoDate(excelSerialDay(61, false))).toBe('1900-03-01');
    expect(isoDate(excelSerialDay(11111, false))).toBe('1930-06-02');
    expect(isoDate(excelSerialDay(45000, false))).toBe('2023-03-15');
    expect(isoDate(excelSerialDay(45000.99, false))).toBe('2023-03-15');
  });

  it('reads the 1904 system', () => {
    expect(isoDate(excelSerialDay(1, true))).toBe('1904-01-02');
    expect(isoDate(excelSerialDay(11111, true))).toBe('1934-06-03');
  });
});
