import { describe, expect, it } from 'vitest';
import {
  add,
  div,
  evaluate,
  mul,
  num,
  percent,
  step,
  stepsOf,
  sub,
  term,
  type Term,
} from '../../../src/lib/core/explain/index.ts';

const customers = (value: number): Term => ({ kind: 'customers', value, customers: null });

describe('evaluate', () => {
  it('computes the CRR formula of the articles', () => {
    const crr = div(sub(term('E'), term('N')), term('S'));
    expect(evaluate(crr, { S: 200, E: 240, N: 50 })).toBe(0.95);
    expect(evaluate(percent(crr), { S: 200, E: 240, N: 50 })).toBe(95);
    expect(evaluate(crr, { S: 440, E: 430, N: 120 })).toBe(310 / 440);
  });

  it('gives null for division by zero, unknown terms and missing steps, never NaN', () => {
    expect(evaluate(div(num(1), num(0)), {})).toBeNull();
    expect(evaluate(div(num(0), term('S')), { S: 0 })).toBeNull();
    expect(evaluate(term('X'), { S: 1 })).toBeNull();
    expect(evaluate(term('toString'), {})).toBeNull();
    expect(evaluate(add(step(3), num(1)), {}, [1])).toBeNull();
    expect(evaluate(mul(num(2), term('S')), { S: null })).toBeNull();
  });

  it('reads earlier steps', () => {
    expect(evaluate(div(step(0), term('S')), { S: 4 }, [2])).toBe(0.5);
    expect(evaluate(mul(num(3), add(num(1), num(2))), {})).toBe(9);
  });
});

describe('stepsOf', () => {
  it('splits a formula innermost first with inferred kinds', () => {
    const terms = { S: customers(200), E: customers(240), N: customers(50) };
    const steps = stepsOf(div(sub(term('E'), term('N')), term('S')), terms);
    expect(steps).toEqual([
      { formula: sub(term('E'), term('N')), value: 190, kind: 'customers' },
      { formula: div(step(0), term('S')), value: 0.95, kind: 'ratio' },
    ]);
  });

  it('keeps money ÷ customers as money and marks ÷ 0 as null', () => {
    const terms: Record<string, Term> = {
      revenue: { kind: 'money', value: 100, customers: null },
      S: customers(0),
    };
    const steps = stepsOf(div(term('revenue'), term('S')), terms);
    expect(steps).toEqual([
      { formula: div(term('revenue'), term('S')), value: null, kind: 'money' },
    ]);
  });

  it('gives no steps for a bare term', () => {
    expect(stepsOf(term('S'), { S: customers(3) })).toEqual([]);
  });
});
