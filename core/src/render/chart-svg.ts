import type { ChartSpec } from '@repogen/sdk';
import { escapeXml } from './xml-escape.js';

/** The pixel size every chart is drawn at: 2:1, sharp enough across a 160 mm column at 250 dpi. */
export const CHART_SIZE_PX = { width: 1600, height: 800 } as const;

const FONT = 'DejaVu Sans';
const PALETTE = ['#1F3864', '#C55A11', '#548235', '#7F6000', '#7030A0', '#2E75B6'] as const;
const REFERENCE_COLOUR = '#C00000';
const GRID_COLOUR = '#D9D9D9';
const AXIS_COLOUR = '#595959';
/** Bars carry their value printed above them while they stay this few. */
const MAX_LABELLED_BARS = 30;

interface Plot {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

interface Axis {
  readonly min: number;
  readonly max: number;
  readonly ticks: readonly number[];
}

/**
 * Draws a chart spec as SVG, from numbers only: every text the pack gave (title, unit,
 * categories, series names) is escaped, so a pack cannot inject markup into the picture.
 */
export function chartSvg(spec: ChartSpec): string {
  const { width, height } = CHART_SIZE_PX;
  const horizontal = spec.kind === 'hbar';
  const longestCategory = Math.max(0, ...spec.categories.map((category) => category.length));
  const rotateCategories = !horizontal && spec.categories.length > 8;
  const left = horizontal ? Math.min(620, 40 + longestCategory * 15) : 130;
  const bottom = horizontal ? 90 : rotateCategories ? 150 : 100;
  const plot: Plot = { left, top: 150, width: width - left - (horizontal ? 110 : 70), height: height - 150 - bottom };
  const axis = valueAxis(spec);
  if (spec.categories.length === 0) {
    return (
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}">` +
      `<rect width="${width}" height="${height}" fill="#FFFFFF"/>` +
      text(width / 2, 50, spec.title, { size: 36, weight: 'bold', anchor: 'middle' }) +
      text(width / 2, height / 2, 'No data yet', { size: 30, anchor: 'middle', colour: AXIS_COLOUR }) +
      `</svg>`
    );
  }

  const parts = [
    `<rect width="${width}" height="${height}" fill="#FFFFFF"/>`,
    text(width / 2, 50, spec.title, { size: 36, weight: 'bold', anchor: 'middle' }),
    legend(spec, width),
    gridAndValueAxis(spec, plot, axis, horizontal),
    spec.kind === 'line' ? lines(spec, plot, axis) : bars(spec, plot, axis, horizontal),
    categoryAxis(spec, plot, horizontal, rotateCategories),
    referenceLines(spec, plot, axis, horizontal),
  ];
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
    `font-family="${FONT}">${parts.join('')}</svg>`
  );
}

function valueAxis(spec: ChartSpec): Axis {
  const values = spec.series.flatMap((series) => series.values.filter((value): value is number => value !== null));
  const references = (spec.referenceLines ?? []).map((line) => line.value);
  const low = spec.min ?? Math.min(0, ...values, ...references);
  const high = spec.max ?? Math.max(0, ...values, ...references);
  const span = high - low || Math.abs(high) || 1;
  const step = niceStep(span / 5);
  const min = spec.min ?? Math.floor(low / step) * step;
  const max = spec.max ?? Math.ceil(high / step) * step;
  const ticks: number[] = [];
  for (let tick = min; tick <= max + step / 1e6; tick += step) ticks.push(Number(tick.toFixed(10)));
  return { min, max: max === min ? min + step : max, ticks };
}

function niceStep(rough: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const fraction = rough / magnitude;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
  return nice * magnitude;
}

/** Position of a value along the value axis, in pixels from the plot's origin side. */
function scale(value: number, axis: Axis, length: number): number {
  return ((value - axis.min) / (axis.max - axis.min)) * length;
}

