/**
 * What every Behoud chart shares: the colour-blind-safe palette, the marks for incomplete periods
 * and the options that make charts calm (no animation) and fit their container. Pure data and
 * small functions over `PeriodRow`s, so the builders stay testable in Node without a canvas.
 */
import type { PeriodRow } from '../core/analyze.ts';

/**
 * Okabe–Ito colours: told apart by people with the common colour-vision deficiencies, and each
 * series also differs by a second cue (marker shape or stacking position), never colour alone.
 */
export const palette = {
  blue: '#0072B2',
  vermillion: '#D55E00',
  orange: '#E69F00',
  green: '#009E73',
  purple: '#CC79A7',
  sky: '#56B4E9',
  /** Okabe–Ito yellow, darkened so a line stays visible on white. */
  yellow: '#B59A00',
  /** Fill of hollow marks: the card background, so an incomplete point reads as an outline. */
  card: '#ffffff',
  ink: '#17232b',
  grid: '#d9dcd6',
} as const;

/**
 * The dash of a line segment into or out of an incomplete period. Dashes are reserved for this one
 * meaning (METRICS §2), which is why the series themselves differ by marker, not by dash.
 */
export const incompleteDash: readonly number[] = [6, 4];

/** Whether the period at `index` is incomplete; out-of-range indices count as complete. */
export function isIncomplete(periods: readonly PeriodRow[], index: number): boolean {
  const row = periods[index];
  return row !== undefined && !row.complete;
}

/** A colour with an alpha channel, for the faint fill of hollow (incomplete) bars. */
export function withAlpha(hex: string, alpha: number): string {
  const red = Number.parseInt(hex.slice(1, 3), 16);
  const green = Number.parseInt(hex.slice(3, 5), 16);
  const blue = Number.parseInt(hex.slice(5, 7), 16);
  return `rgba(${red}, ${green}, ${blue}, ${alpha})`;
}

/**
 * Options every chart shares. No animation: it honours reduced-motion users without a media
 * query, and a chart that draws in one frame is faster and deterministic in tests. The size comes
 * from the container (the caller gives it a height), not from an aspect ratio.
 */
export const sharedOptions = {
  responsive: true,
  maintainAspectRatio: false,
  animation: false,
  interaction: { mode: 'index', intersect: false },
} as const;
