import { describe, expect, it } from 'vitest';
import { calculatorPresets, compute, explain } from '../../../src/lib/core/metrics/calculator.ts';

describe('calculator', () => {
  it('reproduces the two worked examples of METRICS.md §4 exactly', () => {
    expect(calculatorPresets.map(compute)).toEqual([0.95, 310 / 440]);
    expect(compute(calculatorPresets[1])).toBeCloseTo(0.7045454545, 10);
    expect(compute({ S: 200, E: 240, N: 50 })).toBe(0.95);
    expect(compute({ S: 440, E: 430, N: 120 })).toBe(0.7045454545454546);
  });

  it('forms E from S − lost + N and then explains ((E − N) ÷ S)', () => {
    const e = explain({ S: 200, N: 50, lost: 10 });
    expect(e.terms.E).toEqual({ kind: 'customers', value: 240, customers: null });
    expect(e.steps.map((s) => [s.value, s.kind])).toEqual([
      [190, 'customers'],
      [0.95, 'ratio'],
    ]);
    expect(e.result).toEqual({ value: 0.95, kind: 'ratio' });
    expect(e.terms.lost).toEqual({ kind: 'customers', value: 10, customers: null });
    expect(e.definitions).toEqual({
      inputKind: 'numbers',
      period: null,
      windowDays: null,
      refunds: null,
    });
    expect(e.notes).toEqual([{ code: 'end-from-lost', count: 240 }]);
  });

  it('gives no rate for S = 0 and flags impossible numbers', () => {
    expect(compute({ S: 0, E: 5, N: 5 })).toBeNull();
    expect(explain({ S: 0, E: 5, N: 5 }).notes).toEqual([{ code: 'no-start-customers' }]);
    expect(explain({ S: 0, E: 6, N: 5 }).notes.map((n) => n.code)).toEqual([
      'no-start-customers',
      'inconsistent-numbers',
    ]);
    expect(explain({ S: 10, E: 3, N: 5 }).notes).toEqual([{ code: 'inconsistent-numbers' }]);
    expect(explain({ S: 10, N: 5, lost: 11 }).notes).toEqual([
      { code: 'inconsistent-numbers' },
      { code: 'end-from-lost', count: 4 },
    ]);
  });
});
