import { describe, expect, it } from 'vitest';
import { epochDay, isoDate } from '../../../src/lib/core/model/days.ts';
import {
  guessDateOrder,
  looksLikeSerialDates,
  parseDateCell,
  parseDateText,
} from '../../../src/lib/core/ingest/parse-date.ts';

const iso = (text: string, order: 'dmy' | 'mdy' | 'ymd' = 'dmy') => {
  const day = parseDateText(text, order);
  return day === null ? null : isoDate(day);
};

describe('parseDateText', () => {
  it('reads ISO dates and date-times without shifting the day', () => {
    expect(iso('2024-03-31')).toBe('2024-03-31');
    expect(iso('2024-03-31 23:30')).toBe('2024-03-31');
    expect(iso('2024-03-31T23:30:00Z')).toBe('2024-03-31');
    expect(iso('2025-12-06 10:37:33 -0500')).toBe('2025-12-06');
    expect(iso('2010-12-01 08:26:00')).toBe('2010-12-01');
    expect(iso('2024/3/5')).toBe('2024-03-05');
  });

  it('reads yyyymmdd', () => {
    expect(iso('19970101')).toBe('1997-01-01');
    expect(iso('20240229')).toBe('2024-02-29');
    expect(iso('20230229')).toBeNull();
  });

  it('reads day-first and month-first numeric dates as told', () => {
    expect(iso('03-04-2024', 'dmy')).toBe('2024-04-03');
    expect(iso('03/04/2024', 'mdy')).toBe('2024-03-04');
    expect(iso('31/12/2012', 'dmy')).toBe('2012-12-31');
    expect(iso('31/12/2012', 'mdy')).toBeNull();
    expect(iso('5.6.2024', 'dmy')).toBe('2024-06-05');
    expect(iso('3-1-24', 'dmy')).toBe('2024-01-03');
    expect(iso('3-1-95', 'dmy')).toBe('1995-01-03');
    expect(iso('29-02-2024 14:05', 'dmy')).toBe('2024-02-29');
  });

  it('reads Dutch and English month names', () => {
    expect(iso('3 maart 2024')).toBe('2024-03-03');
    expect(iso('3 mrt 2024')).toBe('2024-03-03');
    expect(iso('3-mrt-24')).toBe('2024-03-03');
    expect(iso('maandag 4 maart 2024')).toBe('2024-03-04');
    expect(iso('Mar 3, 2024')).toBe('2024-03-03');
    expect(iso('March 3rd 2024 14:00')).toBe('2024-03-03');
    expect(iso('03-Mar-2024')).toBe('2024-03-03');
    expect(iso('1 mei 2023')).toBe('2023-05-01');
    expect(iso('31 okt. 2022')).toBe('2022-10-31');
  });

  it('refuses what is no date', () => {
    expect(iso('')).toBeNull();
    expect(iso('gisteren')).toBeNull();
    expect(iso('4.5')).toBeNull();
    expect(iso('12,50')).toBeNull();
    expect(iso('31-04-2024')).toBeNull();
    expect(iso('1-1-1850')).toBeNull();
    expect(iso('3 maart')).toBeNull();
  });
});

describe('parseDateCell', () => {
  it('converts Excel date cells with the workbook date system', () => {
    expect(parseDateCell({ excelSerial: 45000 }, 'dmy', false, false)).toBe(epochDay(2023, 3, 15));
    expect(parseDateCell({ excelSerial: 1 }, 'dmy', true, false)).toBe(epochDay(1904, 1, 2));
    expect(parseDateCell({ excelSerial: 45000.75 }, 'dmy', false, false)).toBe(
      epochDay(2023, 3, 15),
    );
  });

  it('reads numbers as yyyymmdd, and as serials only when told', () => {
    expect(parseDateCell(20140102, 'dmy', false, false)).toBe(epochDay(2014, 1, 2));
    expect(parseDateCell(45000, 'dmy', false, false)).toBeNull();
    expect(parseDateCell(45000, 'dmy', false, true)).toBe(epochDay(2023, 3, 15));
    expect(parseDateCell('45000', 'dmy', false, true)).toBe(epochDay(2023, 3, 15));
    expect(parseDateCell(true, 'dmy', false, true)).toBeNull();
  });
});

describe('guessDateOrder', () => {
  it('finds day-first from a day above 12 (csvkit test_date_format)', () => {
    expect(guessDateOrder(['02/01/2014', '31/12/2012'])).toEqual({
      order: 'dmy',
      ambiguous: false,
    });
  });
  it('finds month-first from a second number above 12', () => {
    expect(guessDateOrder(['02/01/2014', '12/31/2012'])).toEqual({
      order: 'mdy',
      ambiguous: false,
    });
  });
  it('defaults to day-first and says so when every value fits both', () => {
    expect(guessDateOrder(['02/01/2014', '03/04/2014'])).toEqual({ order: 'dmy', ambiguous: true });
  });
  it('is not ambiguous for ISO dates', () => {
    expect(guessDateOrder(['2014-01-02'])).toEqual({ order: 'dmy', ambiguous: false });
  });
});

describe('looksLikeSerialDates', () => {
  it('accepts whole numbers in the serial range of 1950–2100 only', () => {
    expect(looksLikeSerialDates(['45000', 45001, ''])).toBe(true);
    expect(looksLikeSerialDates(['45000', '12'])).toBe(false);
    expect(looksLikeSerialDates([])).toBe(false);
  });
});
