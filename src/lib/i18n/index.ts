/** The catalogs by language, and the formatters that go with them. */
import { en } from './en.ts';
import { nl } from './nl.ts';
import type { Messages } from './messages.ts';
import type { Language } from './format.ts';

export const catalogs: Readonly<Record<Language, Messages>> = { nl, en };

export type { Messages, Language };
export * from './format.ts';
