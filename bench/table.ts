/** Medians and the Markdown table. */

export type Row =
  | { readonly section: string }
  | {
      readonly measure: string;
      readonly value: string;
      readonly ratio?: string;
      readonly target?: string;
      readonly ok?: string;
      readonly detail?: string;
    };

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function renderTable(rows: readonly Row[]): string {
  const lines = [
    '| measure | median | app ÷ pandas | target | met | breakdown |',
    '| --- | ---: | ---: | --- | :---: | --- |',
  ];
  for (const row of rows) {
    if ('section' in row) lines.push(`| **${row.section}** | | | | | |`);
    else {
      lines.push(
        `| ${row.measure} | ${row.value} | ${row.ratio ?? ''} | ${row.target ?? ''} | ${row.ok ?? ''} | ${row.detail ?? ''} |`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
