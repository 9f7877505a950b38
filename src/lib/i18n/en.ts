/** English. Keep the meaning of the Dutch source; the keys and comments are in nl.ts. */
import type { Messages } from './messages.ts';

export const en: Messages = {
  app: {
    name: 'Behoud',
    tagline: 'See in seconds how many customers you keep, who you are losing, and why.',
    privacy: 'Your file stays on this device: nothing is sent anywhere.',
    language: 'Language',
    footer: 'Runs in your browser, offline too. No account, no upload.',
    skipToContent: 'Skip to content',
    newAnalysis: 'Another file',
  },
  start: {
    heading: 'Start with your customer file',
    intro:
      'An export of your orders, a member list with start and end dates, or two customer lists. CSV or Excel, Dutch or English.',
    dropHere: 'Drop your file here',
    orChoose: 'or',
    chooseFile: 'Choose a file',
    formats: 'CSV, TSV, TXT, Excel (.xlsx, .xls)',
    pasteLabel: 'Or paste cells from Excel or Google Sheets',
    pastePlaceholder: 'Customer\tDate\tAmount\nC001\t2024-01-03\t12.50',
    pasteButton: 'Use pasted cells',
    pastedName: 'pasted cells',
    sampleHeading: 'No file at hand?',
    sampleButton: 'Try with sample data',
    sampleMembersButton: 'Sample: a gym member list',
    sampleNote: 'Invented data of an invented web shop and gym.',
    whatYouGet: [
      'Customer retention, churn and repeat purchases per month, quarter or year',
      'For every number, the calculation with your own figures',
      'The customers behind each number, ready to export',
    ],
  },
  reading: {
    heading: (file) => `Reading ${file}…`,
    bytes: (done, total) => `${done} of ${total} read`,
    rows: (rows) => `${rows} rows`,
    cancel: 'Stop',
    cancelled: (file) => `Reading ${file} was stopped.`,
  },
  readIssue: {
    'empty-file': (file) => `${file} is empty. Choose a file with one row per customer or order.`,
    'format-ods': (file) =>
      `${file} is an OpenDocument spreadsheet. Save it as .xlsx or .csv and try again.`,
    'format-numbers': (file) =>
      `${file} is a Numbers file. Export it from Numbers as .xlsx or .csv and try again.`,
    'format-pdf': (file) =>
      `${file} is a PDF. Export the data from your till or accounting software as .xlsx or .csv.`,
    'format-zip': (file) =>
      `${file} is a zip archive. Unpack it first, then choose the .csv or .xlsx file.`,
    'format-image': (file) =>
      `${file} is an image. Choose a .csv or .xlsx file with your customer data.`,
    'format-unknown': (file) =>
      `${file} is not a spreadsheet or text file. Save it as .xlsx or .csv.`,
    'password-protected': (file) =>
      `${file} is protected with a password. Remove the protection in Excel and save it again.`,
    'corrupt-workbook': (file) =>
      `${file} is damaged and cannot be read. Open it in Excel and save it again as .xlsx.`,
    timeout: (file) =>
      `Reading ${file} took too long and was stopped. Save it as .csv, which reads much faster.`,
    'too-large': (file) =>
      `${file} is too large for this browser. Save it as .csv or split it into smaller parts.`,
    'no-data': (file) => `${file} has no rows with data.`,
  },
  unexpected: (file) =>
    `Something went wrong while reading ${file}. Your previous analysis is kept.`,
  mapping: {
    heading: (file) => `How we read ${file}`,
    intro: 'Check which column is what. The sample rows show how dates and amounts are read.',
    sheet: 'Sheet',
    sheetRows: (rows) => `${rows} rows`,
    kind: 'Kind of file',
    dateOrder: 'Date format',
    decimal: 'Decimal separator',
    decimalComma: 'comma (12,50)',
    decimalPoint: 'point (12.50)',
    roleOf: (column) => `Meaning of column ${column}`,
    column: (number) => `Column ${number}`,
    previewCaption: (rows) => `The first ${rows} rows as they will be read`,
    rowNumber: 'Row',
    asRead: 'Read as',
    customerKey: 'Customer',
    date: 'Date',
    endDate: 'End date',
    amount: 'Amount',
    refund: 'refund',
    stillActive: 'still active',
    skippedBecause: (reason) => `skipped: ${reason}`,
    confirm: 'Looks right, analyse',
    back: 'Another file',
    dataRows: (rows) => `${rows} rows with data`,
    headerRow: (row) => `Column names on row ${row}`,
  },
  roles: {
    customer: 'Customer (id, e-mail or name)',
    date: 'Date (order or start date)',
    end: 'End / cancel date',
    amount: 'Amount',
    quantity: 'Quantity',
    price: 'Unit price',
    order: 'Order or invoice number',
    status: 'Status',
    tenure: 'Tenure in months',
    churned: 'Churned (yes/no)',
    category: 'Group (channel, country, plan…)',
    ignore: 'Do not use',
  },
  kinds: {
    orders: 'Orders',
    subscriptions: 'Subscriptions or members',
    lists: 'Two customer lists',
  },
  kindHelp: {
    orders: 'Each row is a purchase, payment, invoice line or visit.',
    subscriptions: 'Each row is a customer or member with a start date and maybe an end date.',
    lists: 'A list of customers at the start and a list at the end of the period.',
  },
  dateOrders: {
    dmy: 'day-month-year (31-12-2024)',
    mdy: 'month/day/year (12/31/2024)',
    ymd: 'year-month-day (2024-12-31)',
  },
  notes: {
    'no-customer-column':
      'We found no customer column. Choose the column that identifies the customer.',
    'no-date-column': 'We found no date column. Choose the column that holds the date.',
    'ambiguous-date-order':
      'Every date fits both day-month and month-day. We read them as day-month-year; is that right?',
    'no-header': 'This file has no column names; we guessed the columns from their values.',
    'no-amount-column': 'No amount column: revenue and customer value are not computed.',
  },
  mappingIssue: {
    'no-customer-column': 'First choose the column that identifies the customer.',
    'no-date-column': 'First choose the column that holds the date.',
    'no-usable-rows':
      'No row can be used with these choices. Check the columns and the date format.',
  },
  summary: {
    heading: 'Imported',
    rowsRead: 'Rows read',
    rowsUsed: 'Rows used',
    customers: 'Customers',
    dateRange: 'Period',
    refunds: 'Refunds and cancellations',
    skippedHeading: 'Skipped rows',
    nothingSkipped: 'No row was skipped.',
    skippedRows: (count, reason, rows) => `${count} rows skipped: ${reason} (row ${rows})`,
    warningRows: (count, warning, rows) => `${count} rows used, but ${warning} (row ${rows})`,
    exportSkipped: 'Skipped rows as CSV',
    changeMapping: 'Change columns',
    fromTo: (from, to) => `${from} to ${to}`,
    sample: 'Sample data: invented customers',
  },
  skipReasons: {
    'missing-customer': 'no customer',
    'missing-date': 'no date',
    'unreadable-date': 'unreadable date',
    'unreadable-end-date': 'unreadable end date',
    'end-before-start': 'end date before start date',
    'unreadable-tenure': 'unreadable tenure',
  },
  warnings: {
    'unreadable-amount': 'the amount was unreadable and counts as 0',
  },
  exportColumns: {
    row: 'row',
    reason: 'reason',
    value: 'value',
  },
};
