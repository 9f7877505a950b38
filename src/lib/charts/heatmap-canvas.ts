/**
 * The cohort heatmap drawn on a 2D canvas, for the PNG export: the same model as the HTML table
 * (heatmap.ts), laid out on a white background with the title at the top, cohort labels on the
 * left, ages on top, the cell values, hatched incomplete cells, faded small cohorts, the average
 * row, the legend and a footnote (period and definitions). Crisp at any pixel ratio: the caller
 * sizes the canvas from `measureHeatmap` × pixelRatio and everything is drawn in CSS pixels on
 * whole-pixel edges.
 */
import {
  fadeVeil,
  hatchColour,
  heatmapColours,
  textOnDark,
  type HeatmapLabels,
  type HeatmapModel,
} from './heatmap.ts';

/** The words the canvas shows besides the title and footnote. */
export type HeatmapCanvasLabels = Pick<
  HeatmapLabels,
  | 'cohort'
  | 'customers'
  | 'ageHeading'
  | 'averagePooled'
  | 'averageSimple'
  | 'averageMean'
  | 'legend'
  | 'hatchedNote'
  | 'fadedNote'
>;

export interface HeatmapCanvasOptions {
  /**
   * Preferred width in CSS pixels: cells widen or narrow (between 34 and 64 px) to fill it. A
   * matrix that cannot fit even at 34 px per cell makes the image wider. Default: 44 px cells.
   */
  readonly width?: number;
  readonly title: string;
  /** Period and definitions; '\n' starts a new line, long lines wrap. */
  readonly footnote: string;
  readonly labels: HeatmapCanvasLabels;
  /** Device pixels per CSS pixel; default 1. Use 2 for a sharp export. */
  readonly pixelRatio?: number;
}

/** A size in CSS pixels. */
export interface HeatmapSize {
  readonly width: number;
  readonly height: number;
}

const fontFamily =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
const ink = '#17232b';
const inkSoft = '#44545e';
const line = '#d9dcd6';
const headerFill = '#eef0ec';
const noValueFill = '#f4f4f1';

const pad = 16;
const minCell = 34;
const maxCell = 64;
const defaultCell = 44;
const cellHeight = 22;
const headerHeight = 22;
const titleLine = 22;
const axisLine = 18;
const legendLine = 22;
const footLine = 15;
const swatch = 14;

const font = (size: number, weight = 400) => `${weight} ${size}px ${fontFamily}`;

/** Everything measured once, shared by measure and draw. */
interface Layout {
  readonly width: number;
  readonly height: number;
  readonly titleLines: string[];
  readonly labelWidth: number;
  readonly sizeWidth: number;
  readonly cellWidth: number;
  readonly gridTop: number;
  readonly averageTop: number;
  readonly legendTop: number;
  readonly legendItems: { x: number; y: number; text: string; kind: LegendKind }[];
  readonly footTop: number;
  readonly footLines: string[];
}

type LegendKind = { bucket: number } | 'title' | 'hatched' | 'faded';

function textWidth(ctx: CanvasRenderingContext2D, text: string, style: string): number {
  ctx.font = style;
  return Math.ceil(ctx.measureText(text).width);
}

/** Splits text into lines no wider than `max` (at spaces; a single long word stays whole). */
function wrap(ctx: CanvasRenderingContext2D, text: string, max: number, style: string): string[] {
  ctx.font = style;
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let current = '';
    for (const word of paragraph.split(/\s+/).filter((w) => w !== '')) {
      const candidate = current === '' ? word : `${current} ${word}`;
      if (current !== '' && ctx.measureText(candidate).width > max) {
        lines.push(current);
        current = word;
      } else current = candidate;
    }
    lines.push(current);
  }
  return lines;
}

function averageLabel(model: HeatmapModel, labels: HeatmapCanvasLabels): string {
  const kind = model.average.kind;
  return kind === 'pooled'
    ? labels.averagePooled
    : kind === 'simple'
      ? labels.averageSimple
      : labels.averageMean;
}

