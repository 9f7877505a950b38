/**
 * The command line as a function: arguments in, text out, exit code back. A thin layer over the
 * app's own pipeline (read → detect → flags → ingest → report), so that the command line reads a
 * file exactly as the browser does. Kept free of process globals so tests can call it in-process.
 */
import { detect } from '../lib/core/ingest/detect.ts';
import { ingest, type MappingIssue } from '../lib/core/ingest/ingest.ts';
import { readFile } from '../lib/io/read-file.ts';
import type { ReadFailureCode, ReadSheet } from '../lib/io/read-types.ts';
import { parseArgs, usage } from './args.ts';
import { applyFlags } from './apply-flags.ts';
import { buildReport, formatText } from './report.ts';

/** Exit codes: success, a usage error (bad or missing arguments), a problem with the file. */
export const EXIT_OK = 0;
export const EXIT_USAGE = 1;
export const EXIT_FILE = 2;

/** What the command line may touch; the real one is wired up in analyze.ts. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** The file's bytes; throws a Node file-system error (with `code`) when it cannot. */
  readonly readBytes: (path: string) => Uint8Array;
  /** Today as an epoch day (UTC), the default reference day of snapshot files. */
  readonly today: () => number;
}

const readFailureWords: Record<ReadFailureCode, string> = {
  'empty-file': 'the file is empty',
  'format-ods': 'it is an OpenDocument spreadsheet (.ods); save it as .xlsx or .csv first',
  'format-numbers': 'it is an Apple Numbers file; export it as .xlsx or .csv first',
  'format-pdf': 'it is a PDF document, not a spreadsheet or CSV file',
  'format-zip': 'it is a zip archive that is not an Excel workbook; unpack it first',
  'format-image': 'it is an image, not a spreadsheet or CSV file',
  'format-unknown': 'it is not a CSV, text or Excel file',
  'password-protected': 'the workbook is protected with a password; save a copy without one',
  'corrupt-workbook': 'the workbook is damaged and cannot be opened',
  timeout: 'reading it took too long',
  'too-large': 'the file is too large to read in one go',
  'no-data': 'the file has no rows with data',
  'file-unreadable': 'the file could not be read again',
  cancelled: 'reading it was cancelled',
};

function fileSystemWords(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'the file does not exist';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission to read it was denied';
    default:
      return `it could not be opened (${typeof code === 'string' ? code : String(error)})`;
  }
}

function mappingIssueWords(issue: MappingIssue, headers: readonly string[]): string {
  const named = headers.filter((header) => header !== '');
  const columns =
    named.length > 0 ? `its columns are ${named.join(', ')}` : `it has ${headers.length} columns`;
  switch (issue) {
    case 'no-customer-column':
      return `no customer column was recognised; name one with --customer COL (${columns})`;
    case 'no-date-column':
      return `no date column was recognised; name one with --date COL (${columns})`;
    case 'no-usable-rows':
      return 'no row could be used: every row lacks a customer or a readable date';
  }
}

/** The sheet to analyze: the one named, or the first visible sheet with data. */
function chooseSheet(
  sheets: readonly ReadSheet[],
  wanted: string | null,
): { ok: true; sheet: ReadSheet } | { ok: false; message: string } {
  if (wanted !== null) {
    const sheet =
      sheets.find((candidate) => candidate.name === wanted) ??
      sheets.find(
        (candidate) => candidate.name.trim().toLowerCase() === wanted.trim().toLowerCase(),
      );
    if (sheet) return { ok: true, sheet };
    const names = sheets.map((candidate) => `"${candidate.name}"`).join(', ');
    return { ok: false, message: `there is no sheet named "${wanted}" (sheets: ${names})` };
  }
  const hasData = (sheet: ReadSheet) => {
    for (let row = 0; row < sheet.table.rowCount; row += 1) {
      if (!sheet.table.isBlankRow(row)) return true;
    }
    return false;
  };
  const sheet =
    sheets.find((candidate) => !candidate.hidden && hasData(candidate)) ??
    sheets.find(hasData) ??
    sheets[0];
  return { ok: true, sheet };
}

/**
 * Runs the command line on `argv` (the arguments after the script name) and returns the exit
 * code. User errors print one sentence on stderr, never a stack trace.
 * @example main(['orders.csv', '--json'], io) === 0 // one JSON object written to io.stdout
 */
export function main(argv: readonly string[], io: CliIo): number {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    io.stderr(`${parsed.message}\nRun "npm run analyze -- --help" for the options.\n`);
    return EXIT_USAGE;
  }
  if (parsed.help) {
    io.stdout(`${usage}\n`);
    return EXIT_OK;
  }
  const options = parsed.options;
  const fail = (reason: string) => {
    io.stderr(`Cannot analyze ${options.file}: ${reason}.\n`);
    return EXIT_FILE;
  };

  let bytes: Uint8Array;
  try {
    bytes = io.readBytes(options.file);
  } catch (error) {
    return fail(fileSystemWords(error));
  }
  const read = readFile(bytes, options.file);
  if (!read.ok) return fail(readFailureWords[read.code]);

  const chosen = chooseSheet(read.sheets, options.sheet);
  if (!chosen.ok) return fail(chosen.message);
  const { sheet } = chosen;

  const detection = detect(sheet.table);
  const flagged = applyFlags(detection, options);
  if (!flagged.ok) return fail(flagged.message);

  const referenceDay = options.referenceDay ?? io.today();
  const ingested = ingest(sheet.table, flagged.mapping, { referenceDay });
  if (!ingested.ok) return fail(mappingIssueWords(ingested.issue, detection.headers));

  const report = buildReport({
    file: options.file,
    format: read.format,
    encoding: read.encoding,
    delimiter: read.delimiter,
    sheet: sheet.name,
    headers: detection.headers,
    mapping: flagged.mapping,
    notes: flagged.notes,
    ingested,
    period: options.period,
    cohortPeriod: options.cohortPeriod,
    windowDays: options.windowDays,
    calibrationEnd: options.calibrationEnd,
    referenceDay,
  });
  io.stdout(options.json ? `${JSON.stringify(report, null, 2)}\n` : formatText(report));
  return EXIT_OK;
}
