import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

/** The probe's output in a fresh Node process with the given TZ. */
function probe(tz: string): Record<string, unknown> {
  const stdout = execFileSync(
    resolve('node_modules/.bin/tsx'),
    [resolve('tests/io/excel-dates-probe.ts')],
    { env: { ...process.env, TZ: tz }, encoding: 'utf8', timeout: 60_000 },
  );
  return JSON.parse(stdout) as Record<string, unknown>;
}

describe('Excel dates do not depend on the time zone', () => {
  it('reads the same serials and days under UTC, New York, Kiritimati (+14) and St. John’s', () => {
    const zones = ['UTC', 'America/New_York', 'Pacific/Kiritimati', 'America/St_Johns'];
    const outputs = zones.map(probe);
    // The child processes really ran in those zones.
    expect(outputs.map((o) => o.tz)).toEqual(zones);
    const withoutZone = outputs.map(({ tz: _tz, ...rest }) => rest);
    for (const output of withoutZone.slice(1)) expect(output).toEqual(withoutZone[0]);
    const first = withoutZone[0];
    expect(first['xlsx/sheetjs/1904__1900.xlsx']).toEqual([
      [
        [1, '1900-01-01 (1)', '1900-01-01', '1900-01-01'],
        [11, '1900-01-11 (11)', '1900-01-11', '1900-01-11'],
        [111, '1900-04-20 (111)', '1900-04-20', '1900-04-20'],
        [1111, '1903-01-15 (1111)', '1903-01-15', '1903-01-15'],
        [11111, '1930-06-02 (11111)', '1930-06-02', '1930-06-02'],
      ],
    ]);
    const first1904 = (first['xlsx/sheetjs/1904__1904.xlsx'] as unknown[][][])[0][0];
    expect(first1904).toEqual([1, '1904-01-02 (1)', '1904-01-02', '1904-01-02']);
    expect(first['xls/sheetjs/1904__1904.xls']).toEqual(first['xlsx/sheetjs/1904__1904.xlsx']);
    const stream = (first['xlsx/sheetjs/xlsx-stream-d-date-cell.xlsx'] as unknown[][][])[0];
    expect(stream[4][1]).toMatch(/^2014-02-14 \(41684\.35/);
    // 23:30 on 31 March stays the 31st.
    expect(first.spreadsheetMl).toEqual([[{ excelSerial: 45382 + 23.5 / 24 }]]);
  });
});
