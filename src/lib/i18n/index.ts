/**
 * The catalogs by language, and the formatters that go with them. Feature screens keep their
 * words in their own catalogs (cohorts, revenue, prediction, sessions); they are joined here so
 * a screen gets everything through one `t`.
 */
import { en } from './en.ts';
import { nl } from './nl.ts';
import { cohortEn, cohortNl, type CohortMessages } from './cohort-messages.ts';
import { predictionEn, predictionNl, type PredictionMessages } from './prediction-messages.ts';
import { revenueEn, revenueNl, type RevenueMessages } from './revenue-messages.ts';
import { sessionEn, sessionNl, type SessionMessages } from './session-messages.ts';
import type { Messages } from './messages.ts';
import type { Language } from './format.ts';

export interface AppMessages extends Messages {
  readonly cohorts: CohortMessages;
  readonly revenue: RevenueMessages;
  readonly prediction: PredictionMessages;
  readonly sessions: SessionMessages;
}

export const catalogs: Readonly<Record<Language, AppMessages>> = {
  nl: {
    ...nl,
    cohorts: cohortNl,
    revenue: revenueNl,
    prediction: predictionNl,
    sessions: sessionNl,
  },
  en: {
    ...en,
    cohorts: cohortEn,
    revenue: revenueEn,
    prediction: predictionEn,
    sessions: sessionEn,
  },
};

export type { Messages, Language };
export * from './format.ts';
