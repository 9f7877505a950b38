/**
 * The user's preferences that outlive a page load: for now the language, chosen from the
 * browser's list on the first visit, switchable, and remembered on this device.
 */
import { languageFromBrowser, type Language } from '../i18n/index.ts';

const storageKey = 'behoud.language';

function storedLanguage(): Language | null {
  try {
    const value = globalThis.localStorage?.getItem(storageKey);
    return value === 'nl' || value === 'en' ? value : null;
  } catch {
    // Storage can be disabled (private mode, policies); the language then lasts one visit.
    return null;
  }
}

export class Settings {
  #language = $state<Language>(
    storedLanguage() ?? languageFromBrowser(globalThis.navigator?.languages ?? []),
  );

  get language(): Language {
    return this.#language;
  }

  set language(language: Language) {
    this.#language = language;
    try {
      globalThis.localStorage?.setItem(storageKey, language);
    } catch {
      // See storedLanguage: not remembering is acceptable, failing is not.
    }
  }
}
