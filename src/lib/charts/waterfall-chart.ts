/**
 * The revenue movements of one period (METRICS.md §8) as a waterfall: start revenue, then what
 * came in (+ new, + expansion, + reactivated), then what went out (− contraction, − churned), and
 * the end revenue. A Chart.js bar chart of floating bars ([from, to] per bar). Pure like the other
 * builders: type imports only, tested as data in Node.
 */
import type { ChartConfiguration, Tick, TooltipItem } from 'chart.js';
import type { RevenueRow } from '../core/analyze.ts';
import { formatMoney, localeOf, type Language } from '../i18n/format.ts';
import { palette, sharedOptions, withAlpha } from './chart-style.ts';

/** The bars, in drawing order. */
export type WaterfallStepId =
  'start' | 'new' | 'expansion' | 'reactivated' | 'contraction' | 'churned' | 'end';

export const waterfallStepIds: readonly WaterfallStepId[] = [
  'start',
  'new',
  'expansion',
  'reactivated',
  'contraction',
  'churned',
  'end',
];

/** Texts the caller supplies in the user's language; the builder adds only "+" and "−". */
export interface WaterfallLabels {
  readonly steps: Readonly<Record<WaterfallStepId, string>>;
  readonly title?: string;
  /** Tooltip footer on an incomplete period, e.g. "Periode nog niet compleet". */
  readonly incomplete?: string;
}

/** One bar: a total standing on 0, or a movement floating from `from` to `to`. */
export interface WaterfallStep {
  readonly id: WaterfallStepId;
  readonly kind: 'total' | 'increase' | 'decrease';
  /** The amount of the step (≥ 0); a decrease is drawn downwards. */
  readonly amount: number;
  /** Bottom and top of the bar. */
  readonly from: number;
  readonly to: number;
}

/** Floating bars: each data point is [bottom, top]. */
export type WaterfallConfig = ChartConfiguration<'bar', [number, number][], string>;

/**
 * The bars of a period: running level from R0 up by the increases and down by the decreases; the
 * end bar is the end revenue as core computed it (equal to the running level up to float noise).
 * @example waterfallSteps({ startRevenue: 200, new: 30, contraction: 20, churned: 90, … })[4]
 *   → { id: 'contraction', kind: 'decrease', amount: 20, from: 210, to: 230 }
 */
export function waterfallSteps(row: RevenueRow): WaterfallStep[] {
  const steps: WaterfallStep[] = [
    { id: 'start', kind: 'total', amount: row.startRevenue, from: 0, to: row.startRevenue },
  ];
  let level = row.startRevenue;
  const move = (id: WaterfallStepId, amount: number, kind: 'increase' | 'decrease') => {
    const next = kind === 'increase' ? level + amount : level - amount;
    steps.push({ id, kind, amount, from: Math.min(level, next), to: Math.max(level, next) });
    level = next;
  };
  move('new', row.new, 'increase');
  move('expansion', row.expansion, 'increase');
  move('reactivated', row.reactivated, 'increase');
  move('contraction', row.contraction, 'decrease');
  move('churned', row.churned, 'decrease');
  steps.push({ id: 'end', kind: 'total', amount: row.endRevenue, from: 0, to: row.endRevenue });
  return steps;
}

/**
 * Colour per kind (Okabe–Ito): totals blue, increases orange, decreases vermillion. Colour is never
 * the only cue: every movement's axis label carries its sign, and decreases run downwards.
 */
const kindColour: Record<WaterfallStep['kind'], string> = {
  total: palette.blue,
  increase: palette.orange,
  decrease: palette.vermillion,
};

/** The axis label of a step: the caller's word, with "+" or "−" for a movement. */
export function stepLabel(step: WaterfallStep, labels: WaterfallLabels): string {
  const word = labels.steps[step.id];
  if (step.kind === 'increase') return `+ ${word}`;
  if (step.kind === 'decrease') return `− ${word}`;
  return word;
}

const tickFormats = new Map<string, Intl.NumberFormat>();

/** Money without cents, for axis ticks: "€ 1.200" (nl) / "€1,200" (en). */
function formatMoneyTick(language: Language, value: number, currency: string): string {
  const key = `${language}:${currency}`;
  let format = tickFormats.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(localeOf(language), {
      style: 'currency',
      currency,
      maximumFractionDigits: 0,
      minimumFractionDigits: 0,
    });
    tickFormats.set(key, format);
  }
  return format.format(value);
}

/**
 * The waterfall of one period. An incomplete period's bars are hollow (faint fill, full outline),
 * as in the other charts: its movements may still change.
 * @example waterfallConfig(report.revenueRetention[p], { steps: revenueNl.steps }, 'nl', 'EUR')
 */
export function waterfallConfig(
  row: RevenueRow,
  labels: WaterfallLabels,
  language: Language,
  currency = 'EUR',
): WaterfallConfig {
  const steps = waterfallSteps(row);
  const colours = steps.map((step) => kindColour[step.kind]);
  const hollow = !row.complete;
  return {
    type: 'bar',
    data: {
      labels: steps.map((step) => stepLabel(step, labels)),
      datasets: [
        {
          label: labels.title ?? row.period,
          data: steps.map((step): [number, number] => [step.from, step.to]),
          backgroundColor: hollow ? colours.map((colour) => withAlpha(colour, 0.25)) : colours,
          borderColor: hollow ? colours : colours.map(() => palette.card),
          borderWidth: hollow ? 2 : 1,
          // Floating bars have two ends: skip none, so a bar of 0 still keeps its place.
          borderSkipped: false,
        },
      ],
    },
    options: {
      ...sharedOptions,
      interaction: { mode: 'nearest', intersect: true },
      scales: {
        x: { grid: { display: false }, ticks: { color: palette.ink } },
        y: {
          beginAtZero: true,
          grid: { color: palette.grid },
          ticks: {
            color: palette.ink,
            callback: (value: number | string, _index: number, _ticks: Tick[]) =>
              formatMoneyTick(language, Number(value), currency),
          },
        },
      },
      plugins: {
        title: { display: labels.title !== undefined, text: labels.title ?? '' },
        // One series: the axis labels say what each bar is.
        legend: { display: false },
        tooltip: {
          callbacks: {
            label: (item: TooltipItem<'bar'>) => {
              const step = steps[item.dataIndex];
              if (step === undefined) return '';
              const amount = formatMoney(language, step.amount, currency);
              const sign = step.kind === 'increase' ? '+' : step.kind === 'decrease' ? '−' : '';
              return `${labels.steps[step.id]}: ${sign}${amount}`;
            },
            footer: () =>
              hollow && labels.incomplete !== undefined ? [labels.incomplete] : undefined,
          },
        },
      },
    },
  };
}