function gridAndValueAxis(spec: ChartSpec, plot: Plot, axis: Axis, horizontal: boolean): string {
  const parts: string[] = [];
  for (const tick of axis.ticks) {
    if (horizontal) {
      const x = plot.left + scale(tick, axis, plot.width);
      parts.push(line(x, plot.top, x, plot.top + plot.height, GRID_COLOUR, 2));
      parts.push(text(x, plot.top + plot.height + 40, formatNumber(tick), { size: 24, anchor: 'middle' }));
    } else {
      const y = plot.top + plot.height - scale(tick, axis, plot.height);
      parts.push(line(plot.left, y, plot.left + plot.width, y, GRID_COLOUR, 2));
      parts.push(text(plot.left - 14, y + 8, formatNumber(tick), { size: 24, anchor: 'end' }));
    }
  }
  const unit = escapeXml(spec.unit);
  parts.push(
    horizontal
      ? text(plot.left + plot.width / 2, plot.top + plot.height + 78, spec.unit, { size: 24, anchor: 'middle' })
      : `<text x="40" y="${plot.top + plot.height / 2}" font-size="24" fill="${AXIS_COLOUR}" text-anchor="middle" ` +
          `transform="rotate(-90 40 ${plot.top + plot.height / 2})">${unit}</text>`,
  );
  const zero = Math.min(Math.max(0, axis.min), axis.max);
  parts.push(
    horizontal
      ? line(
          plot.left + scale(zero, axis, plot.width),
          plot.top,
          plot.left + scale(zero, axis, plot.width),
          plot.top + plot.height,
          AXIS_COLOUR,
          3,
        )
      : line(
          plot.left,
          plot.top + plot.height - scale(zero, axis, plot.height),
          plot.left + plot.width,
          plot.top + plot.height - scale(zero, axis, plot.height),
          AXIS_COLOUR,
          3,
        ),
  );
  return parts.join('');
}

function bars(spec: ChartSpec, plot: Plot, axis: Axis, horizontal: boolean): string {
  const groups = spec.categories.length;
  const perGroup = spec.series.length;
  const band = (horizontal ? plot.height : plot.width) / Math.max(groups, 1);
  const thickness = (band * 0.72) / Math.max(perGroup, 1);
  const length = horizontal ? plot.width : plot.height;
  const zero = scale(Math.min(Math.max(0, axis.min), axis.max), axis, length);
  const labelled = groups * perGroup <= MAX_LABELLED_BARS;
  const decimals = labelDecimals(spec);
  const parts: string[] = [];
  spec.series.forEach((series, seriesIndex) => {
    const colour = PALETTE[seriesIndex % PALETTE.length] ?? PALETTE[0];
    series.values.forEach((value, category) => {
      if (value === null) return;
      const offset = band * category + band * 0.14 + thickness * seriesIndex;
      const end = scale(value, axis, length);
      const start = Math.min(zero, end);
      const size = Math.max(Math.abs(end - zero), 1);
      if (horizontal) {
        const y = plot.top + offset;
        parts.push(rect(plot.left + start, y, size, thickness, colour));
        if (labelled) {
          const x = plot.left + Math.max(zero, end) + 10;
          parts.push(text(x, y + thickness / 2 + 8, formatNumber(value, decimals), { size: 22, anchor: 'start' }));
        }
      } else {
        const x = plot.left + offset;
        const top = plot.top + plot.height - Math.max(zero, end);
        parts.push(rect(x, top, thickness, size, colour));
        if (labelled) {
          const y = value < 0 ? plot.top + plot.height - end + 28 : top - 10;
          parts.push(text(x + thickness / 2, y, formatNumber(value, decimals), { size: 22, anchor: 'middle' }));
        }
      }
    });
  });
  return parts.join('');
}

function lines(spec: ChartSpec, plot: Plot, axis: Axis): string {
  const band = plot.width / Math.max(spec.categories.length, 1);
  const decimals = labelDecimals(spec);
  const parts: string[] = [];
  spec.series.forEach((series, seriesIndex) => {
    const colour = PALETTE[seriesIndex % PALETTE.length] ?? PALETTE[0];
    const points = series.values
      .map((value, category) =>
        value === null
          ? undefined
          : ([
              plot.left + band * (category + 0.5),
              plot.top + plot.height - scale(value, axis, plot.height),
              value,
            ] as const),
      )
      .filter((point) => point !== undefined);
    if (points.length > 1) {
      const path = points.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ');
      parts.push(`<polyline points="${path}" fill="none" stroke="${colour}" stroke-width="5"/>`);
    }
    for (const [x, y, value] of points) {
      parts.push(`<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="8" fill="${colour}"/>`);
      if (spec.series.length === 1 && points.length <= MAX_LABELLED_BARS) {
        parts.push(text(x, y - 18, formatNumber(value, decimals), { size: 22, anchor: 'middle' }));
      }
    }
  });
  return parts.join('');
}

