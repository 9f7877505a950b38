/**
 * The shape of a message catalog. Dutch is the source language; every catalog must have every
 * key (a missing one fails to compile). Messages with parameters are functions, so a translation
 * can order the words as its language needs.
 */
import type { InputKind } from '../core/model/dataset.ts';
import type { ReadIssueCode } from '../core/ingest/read-issues.ts';
import type { ColumnRole } from '../core/ingest/roles.ts';
import type { DateOrder } from '../core/ingest/parse-date.ts';
import type { DetectionNote } from '../core/ingest/detect.ts';
import type { MappingIssue, RowWarning, SkipReason } from '../core/ingest/ingest.ts';
import type { PeriodUnit } from '../core/model/periods.ts';

export interface Messages {
  readonly app: {
    readonly name: string;
    readonly tagline: string;
    readonly privacy: string;
    readonly language: string;
    readonly footer: string;
    readonly skipToContent: string;
    readonly newAnalysis: string;
    readonly updateReady: string;
    readonly updateReload: string;
    readonly updateLater: string;
  };
  readonly start: {
    readonly heading: string;
    readonly intro: string;
    readonly dropHere: string;
    readonly orChoose: string;
    readonly chooseFile: string;
    readonly formats: string;
    readonly pasteLabel: string;
    readonly pastePlaceholder: string;
    readonly pasteButton: string;
    readonly pastedName: string;
    readonly backToAnalysis: string;
    readonly sampleHeading: string;
    readonly sampleButton: string;
    readonly sampleMembersButton: string;
    readonly sampleNote: string;
    readonly whatYouGet: readonly string[];
  };
  readonly reading: {
    readonly heading: (file: string) => string;
    readonly bytes: (done: string, total: string) => string;
    readonly rows: (rows: string) => string;
    readonly cancel: string;
    readonly cancelled: (file: string) => string;
  };
  readonly readIssue: Readonly<Record<ReadIssueCode, (file: string) => string>>;
  readonly unexpected: (file: string) => string;
  readonly mapping: {
    readonly heading: (file: string) => string;
    readonly intro: string;
    readonly sheet: string;
    readonly sheetRows: (rows: string) => string;
    readonly kind: string;
    readonly dateOrder: string;
    readonly decimal: string;
    readonly decimalComma: string;
    readonly decimalPoint: string;
    readonly roleOf: (column: string) => string;
    readonly column: (number: number) => string;
    readonly previewCaption: (rows: number) => string;
    readonly rowNumber: string;
    readonly asRead: string;
    readonly customerKey: string;
    readonly date: string;
    readonly endDate: string;
    readonly amount: string;
    readonly refund: string;
    readonly stillActive: string;
    readonly skippedBecause: (reason: string) => string;
    readonly confirm: string;
    readonly back: string;
    readonly dataRows: (rows: string) => string;
    readonly headerRow: (row: number) => string;
    readonly listsHeading: string;
    readonly startList: (sheet: string) => string;
    readonly endList: string;
    readonly endCustomer: string;
    readonly addEndFile: string;
    readonly noEndList: string;
  };
  readonly roles: Readonly<Record<ColumnRole, string>>;
  readonly kinds: Readonly<Record<InputKind, string>>;
  readonly kindHelp: Readonly<Record<InputKind, string>>;
  readonly dateOrders: Readonly<Record<DateOrder, string>>;
  readonly notes: Readonly<Record<DetectionNote, string>>;
  readonly mappingIssue: Readonly<Record<MappingIssue | 'no-end-list', string>>;
  readonly summary: {
    readonly heading: string;
    readonly rowsRead: string;
    readonly rowsUsed: string;
    readonly customers: string;
    readonly dateRange: string;
    readonly refunds: string;
    readonly skippedHeading: string;
    readonly nothingSkipped: string;
    readonly skippedRows: (count: string, reason: string, rows: string) => string;
    readonly warningRows: (count: string, warning: string, rows: string) => string;
    readonly exportSkipped: string;
    readonly changeMapping: string;
    readonly fromTo: (from: string, to: string) => string;
    readonly sample: string;
  };
  readonly skipReasons: Readonly<Record<SkipReason, string>>;
  readonly warnings: Readonly<Record<RowWarning, string>>;
  readonly exportColumns: {
    readonly row: string;
    readonly reason: string;
    readonly value: string;
  };
  readonly nav: {
    readonly overview: string;
    readonly data: string;
    readonly calculator: string;
    readonly label: string;
    readonly main: string;
  };
  readonly overview: {
    readonly heading: string;
    readonly computing: string;
    readonly unit: string;
    readonly units: Readonly<Record<PeriodUnit | 'custom', string>>;
    readonly period: string;
    readonly listsPeriod: string;
    readonly from: string;
    readonly to: string;
    readonly apply: string;
    readonly incomplete: string;
    readonly incompleteNote: string;
    readonly window: string;
    readonly windowDays: string;
    readonly windowSentence: (days: string) => string;
    readonly refunds: string;
    readonly refundsInclude: string;
    readonly refundsIgnore: string;
    readonly noPeriods: string;
    readonly change: (change: string, previous: string) => string;
    readonly noChange: (previous: string) => string;
    readonly points: (value: string) => string;
    readonly noRate: string;
    readonly howCalculated: string;
    readonly trendHeading: string;
    readonly trendChartLabel: (from: string, to: string) => string;
    readonly newReturningHeading: string;
    readonly tableHeading: string;
    readonly columns: {
      readonly period: string;
      readonly start: string;
      readonly end: string;
      readonly newCustomers: string;
      readonly crr: string;
      readonly exactRetention: string;
      readonly churn: string;
      readonly lost: string;
      readonly reactivated: string;
      readonly repeatRate: string;
      readonly returning: string;
      readonly revenue: string;
      readonly complete: string;
    };
    readonly yes: string;
    readonly no: string;
    readonly cards: {
      readonly crr: string;
      readonly exactRetention: string;
      readonly churn: string;
      readonly start: string;
      readonly end: string;
      readonly newCustomers: string;
      readonly lost: string;
      readonly reactivated: string;
      readonly repeatRate: string;
      readonly newVsReturning: string;
      readonly revenue: string;
      readonly twoOrMore: string;
    };
    readonly newVsReturningValue: (fresh: string, returning: string) => string;
    readonly exportTable: string;
  };
  readonly explain: {
    readonly close: string;
    readonly inSymbols: string;
    readonly withNumbers: string;
    readonly steps: string;
    readonly definitions: string;
    readonly notes: string;
    readonly customersOf: (term: string, count: string) => string;
    readonly showCustomers: (term: string) => string;
    readonly exportCustomers: string;
    readonly customerColumns: {
      readonly key: string;
      readonly first: string;
      readonly last: string;
      readonly purchases: string;
      readonly revenue: string;
    };
    readonly conventionsHeading: string;
    readonly moreRows: (count: string) => string;
  };
  readonly calculator: {
    readonly heading: string;
    readonly intro: string;
    readonly mode: string;
    readonly modeEnd: string;
    readonly modeLost: string;
    readonly start: string;
    readonly end: string;
    readonly newCustomers: string;
    readonly lost: string;
    readonly presets: string;
    readonly preset: (index: number) => string;
    readonly invalid: string;
  };
}
