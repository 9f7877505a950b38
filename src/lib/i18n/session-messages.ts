/**
 * The words of the saved-sessions screen ("Eerdere analyses") in Dutch and English, and the one
 * sentence per storage problem. Comments tell the translator where a message appears. Messages
 * with parameters take already formatted values (plus the plain count where a plural needs it).
 */
import { localeOf, type Language } from './format.ts';

/**
 * The storage problems, spelled as io's StorageCode. Kept here because i18n depends on core
 * only; the sessions screen indexes `problems` with a StorageCode, so a code added in io without
 * a sentence here fails to compile there.
 */
export type StorageProblem =
  'quota-exceeded' | 'unavailable' | 'blocked' | 'newer-schema' | 'not-found' | 'invalid-backup';

export interface SessionMessages {
  readonly heading: string;
  readonly intro: string;
  readonly empty: string;
  readonly sample: string;
  readonly rows: string;
  readonly customers: string;
  readonly dateRange: string;
  readonly lastOpened: string;
  readonly fromTo: (from: string, to: string) => string;
  readonly noDates: string;
  readonly open: string;
  readonly rename: string;
  readonly newName: string;
  readonly save: string;
  readonly cancel: string;
  readonly duplicate: string;
  readonly copyName: (name: string) => string;
  readonly remove: string;
  readonly removed: (name: string) => string;
  readonly undo: string;
  readonly backupAll: string;
  readonly backupOne: string;
  readonly restore: string;
  readonly lastBackup: (when: string) => string;
  readonly neverBackedUp: string;
  readonly backupAdvice: string;
  readonly imported: (count: number, countText: string) => string;
  readonly alreadyHere: (count: number, countText: string) => string;
  readonly dismiss: string;
  /** Accessible name of a row's action: "Openen: Webwinkel 2024". */
  readonly actionOn: (action: string, name: string) => string;
  readonly problems: Readonly<Record<StorageProblem, string>>;
}

export const sessionNl: SessionMessages = {
  /** Heading of the list of saved analyses. */
  heading: 'Eerdere analyses',
  /** Line under the heading. */
  intro: 'Je analyses worden in deze browser bewaard. Open er een om verder te gaan waar je was.',
  /** Shown instead of the list when nothing has been saved yet. */
  empty: 'Nog geen bewaarde analyses. Open een bestand: je analyse wordt vanzelf bewaard.',
  /** Badge on an analysis of a sample file. */
  sample: 'Voorbeeld',
  /** Labels of the figures of each analysis. */
  rows: 'Rijen',
  customers: 'Klanten',
  dateRange: 'Periode',
  lastOpened: 'Laatst geopend',
  fromTo: (from, to) => `${from} t/m ${to}`,
  /** Period of an analysis without dates (two customer lists). */
  noDates: 'geen datums',
  /** Buttons of each analysis. */
  open: 'Openen',
  rename: 'Naam wijzigen',
  /** Label of the name field while renaming. */
  newName: 'Nieuwe naam',
  save: 'Opslaan',
  cancel: 'Annuleren',
  duplicate: 'Kopie maken',
  /** Name of a copy. */
  copyName: (name) => `${name} (kopie)`,
  remove: 'Verwijderen',
  /** Notice after deleting, with the undo button next to it. */
  removed: (name) => `“${name}” is verwijderd.`,
  undo: 'Ongedaan maken',
  /** Button: one file with all analyses. */
  backupAll: 'Reservekopie maken',
  /** Button on one analysis: a file with just that one. */
  backupOne: 'Reservekopie',
  /** Button that reads a backup file back in. */
  restore: 'Reservekopie terugzetten',
  lastBackup: (when) => `Laatste reservekopie: ${when}.`,
  neverBackedUp: 'Je hebt nog geen reservekopie gemaakt.',
  /** Why a backup matters; shown next to the backup buttons. */
  backupAdvice:
    'Analyses staan alleen in deze browser. Wis je je browsergegevens, dan zijn ze weg: een reservekopie bewaar je waar je wilt.',
  /** After restoring a backup. */
  imported: (count, countText) =>
    count === 1 ? '1 analyse teruggezet.' : `${countText} analyses teruggezet.`,
  alreadyHere: (count, countText) =>
    count === 1
      ? '1 analyse stond er al en is overgeslagen.'
      : `${countText} analyses stonden er al en zijn overgeslagen.`,
  /** Closes a notice. */
  dismiss: 'Sluiten',
  actionOn: (action, name) => `${action}: ${name}`,
  problems: {
    'quota-exceeded':
      'Je browser heeft geen ruimte meer om analyses te bewaren. Je kunt gewoon doorwerken; wat al bewaard was, blijft bewaard. Maak een reservekopie.',
    unavailable:
      'Deze browser laat Behoud niets bewaren (misschien een privévenster). Je kunt gewoon doorwerken, maar na het sluiten is je analyse weg.',
    blocked:
      'Behoud is nog open in een ander tabblad met een oudere versie. Sluit dat tabblad, dan kan Behoud je analyses weer bewaren.',
    'newer-schema':
      'Je analyses zijn bewaard door een nieuwere versie van Behoud. Herlaad deze pagina om ze te openen.',
    'not-found':
      'Deze analyse bestaat niet meer. Misschien is hij in een ander tabblad verwijderd.',
    'invalid-backup':
      'Dit bestand is geen reservekopie van Behoud, of het is beschadigd. Er is niets veranderd.',
  },
};

