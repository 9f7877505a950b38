/**
 * Model-based customer analytics for orders data (METRICS.md §9–§10): the RFM summary, the BG/NBD
 * and Gamma-Gamma fits, their per-customer predictions and the at-risk rules.
 */
export * from './rfm.ts';
export * from './bg-nbd.ts';
export * from './gamma-gamma.ts';
export * from './at-risk.ts';
export { hyp2f1, hyp2f1Series, lgamma, logBeta, logAddExp } from './special.ts';
export type { SeriesResult } from './special.ts';
export { minimize } from './optimize.ts';
