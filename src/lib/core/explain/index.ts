export * from './formula.ts';
export * from './explanation.ts';
