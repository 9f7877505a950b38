/**
 * Why a file could not be read at all. The UI turns each code into one sentence in the user's
 * language that names the file and says what to do.
 */
export type ReadIssueCode =
  /** 0 bytes, or only whitespace. */
  | 'empty-file'
  /** An OpenDocument spreadsheet (.ods). */
  | 'format-ods'
  /** An Apple Numbers file. */
  | 'format-numbers'
  /** A PDF document. */
  | 'format-pdf'
  /** A zip archive that is not an Excel workbook. */
  | 'format-zip'
  /** An image (PNG, JPEG, GIF). */
  | 'format-image'
  /** A Word document or other binary file that is no spreadsheet. */
  | 'format-unknown'
  /** An Excel file protected with a password. */
  | 'password-protected'
  /** An Excel file whose structure is damaged. */
  | 'corrupt-workbook'
  /** Reading took too long and was stopped. */
  | 'timeout'
  /** The file is bigger than the browser can hold. */
  | 'too-large'
  /** The file has no rows with data. */
  | 'no-data'
  /** A file read before could not be read again (moved, changed or deleted since). */
  | 'file-unreadable';

export interface ReadIssue {
  readonly code: ReadIssueCode;
  /** The file name as the user chose it. */
  readonly file: string;
}
