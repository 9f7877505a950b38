/**
 * A seeded simulator of the BG/NBD story, for recovery tests: λ ~ Gamma(r, α), p ~ Beta(a, b);
 * purchases follow a Poisson process with rate λ and after each repeat purchase the customer drops
 * out with probability p.
 */
import type { BgNbdParams } from '../../../src/lib/core/model-fit/bg-nbd.ts';

/** mulberry32: a tiny, fast, seeded 32-bit PRNG (public domain), uniform on [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(random: () => number): number {
  // Box–Muller; 1 − u keeps the logarithm finite.
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** Gamma(shape, scale 1) by Marsaglia–Tsang, with the u^(1/shape) boost for shape < 1. */
export function gammaVariate(random: () => number, shape: number): number {
  if (shape < 1) return gammaVariate(random, shape + 1) * Math.pow(1 - random(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = normal(random);
    const v = (1 + c * x) ** 3;
    if (v <= 0) continue;
    const u = 1 - random();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

export interface SimulatedCustomer {
  readonly x: number;
  readonly recency: number;
  readonly age: number;
  /** Purchases in (age, age + holdout]. */
  readonly holdout: number;
}

/** Simulates one customer per entry of `ages` (first purchase at 0, observed until age). */
export function simulateBgNbd(
  params: BgNbdParams,
  ages: readonly number[],
  holdout: number,
  seed: number,
): SimulatedCustomer[] {
  const random = mulberry32(seed);
  return ages.map((age) => {
    const lambda = gammaVariate(random, params.r) / params.alpha;
    const g1 = gammaVariate(random, params.a);
    const p = g1 / (g1 + gammaVariate(random, params.b));
    let t = 0;
    let x = 0;
    let recency = 0;
    let later = 0;
    for (;;) {
      t += -Math.log(1 - random()) / lambda;
      if (t > age + holdout) break;
      if (t <= age) {
        x += 1;
        recency = t;
      } else later += 1;
      if (random() < p) break;
    }
    return { x, recency, age, holdout: later };
  });
}