function layout(
  ctx: CanvasRenderingContext2D,
  model: HeatmapModel,
  options: HeatmapCanvasOptions,
): Layout {
  const { labels } = options;
  const bold = font(11, 600);
  const plain = font(11);
  let labelMax = textWidth(ctx, labels.cohort, bold);
  let sizeMax = textWidth(ctx, labels.customers, plain);
  for (const row of model.rows) {
    labelMax = Math.max(labelMax, textWidth(ctx, row.label, bold));
    sizeMax = Math.max(sizeMax, textWidth(ctx, row.sizeText, plain));
  }
  const averageWidth = textWidth(ctx, averageLabel(model, labels), font(11, 700));
  const sizeWidth = sizeMax + 8;
  const labelWidth = Math.max(labelMax + 10 + sizeWidth, averageWidth + 10) + 8;

  const ages = Math.max(1, model.ages.length);
  const cellWidth =
    options.width === undefined
      ? defaultCell
      : Math.max(
          minCell,
          Math.min(maxCell, Math.floor((options.width - 2 * pad - labelWidth) / ages)),
        );
  const gridWidth = labelWidth + model.ages.length * cellWidth;
  const width = Math.ceil(Math.max(options.width ?? 0, gridWidth + 2 * pad, 320));
  const inner = width - 2 * pad;

  const titleLines = wrap(ctx, options.title, inner, font(16, 700));
  const gridTop = pad + titleLines.length * titleLine + 6 + axisLine + headerHeight;
  const averageTop = gridTop + model.rows.length * cellHeight + 4;
  const legendTop = averageTop + cellHeight + 16;

  // The legend flows left to right and wraps: title, ten stops, then the two notes.
  const legendItems: Layout['legendItems'] = [];
  const entries: { text: string; kind: LegendKind }[] = [
    { text: labels.legend, kind: 'title' },
    ...model.legend.map((stop) => ({ text: stop.text, kind: { bucket: stop.bucket } })),
    { text: labels.hatchedNote, kind: 'hatched' as const },
    { text: labels.fadedNote(String(model.minCohortSize)), kind: 'faded' as const },
  ];
  let x = pad;
  let y = legendTop;
  for (const entry of entries) {
    const isTitle = entry.kind === 'title';
    const breakBefore = entry.kind === 'hatched';
    const itemWidth =
      (isTitle ? 0 : swatch + 5) + textWidth(ctx, entry.text, isTitle ? bold : plain) + 12;
    if ((breakBefore || x + itemWidth > width - pad) && x > pad) {
      x = pad;
      y += legendLine;
    }
    legendItems.push({ x, y, text: entry.text, kind: entry.kind });
    x += itemWidth;
  }
  const footTop = y + legendLine + 10;
  const footLines = options.footnote === '' ? [] : wrap(ctx, options.footnote, inner, font(11));
  const height = Math.ceil(footTop + footLines.length * footLine + pad);
  return {
    width,
    height,
    titleLines,
    labelWidth,
    sizeWidth,
    cellWidth,
    gridTop,
    averageTop,
    legendTop,
    legendItems,
    footTop,
    footLines,
  };
}

/**
 * The size in CSS pixels the heatmap needs with these options; multiply by the pixel ratio for
 * the canvas's width and height attributes. Measures text with `ctx` (its state is changed).
 * @example measureHeatmap(ctx, model, { width: 900, title, footnote, labels }) → { width: 900, height: 412 }
 */
export function measureHeatmap(
  ctx: CanvasRenderingContext2D,
  model: HeatmapModel,
  options: HeatmapCanvasOptions,
): HeatmapSize {
  const { width, height } = layout(ctx, model, options);
  return { width, height };
}

function hatch(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  w: number,
  h: number,
  colour: string,
) {
  ctx.save();
  ctx.beginPath();
  ctx.rect(x, y, w, h);
  ctx.clip();
  ctx.strokeStyle = colour;
  ctx.lineWidth = 2;
  ctx.beginPath();
  // Lines rising to the right every 7 px, like the table's 135° gradient.
  for (let offset = -h; offset < w + h; offset += 7) {
    ctx.moveTo(x + offset, y + h);
    ctx.lineTo(x + offset + h, y);
  }
  ctx.stroke();
  ctx.restore();
}

