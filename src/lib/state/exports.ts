/** Saving a table or a chart as a file, in the format the user picked. */
import type { ChartConfiguration } from 'chart.js';
import type { Language } from '../i18n/index.ts';
import { csvStyle, download, downloadCsv } from '../io/export-csv.ts';
import { canvasPng, chartPng, copyPng, type CopyResult } from '../io/export-png.ts';
import type { HeatmapModel } from '../charts/heatmap.ts';
import {
  drawHeatmap,
  measureHeatmap,
  type HeatmapCanvasOptions,
} from '../charts/heatmap-canvas.ts';
import { downloadXlsx } from '../io/export-xlsx.ts';
import type { ExportRows } from './tables.ts';

export type TableFormat = 'csv' | 'xlsx';

/** File names without characters that operating systems refuse. */
function safeName(name: string): string {
  const printable = [...name].filter((char) => char.charCodeAt(0) >= 32).join('');
  return printable.replace(/[\\/:*?"<>|]+/g, '-').slice(0, 150);
}

export async function exportTable(
  rows: ExportRows,
  format: TableFormat,
  name: string,
  sheet: string,
  language: Language,
): Promise<void> {
  if (format === 'csv') {
    downloadCsv(rows, csvStyle(language), `${safeName(name)}.csv`);
  } else {
    await downloadXlsx(
      [{ name: sheet, rows: rows.map((row) => [...row]) }],
      `${safeName(name)}.xlsx`,
    );
  }
}

export interface ChartExport {
  readonly config: ChartConfiguration;
  readonly title: string;
  readonly footnote: string;
  readonly name: string;
}

export async function exportChartPng(chart: ChartExport): Promise<void> {
  const blob = await chartPng(chart.config, { title: chart.title, footnote: chart.footnote });
  download(blob, `${safeName(chart.name)}.png`);
}

export async function copyChartPng(chart: ChartExport): Promise<CopyResult> {
  return copyPng(await chartPng(chart.config, { title: chart.title, footnote: chart.footnote }));
}

/** The heatmap as a PNG at twice the pixel density, sized to hold every cohort and age. */
export async function heatmapPng(
  model: HeatmapModel,
  options: HeatmapCanvasOptions,
): Promise<Blob | null> {
  const measuring = document.createElement('canvas').getContext('2d');
  if (!measuring) return null;
  const size = measureHeatmap(measuring, model, options);
  return canvasPng((ctx) => {
    drawHeatmap(ctx, model, { ...options, pixelRatio: 1 });
  }, size);
}

export async function exportHeatmapPng(
  model: HeatmapModel,
  options: HeatmapCanvasOptions,
  name: string,
): Promise<void> {
  const blob = await heatmapPng(model, options);
  if (blob) download(blob, `${safeName(name)}.png`);
}
