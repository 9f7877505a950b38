import { describe, expect, it } from 'vitest';
import { createContext } from '../../../src/lib/core/metrics/context.ts';
import { computeLists, explain } from '../../../src/lib/core/metrics/two-lists.ts';
import { listsDataset } from './make-dataset.ts';

describe('two lists', () => {
  it('counts S, E, N, lost and CRR from the lists', () => {
    const context = createContext(listsDataset(['a', 'b', 'c', 'd'], ['b', 'c', 'd', 'e']), {
      unit: 'month',
    });
    expect(computeLists(context)).toEqual({ S: 4, E: 4, N: 1, lost: 1, crr: 0.75 });
    const e = explain(context);
    expect(e.terms.lost.customers).toEqual([0]);
    expect(e.terms.N.customers).toEqual([4]);
    expect(e.result.value).toBe(0.75);
    expect(e.definitions.period?.unit).toBe('lists');
  });

  it('counts a key listed twice once, and gives no rate for an empty start list', () => {
    const context = createContext(listsDataset(['a', 'a'], ['a', 'b']), { unit: 'month' });
    expect(computeLists(context)).toEqual({ S: 1, E: 2, N: 1, lost: 0, crr: 1 });
    const empty = createContext(listsDataset([], ['x']), { unit: 'month' });
    expect(computeLists(empty)).toEqual({ S: 0, E: 1, N: 1, lost: 0, crr: null });
  });
});
