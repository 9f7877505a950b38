/**
 * The command line's `prediction` object (METRICS.md §9–§10): the purchase model's parameters and
 * the at-risk customers, as plain JSON with ISO dates. Built from core's `predict`, so the CLI and
 * the app show the same numbers; the per-customer numbers are as of the data's last day.
 */
import type { Dataset } from '../lib/core/model/dataset.ts';
import { isoDate } from '../lib/core/model/days.ts';
import {
  predict,
  type AtRiskCustomer,
  type AtRiskReason,
  type GammaGammaIssue,
  type PredictionFailure,
} from '../lib/core/prediction.ts';

/** One reason as `--json` prints it: the code and its numbers (days as ISO dates). */
export type CliAtRiskReason =
  | {
      readonly code: 'low-probability-alive';
      readonly probabilityAlive: number;
      readonly threshold: number;
    }
  | { readonly code: 'overdue'; readonly daysSinceLast: number; readonly medianGapDays: number }
  | {
      readonly code: 'announced-cancellation';
      readonly end: string;
      readonly daysUntilEnd: number;
    };

/** One at-risk customer as `--json` prints it. */
export interface CliAtRiskCustomer {
  /** The customer key as the file spells it. */
  readonly customer: string;
  /** Orders: last purchase day; subscriptions: start of the latest subscription. */
  readonly lastPurchase: string;
  readonly purchases: number;
  /** Null without amounts. */
  readonly pastRevenue: number | null;
  /** Null for subscriptions (no purchase model). */
  readonly probabilityAlive: number | null;
  readonly reasons: readonly CliAtRiskReason[];
}

/** The `prediction` object of the `--json` report. */
export type CliPrediction =
  | {
      readonly ok: true;
      readonly kind: 'orders';
      /** ISO date of the last calibration day. */
      readonly calibrationEnd: string;
      /** BG/NBD parameters, α in weeks. */
      readonly params: {
        readonly r: number;
        readonly alpha: number;
        readonly a: number;
        readonly b: number;
      };
      readonly logLikelihood: number;
      readonly converged: true;
      /** Customers the model was fitted on. */
      readonly customers: number;
      /** Null when there is no spend model; `gammaGammaIssue` says why. */
      readonly gammaGamma: {
        readonly p: number;
        readonly q: number;
        readonly gamma: number;
        readonly populationMeanSpend: number;
      } | null;
      readonly gammaGammaIssue: GammaGammaIssue | null;
      readonly atRisk: readonly CliAtRiskCustomer[];
    }
  | {
      readonly ok: true;
      readonly kind: 'subscriptions';
      /** The data's "today" (its last start day). */
      readonly asOf: string;
      readonly atRisk: readonly CliAtRiskCustomer[];
    }
  | { readonly ok: false; readonly reason: PredictionFailure };

function cliReason(reason: AtRiskReason): CliAtRiskReason {
  if (reason.code !== 'announced-cancellation') return { ...reason };
  return { code: reason.code, end: isoDate(reason.endDay), daysUntilEnd: reason.daysUntilEnd };
}

function cliAtRisk(entry: AtRiskCustomer): CliAtRiskCustomer {
  return {
    customer: entry.key,
    lastPurchase: isoDate(entry.lastDay),
    purchases: entry.purchases,
    pastRevenue: entry.pastRevenue,
    probabilityAlive: entry.probabilityAlive,
    reasons: entry.reasons.map(cliReason),
  };
}

/**
 * The CLI's `prediction` object: weekly BG/NBD parameters, Gamma-Gamma and the at-risk list, or
 * `{ ok: false, reason }` with no model numbers at all.
 * @example predictionJson(cdnow, epochDay(1997, 9, 30)).params → { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }
 */
export function predictionJson(dataset: Dataset, calibrationEnd: number | null): CliPrediction {
  const report = predict(dataset, calibrationEnd === null ? {} : { calibrationEnd });
  if (!report.ok) return { ok: false, reason: report.reason };
  if (report.kind === 'subscriptions') {
    return {
      ok: true,
      kind: 'subscriptions',
      asOf: isoDate(report.asOfDay),
      atRisk: report.atRisk.map(cliAtRisk),
    };
  }
  const { r, alpha, a, b } = report.params;
  const spend = report.gammaGamma;
  return {
    ok: true,
    kind: 'orders',
    calibrationEnd: report.calibrationEnd,
    params: { r, alpha, a, b },
    logLikelihood: report.logLikelihood,
    converged: report.converged,
    customers: report.customers,
    gammaGamma:
      spend === null
        ? null
        : {
            p: spend.p,
            q: spend.q,
            gamma: spend.gamma,
            populationMeanSpend: spend.populationMeanSpend,
          },
    gammaGammaIssue: report.gammaGammaIssue,
    atRisk: report.atRisk.map(cliAtRisk),
  };
}
