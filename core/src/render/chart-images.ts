import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import sharp from 'sharp';
import { CHART_SLOT_PREFIX, CHARTS_VALUE, type ChartSpec } from '@repogen/sdk';
import { chartSvg } from './chart-svg.js';
import type { PlacedImage } from './document-renderer.js';
import { renderErrors } from './render-errors.js';

const label = { type: 'string', maxLength: 120 } as const;

/** The chart contract of `sdk/src/contract/pack-contract.ts`, closed and bounded: a pack's charts are untrusted data. */
export const CHART_SPECS_SCHEMA = {
  type: 'array',
  maxItems: 12,
  items: {
    type: 'object',
    required: ['id', 'kind', 'title', 'unit', 'categories', 'series'],
    additionalProperties: false,
    properties: {
      id: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9-]{0,63}$' },
      kind: { enum: ['bar', 'hbar', 'line'] },
      title: label,
      unit: { type: 'string', maxLength: 40 },
      categories: { type: 'array', maxItems: 40, items: { type: 'string', maxLength: 60 } },
      series: {
        type: 'array',
        minItems: 1,
        maxItems: 6,
        items: {
          type: 'object',
          required: ['name', 'values'],
          additionalProperties: false,
          properties: {
            name: label,
            values: { type: 'array', maxItems: 40, items: { type: ['number', 'null'] } },
          },
        },
      },
      referenceLines: {
        type: 'array',
        maxItems: 4,
        items: {
          type: 'object',
          required: ['label', 'value'],
          additionalProperties: false,
          properties: { label, value: { type: 'number' } },
        },
      },
      min: { type: 'number' },
      max: { type: 'number' },
    },
  },
} as const;

let validate: ValidateFunction | undefined;

/**
 * The charts a pack returned under `values.charts`, checked against the chart contract; none
 * when the pack returns none. A spec that breaks the contract is RENDER_CHART_INVALID (422).
 */
export function readChartSpecs(values: { readonly [name: string]: unknown }): ChartSpec[] {
  const charts = values[CHARTS_VALUE];
  if (charts === undefined || charts === null) return [];
  validate ??= new Ajv2020({ allErrors: false, strict: true }).compile(CHART_SPECS_SCHEMA);
  if (!validate(charts)) {
    const first = validate.errors?.[0];
    const where = first === undefined || first.instancePath === '' ? '/' : first.instancePath;
    throw renderErrors.chartInvalid(
      `values.charts breaks the chart contract: ${where} ${first?.message ?? 'is invalid'}`,
    );
  }
  const specs = charts as ChartSpec[];
  const ids = new Set<string>();
  for (const spec of specs) {
    if (ids.has(spec.id)) throw renderErrors.chartInvalid(`values.charts names chart '${spec.id}' twice`);
    ids.add(spec.id);
    const short = spec.series.find((series) => series.values.length !== spec.categories.length);
    if (short) {
      throw renderErrors.chartInvalid(
        `Chart '${spec.id}': series '${short.name}' has ${short.values.length} values for ${spec.categories.length} categories`,
      );
    }
    if (spec.min !== undefined && spec.max !== undefined && spec.min >= spec.max) {
      throw renderErrors.chartInvalid(`Chart '${spec.id}': min must be below max`);
    }
  }
  return specs;
}

/** Draws one chart as a PNG: the host writes the SVG from the numbers and sharp rasterises it. */
export async function renderChartPng(spec: ChartSpec): Promise<Buffer> {
  return sharp(Buffer.from(chartSvg(spec), 'utf8'))
    .flatten({ background: '#ffffff' })
    .png({ compressionLevel: 9 })
    .toBuffer();
}

/**
 * The pictures of a report's charts, for the image step: chart `dscr` becomes the image of
 * the slot `evidence:chart.dscr`.
 */
export async function renderChartImages(values: { readonly [name: string]: unknown }): Promise<PlacedImage[]> {
  const specs = readChartSpecs(values);
  return Promise.all(
    specs.map(async (spec) => ({ id: `${CHART_SLOT_PREFIX}${spec.id}`, data: await renderChartPng(spec) })),
  );
}