export const sessionEn: SessionMessages = {
  heading: 'Earlier analyses',
  intro: 'Your analyses are kept in this browser. Open one to carry on where you left off.',
  empty: 'No saved analyses yet. Open a file: your analysis is saved automatically.',
  sample: 'Sample',
  rows: 'Rows',
  customers: 'Customers',
  dateRange: 'Period',
  lastOpened: 'Last opened',
  fromTo: (from, to) => `${from} to ${to}`,
  noDates: 'no dates',
  open: 'Open',
  rename: 'Rename',
  newName: 'New name',
  save: 'Save',
  cancel: 'Cancel',
  duplicate: 'Make a copy',
  copyName: (name) => `${name} (copy)`,
  remove: 'Delete',
  removed: (name) => `“${name}” was deleted.`,
  undo: 'Undo',
  backupAll: 'Make a backup',
  backupOne: 'Backup',
  restore: 'Restore a backup',
  lastBackup: (when) => `Last backup: ${when}.`,
  neverBackedUp: 'You have not made a backup yet.',
  backupAdvice:
    'Analyses live only in this browser. Clearing your browser data removes them: a backup is a file you keep wherever you like.',
  imported: (count, countText) =>
    count === 1 ? '1 analysis restored.' : `${countText} analyses restored.`,
  alreadyHere: (count, countText) =>
    count === 1
      ? '1 analysis was already here and was skipped.'
      : `${countText} analyses were already here and were skipped.`,
  dismiss: 'Close',
  actionOn: (action, name) => `${action}: ${name}`,
  problems: {
    'quota-exceeded':
      'Your browser has no room left to save analyses. You can keep working; what was saved stays saved. Make a backup.',
    unavailable:
      'This browser does not let Behoud save anything (perhaps a private window). You can keep working, but your analysis is gone once you close it.',
    blocked:
      'Behoud is still open in another tab with an older version. Close that tab so Behoud can save your analyses again.',
    'newer-schema':
      'Your analyses were saved by a newer version of Behoud. Reload this page to open them.',
    'not-found': 'This analysis no longer exists. It may have been deleted in another tab.',
    'invalid-backup': 'This file is not a Behoud backup, or it is damaged. Nothing was changed.',
  },
};

export const sessionCatalogs: Readonly<Record<Language, SessionMessages>> = {
  nl: sessionNl,
  en: sessionEn,
};

const momentFormats = new Map<Language, Intl.DateTimeFormat>();

/**
 * A moment (epoch milliseconds) in local time: "3 mrt 2024 14:05" (nl) / "3 Mar 2024, 14:05" (en).
 * Local time on purpose, unlike data days: it is when the user did something.
 */
export function formatMoment(language: Language, ms: number): string {
  let format = momentFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(localeOf(language), {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    });
    momentFormats.set(language, format);
  }
  return format.format(new Date(ms));
}
