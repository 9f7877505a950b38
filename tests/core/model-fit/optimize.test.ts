import { describe, expect, it } from 'vitest';
import {
  inverseIfPositiveDefinite,
  minimize,
  numericHessian,
} from '../../../src/lib/core/model-fit/optimize.ts';

const box = (n: number, bound = 20) => ({
  lower: new Array<number>(n).fill(-bound),
  upper: new Array<number>(n).fill(bound),
});

describe('minimize (Nelder–Mead with restarts)', () => {
  it('finds the minimum of the Rosenbrock valley', () => {
    const rosenbrock = ([x, y]: readonly number[]) => (1 - x) ** 2 + 100 * (y - x * x) ** 2;
    const result = minimize(rosenbrock, [-1.2, 1], box(2));
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 5);
    expect(result.x[1]).toBeCloseTo(1, 5);
  });

  it('stays inside the box and treats NaN as +Infinity', () => {
    const f = ([x, y]: readonly number[]) => (x < -1 ? NaN : (x + 3) ** 2 + (y - 1) ** 2);
    const result = minimize(f, [2, 2], { lower: [-2, -2], upper: [2, 2] });
    expect(result.x[0]).toBeGreaterThanOrEqual(-1);
    // The optimum sits on the NaN wall: Nelder–Mead gets close, not exact, there.
    expect(result.x[0]).toBeCloseTo(-1, 3);
    expect(result.x[1]).toBeCloseTo(1, 3);
  });

  it('says not converged when the budget runs out', () => {
    const sphere = (x: readonly number[]) => x.reduce((s, v) => s + (v - 3) ** 2, 0);
    expect(minimize(sphere, [0, 0, 0, 0], { ...box(4), maxEvaluations: 30 }).converged).toBe(false);
  });
});

describe('numericHessian and inverseIfPositiveDefinite', () => {
  it('differentiates a quadratic and inverts it', () => {
    const h = numericHessian(([x, y]) => 2 * x * x + x * y + 3 * y * y, [0.3, -0.2]);
    expect(h[0][0]).toBeCloseTo(4, 5);
    expect(h[0][1]).toBeCloseTo(1, 5);
    expect(h[1][1]).toBeCloseTo(6, 5);
    const inverse = inverseIfPositiveDefinite(h);
    expect(inverse).not.toBeNull();
    // [[4, 1], [1, 6]]⁻¹ = [[6, −1], [−1, 4]] / 23
    expect(inverse?.[0][0]).toBeCloseTo(6 / 23, 6);
    expect(inverse?.[0][1]).toBeCloseTo(-1 / 23, 6);
  });

  it('rejects a flat or saddle direction', () => {
    expect(
      inverseIfPositiveDefinite([
        [1, 1],
        [1, 1],
      ]),
    ).toBeNull();
    expect(
      inverseIfPositiveDefinite([
        [1, 0],
        [0, -1],
      ]),
    ).toBeNull();
    expect(
      inverseIfPositiveDefinite([
        [0, 0],
        [0, 0],
      ]),
    ).toBeNull();
  });
});
