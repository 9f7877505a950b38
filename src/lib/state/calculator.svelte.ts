/**
 * The calculator: three numbers typed by hand give the same worked example as a file would.
 * The article's two examples are presets.
 */
import { explainNumbers } from '../core/analyze.ts';
import type { Explanation } from '../core/explain/index.ts';
import { calculatorPresets, type CalculatorInput } from '../core/metrics/calculator.ts';

export type CalculatorMode = 'end' | 'lost';

/** A typed count: a whole number of 0 or more, or null when the field says something else. */
function count(text: string): number | null {
  const trimmed = text.trim();
  return /^\d{1,9}$/.test(trimmed) ? Number(trimmed) : null;
}

export class CalculatorState {
  mode = $state<CalculatorMode>('lost');
  start = $state('200');
  end = $state('240');
  fresh = $state('50');
  lost = $state('10');

  readonly input: CalculatorInput | null = $derived.by(() => {
    const S = count(this.start);
    const N = count(this.fresh);
    const other = count(this.mode === 'end' ? this.end : this.lost);
    if (S === null || N === null || other === null) return null;
    return this.mode === 'end' ? { S, E: other, N } : { S, N, lost: other };
  });

  readonly explanation: Explanation | null = $derived(
    this.input ? explainNumbers(this.input) : null,
  );

  readonly presets = calculatorPresets;

  usePreset(index: number): void {
    const preset = this.presets[index];
    if (!preset) return;
    this.start = String(preset.S);
    this.fresh = String(preset.N);
    if ('lost' in preset) {
      this.mode = 'lost';
      this.lost = String(preset.lost);
    } else {
      this.mode = 'end';
      this.end = String(preset.E);
    }
  }
}
