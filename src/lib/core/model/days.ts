/**
 * Calendar days as integers: the number of days since 1970-01-01 (the "epoch day").
 * Dates in Behoud are calendar days in the data's own local time, so they are never converted
 * through a time zone: 2024-03-31 23:30 stays day 19813 everywhere.
 */

/** Marks "no date" in an Int32Array of epoch days (for example a subscription without an end). */
export const NO_DAY = -2147483648;

/**
 * Epoch day of a proleptic Gregorian date. Month is 1–12.
 * Algorithm from Howard Hinnant's "days_from_civil" (public domain); exact for every year.
 * @example epochDay(1970, 1, 1) === 0; epochDay(2024, 2, 29) === 19782
 */
export function epochDay(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthIndex = month > 2 ? month - 3 : month + 9;
  const dayOfYear = Math.floor((153 * monthIndex + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

export interface CivilDate {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  /** 1–31 */
  readonly day: number;
}

/**
 * The calendar date of an epoch day (inverse of {@link epochDay}).
 * @example civilDate(19782) → { year: 2024, month: 2, day: 29 }
 */
export function civilDate(epoch: number): CivilDate {
  const z = epoch + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** True when the date exists (no 31 April, 29 February only in leap years). */
export function isValidDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** ISO 8601 text of an epoch day. @example isoDate(0) === '1970-01-01' */
export function isoDate(epoch: number): string {
  const { year, month, day } = civilDate(epoch);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Day of the week, ISO numbering: 1 = Monday … 7 = Sunday. 1970-01-01 was a Thursday. */
export function isoWeekday(epoch: number): number {
  return ((((epoch + 3) % 7) + 7) % 7) + 1;
}

/**
 * Epoch day of an Excel serial date. The 1900 system counts 1900-01-01 as 1 and keeps Lotus'
 * phantom 1900-02-29 (serial 60), so serials from 61 on are one day ahead; the 1904 system counts
 * 1904-01-01 as 0. The time of day (fraction) is dropped, never rounded into the next day.
 * @example excelSerialDay(45000, false) === epochDay(2023, 3, 15)
 */
export function excelSerialDay(serial: number, date1904: boolean): number {
  const whole = Math.floor(serial);
  if (date1904) return whole + epochDay(1904, 1, 1);
  // Serial 0 is Excel's "1900-01-00"; serial 60 is the non-existent 1900-02-29, read as 02-28.
  if (whole < 61) return epochDay(1899, 12, 31) + Math.max(whole, 1) - (whole === 60 ? 1 : 0);
  return whole + epochDay(1899, 12, 30);
}