function categoryAxis(spec: ChartSpec, plot: Plot, horizontal: boolean, rotate: boolean): string {
  const band = (horizontal ? plot.height : plot.width) / Math.max(spec.categories.length, 1);
  return spec.categories
    .map((category, index) => {
      if (horizontal) {
        const y = plot.top + band * (index + 0.5) + 8;
        return text(plot.left - 14, y, category, { size: 24, anchor: 'end' });
      }
      const x = plot.left + band * (index + 0.5);
      const y = plot.top + plot.height + 36;
      if (!rotate) return text(x, y, category, { size: 24, anchor: 'middle' });
      return (
        `<text x="${x.toFixed(1)}" y="${y}" font-size="22" fill="${AXIS_COLOUR}" text-anchor="end" ` +
        `transform="rotate(-35 ${x.toFixed(1)} ${y})">${escapeXml(category)}</text>`
      );
    })
    .join('');
}

function referenceLines(spec: ChartSpec, plot: Plot, axis: Axis, horizontal: boolean): string {
  return (spec.referenceLines ?? [])
    .filter((reference) => reference.value >= axis.min && reference.value <= axis.max)
    .map((reference) => {
      const dash = `stroke="${REFERENCE_COLOUR}" stroke-width="4" stroke-dasharray="14 8"`;
      if (horizontal) {
        const x = (plot.left + scale(reference.value, axis, plot.width)).toFixed(1);
        return `<line x1="${x}" y1="${plot.top}" x2="${x}" y2="${plot.top + plot.height}" ${dash}/>`;
      }
      const y = (plot.top + plot.height - scale(reference.value, axis, plot.height)).toFixed(1);
      return `<line x1="${plot.left}" y1="${y}" x2="${plot.left + plot.width}" y2="${y}" ${dash}/>`;
    })
    .join('');
}

function legend(spec: ChartSpec, width: number): string {
  const entries: { name: string; draw: (x: number) => string }[] = [
    ...spec.series.map((series, index) => ({
      name: series.name,
      draw: (x: number) => rect(x, 82, 28, 28, PALETTE[index % PALETTE.length] ?? PALETTE[0]),
    })),
    ...(spec.referenceLines ?? []).map((reference) => ({
      name: `${reference.label} ${formatNumber(reference.value, 2)}`,
      draw: (x: number) =>
        `<line x1="${x}" y1="96" x2="${x + 28}" y2="96" stroke="${REFERENCE_COLOUR}" stroke-width="4" stroke-dasharray="8 4"/>`,
    })),
  ];
  const itemWidths = entries.map((entry) => 70 + entry.name.length * 14);
  const total = itemWidths.reduce((sum, item) => sum + item, 0);
  let x = Math.max(20, (width - total) / 2);
  return entries
    .map((entry, index) => {
      const item = entry.draw(x) + text(x + 38, 105, entry.name, { size: 24, anchor: 'start' });
      x += itemWidths[index] ?? 0;
      return item;
    })
    .join('');
}

function rect(x: number, y: number, width: number, height: number, fill: string): string {
  return `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${width.toFixed(1)}" height="${height.toFixed(1)}" fill="${fill}"/>`;
}

function line(x1: number, y1: number, x2: number, y2: number, stroke: string, widthPx: number): string {
  return `<line x1="${x1.toFixed(1)}" y1="${y1.toFixed(1)}" x2="${x2.toFixed(1)}" y2="${y2.toFixed(1)}" stroke="${stroke}" stroke-width="${widthPx}"/>`;
}

interface TextOptions {
  readonly size: number;
  readonly anchor: 'start' | 'middle' | 'end';
  readonly weight?: 'bold';
  readonly colour?: string;
}

function text(x: number, y: number, content: string, options: TextOptions): string {
  const weight = options.weight ? ` font-weight="${options.weight}"` : '';
  return (
    `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" font-size="${options.size}"${weight} fill="${options.colour ?? '#262626'}" ` +
    `text-anchor="${options.anchor}">${escapeXml(content)}</text>`
  );
}

/** Indian grouping with at most two decimals (axis ticks), or exactly `decimals` (data labels). */
function formatNumber(value: number, decimals?: number): string {
  return new Intl.NumberFormat('en-IN', {
    minimumFractionDigits: decimals ?? 0,
    maximumFractionDigits: decimals ?? 2,
  }).format(value);
}

/** Data labels print two decimals unless every value of the chart is whole. */
function labelDecimals(spec: ChartSpec): number {
  return spec.series.every((series) => series.values.every((value) => value === null || Number.isInteger(value)))
    ? 0
    : 2;
}