interface CellLook {
  readonly bucket: number | null;
  readonly faded: boolean;
  readonly complete: boolean;
}

/** Fills one cell and returns the colour its text takes. */
function paintCell(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  w: number,
  h: number,
  look: CellLook,
): string {
  ctx.fillStyle = look.bucket === null ? noValueFill : heatmapColours[look.bucket];
  ctx.fillRect(x, y, w, h);
  if (look.faded) {
    ctx.fillStyle = fadeVeil;
    ctx.fillRect(x, y, w, h);
  }
  if (!look.complete) hatch(ctx, x, y, w, h, hatchColour(look.bucket, look.faded));
  if (look.bucket === null) return inkSoft;
  return textOnDark(look.bucket) && !look.faded ? '#ffffff' : ink;
}

/**
 * Draws the heatmap at the top left of the canvas, scaled by `pixelRatio`, and returns its size in
 * CSS pixels (as `measureHeatmap`). Size the canvas first: setting its width clears it.
 * @example
 *   const size = measureHeatmap(ctx, model, options);
 *   canvas.width = size.width * 2; canvas.height = size.height * 2;
 *   drawHeatmap(ctx, model, { ...options, pixelRatio: 2 });
 */
export function drawHeatmap(
  ctx: CanvasRenderingContext2D,
  model: HeatmapModel,
  options: HeatmapCanvasOptions,
): HeatmapSize {
  const ratio = options.pixelRatio ?? 1;
  const l = layout(ctx, model, options);
  const { labels } = options;
  ctx.save();
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, l.width, l.height);
  ctx.textBaseline = 'middle';

  // Title.
  ctx.fillStyle = ink;
  ctx.textAlign = 'left';
  ctx.font = font(16, 700);
  l.titleLines.forEach((text, i) => ctx.fillText(text, pad, pad + i * titleLine + titleLine / 2));

  const left = pad;
  const gridLeft = left + l.labelWidth;
  const headerTop = l.gridTop - headerHeight;
  const gridRight = gridLeft + model.ages.length * l.cellWidth;

  // Ages heading and the header row.
  ctx.font = font(12);
  ctx.fillStyle = inkSoft;
  ctx.fillText(`${labels.ageHeading} →`, gridLeft, headerTop - axisLine / 2);
  ctx.fillStyle = headerFill;
  ctx.fillRect(left, headerTop, gridRight - left, headerHeight);
  ctx.font = font(11, 600);
  ctx.fillStyle = ink;
  ctx.fillText(labels.cohort, left + 6, headerTop + headerHeight / 2);
  ctx.textAlign = 'right';
  ctx.font = font(11);
  ctx.fillStyle = inkSoft;
  ctx.fillText(labels.customers, gridLeft - 8, headerTop + headerHeight / 2);
  ctx.textAlign = 'center';
  for (const age of model.ages) {
    ctx.fillText(
      String(age),
      gridLeft + age * l.cellWidth + l.cellWidth / 2,
      headerTop + headerHeight / 2,
    );
  }

  const cellFont = font(l.cellWidth < 40 ? 10 : 11);
  const textMax = l.cellWidth - 4;

  // Cohort rows.
  model.rows.forEach((row, r) => {
    const y = l.gridTop + r * cellHeight;
    const middle = y + cellHeight / 2;
    ctx.textAlign = 'left';
    ctx.font = font(11, row.faded ? 500 : 600);
    ctx.fillStyle = row.faded ? inkSoft : ink;
    ctx.fillText(row.label, left + 6, middle, l.labelWidth - l.sizeWidth - 12);
    ctx.textAlign = 'right';
    ctx.font = font(11);
    ctx.fillStyle = inkSoft;
    ctx.fillText(row.sizeText, gridLeft - 8, middle);
    ctx.textAlign = 'center';
    ctx.font = cellFont;
    for (const cell of row.cells) {
      if (cell.empty) continue;
      const x = gridLeft + cell.age * l.cellWidth;
      const colour = paintCell(ctx, x, y, l.cellWidth - 1, cellHeight - 1, {
        bucket: cell.bucket,
        faded: row.faded,
        complete: cell.complete,
      });
      ctx.fillStyle = colour;
      ctx.fillText(cell.text, x + (l.cellWidth - 1) / 2, middle, textMax);
    }
  });

  // The header's bottom rule and the label column's right rule.
  ctx.fillStyle = line;
  ctx.fillRect(left, l.gridTop - 1, gridRight - left, 1);
  ctx.fillRect(gridLeft - 2, headerTop, 1, l.averageTop + cellHeight - headerTop);

  // Average row, under a dark rule.
  const averageMiddle = l.averageTop + cellHeight / 2;
  ctx.fillStyle = inkSoft;
  ctx.fillRect(left, l.averageTop - 3, gridRight - left, 2);
  ctx.textAlign = 'left';
  ctx.font = font(11, 700);
  ctx.fillStyle = ink;
  ctx.fillText(averageLabel(model, labels), left + 6, averageMiddle, l.labelWidth - 12);
  ctx.textAlign = 'center';
  ctx.font = font(l.cellWidth < 40 ? 10 : 11, 700);
  for (const cell of model.average.cells) {
    const x = gridLeft + cell.age * l.cellWidth;
    const colour = paintCell(ctx, x, l.averageTop, l.cellWidth - 1, cellHeight - 1, {
      bucket: cell.bucket,
      faded: false,
      complete: true,
    });
    ctx.fillStyle = colour;
    ctx.fillText(cell.text, x + (l.cellWidth - 1) / 2, averageMiddle, textMax);
  }

  // Legend and notes.
  ctx.textAlign = 'left';
  for (const item of l.legendItems) {
    const middle = item.y + legendLine / 2;
    if (item.kind === 'title') {
      ctx.font = font(11, 600);
      ctx.fillStyle = ink;
      ctx.fillText(item.text, item.x, middle);
      continue;
    }
    const sx = item.x;
    const sy = Math.round(middle - swatch / 2);
    const look: CellLook =
      item.kind === 'hatched'
        ? { bucket: 2, faded: false, complete: false }
        : item.kind === 'faded'
          ? { bucket: 7, faded: true, complete: true }
          : { bucket: item.kind.bucket, faded: false, complete: true };
    paintCell(ctx, sx, sy, swatch, swatch, look);
    ctx.strokeStyle = line;
    ctx.lineWidth = 1;
    ctx.strokeRect(sx + 0.5, sy + 0.5, swatch - 1, swatch - 1);
    ctx.font = font(11);
    ctx.fillStyle = ink;
    ctx.fillText(item.text, sx + swatch + 5, middle);
  }

  // Footnote.
  ctx.font = font(11);
  ctx.fillStyle = inkSoft;
  l.footLines.forEach((text, i) =>
    ctx.fillText(text, pad, l.footTop + i * footLine + footLine / 2),
  );

  ctx.restore();
  return { width: l.width, height: l.height };
}

/**
 * Sizes a canvas for the heatmap (CSS size × pixel ratio) and draws it: what the PNG export calls
 * before `canvas.toBlob`. Returns the size in CSS pixels.
 */
export function renderHeatmap(
  canvas: HTMLCanvasElement,
  model: HeatmapModel,
  options: HeatmapCanvasOptions,
): HeatmapSize {
  const ctx = canvas.getContext('2d');
  if (ctx === null) throw new Error('A 2D canvas context is not available.');
  const ratio = options.pixelRatio ?? 1;
  const size = measureHeatmap(ctx, model, options);
  canvas.width = Math.ceil(size.width * ratio);
  canvas.height = Math.ceil(size.height * ratio);
  return drawHeatmap(ctx, model, options);
}
