import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { guessDecimalSeparator, parseAmount } from '../../../src/lib/core/ingest/parse-amount.ts';

describe('parseAmount', () => {
  it('reads Dutch notation', () => {
    expect(parseAmount('€ 1.234,56', ',')).toBe(1234.56);
    expect(parseAmount('-12,50', ',')).toBe(-12.5);
    expect(parseAmount('12,50-', ',')).toBe(-12.5);
    expect(parseAmount('€1.000', ',')).toBe(1000);
    expect(parseAmount('200.000.000', ',')).toBe(200000000);
    expect(parseAmount('1,7', ',')).toBe(1.7);
    expect(parseAmount('EUR 7', ',')).toBe(7);
    expect(parseAmount('1 234,56', ',')).toBe(1234.56);
  });

  it('reads English notation', () => {
    expect(parseAmount('1,234.56', '.')).toBe(1234.56);
    expect(parseAmount('$29.33', '.')).toBe(29.33);
    expect(parseAmount('(12.50)', '.')).toBe(-12.5);
    expect(parseAmount('−3.5', '.')).toBe(-3.5);
    expect(parseAmount('£ 0.85', '.')).toBe(0.85);
    expect(parseAmount('+4', '.')).toBe(4);
  });

  it('passes numbers through and refuses text', () => {
    expect(parseAmount(12.5, ',')).toBe(12.5);
    expect(parseAmount(Number.NaN, ',')).toBeNull();
    expect(parseAmount('', ',')).toBeNull();
    expect(parseAmount('gratis', ',')).toBeNull();
    expect(parseAmount('12abc', '.')).toBeNull();
    expect(parseAmount('1.2.3,4,5', ',')).toBeNull();
    expect(parseAmount(null, '.')).toBeNull();
  });

  it('reads back every number written in either notation', () => {
    fc.assert(
      fc.property(fc.integer({ min: -99_999_999, max: 99_999_999 }), (cents) => {
        const value = cents / 100;
        const english = value.toLocaleString('en-US', { minimumFractionDigits: 2 });
        const dutch = value.toLocaleString('nl-NL', { minimumFractionDigits: 2 });
        return parseAmount(english, '.') === value && parseAmount(dutch, ',') === value;
      }),
    );
  });
});

describe('guessDecimalSeparator', () => {
  it('finds the comma from values that prove it', () => {
    expect(guessDecimalSeparator(['12,50', '7', '1.234,5'])).toBe(',');
  });
  it('finds the point from values that prove it', () => {
    expect(guessDecimalSeparator(['12.50', '7', '1,234.5'])).toBe('.');
  });
  it('reads three digits after a lone separator as thousands', () => {
    expect(guessDecimalSeparator(['1.250', '2.000'])).toBe(',');
    expect(guessDecimalSeparator(['1,250', '2,000'])).toBe('.');
  });
  it('reads a column with several groups as thousands', () => {
    expect(guessDecimalSeparator(['200.000.000'])).toBe(',');
  });
});
