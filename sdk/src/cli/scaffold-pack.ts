import fs from 'node:fs/promises';
import path from 'node:path';
import { validateManifest } from '../manifest/validate-manifest.js';
import { CliFailure, EXIT } from './cli-output.js';

export interface ScaffoldOptions {
  /** Pack key (`MY_PACK_V1`); derived from the folder name when absent. */
  readonly key?: string | undefined;
  readonly title?: string | undefined;
}

const KEY = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*_V[0-9]+$/;

/**
 * Creates a complete, working pack in `dir` (which must be absent or empty): manifest,
 * input schema, logic using `definePack`, one passing fixture case, a tsconfig and a README.
 * `repogen-pack init` then writes `src/input.generated.ts` from the schema.
 */
export async function scaffoldPack(
  dir: string,
  options: ScaffoldOptions = {},
): Promise<{ key: string; files: string[] }> {
  const key = options.key ?? keyFromFolder(dir);
  if (!KEY.test(key))
    throw new CliFailure(`--key ${key} must look like MY_PACK_V1 (capitals, digits, _, ending in _V<n>)`, EXIT.usage);
  const title = options.title ?? titleFromKey(key);
  const existing = await fs.readdir(dir).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  });
  if (existing.length > 0)
    throw new CliFailure(`${dir} is not empty; init creates a new pack in an empty folder`, EXIT.usage);

  const sdkVersion = await readSdkVersion();
  const packageJson = {
    name: `@repogen/pack-${key.toLowerCase().replace(/_/g, '-')}`,
    version: '0.1.0',
    private: true,
    type: 'module',
    license: 'UNLICENSED',
    description: title,
    repogen: {
      role: 'pack',
      key,
      family: 'custom',
      title,
      sdk: `^${sdkVersion}`,
      scope: { kind: 'global' },
      templates: [],
      annexures: [
        { section: 'photos', heading: 'Site Photographs', kinds: ['photo.*'] },
        { section: 'documents', heading: 'Documents', kinds: ['document.*'] },
      ],
      evidence: { required: [{ kind: 'photo.exterior', min: 1, label: 'Front elevation' }] },
      selection: { priority: 0 },
      credits: 1,
    },
    devDependencies: { '@repogen/sdk': `^${sdkVersion}` },
  };
  const check = validateManifest(packageJson.repogen);
  if (!check.ok) throw new CliFailure('the scaffolded manifest is not valid (an sdk bug)', EXIT.failed, check.problems);

  const files: Record<string, string> = {
    'package.json': json(packageJson),
    'schema.json': json(SCHEMA(title)),
    'src/index.ts': LOGIC,
    'fixtures/example.input.json': json({ property: { areaSqm: 120.5, ratePerSqm: 42_000 } }),
    'fixtures/example.expected.json': json({
      now: '2025-08-12T06:00:00.000Z',
      values: { propertyValue: 5_061_000, propertyValueWords: 'Rupees Fifty Lakh Sixty-One Thousand Only' },
      warnings: [],
    }),
    'tsconfig.json': json(TSCONFIG),
    'README.md': README(key, title),
  };
  for (const [file, content] of Object.entries(files)) {
    const target = path.join(dir, file);
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, content);
  }
  return { key, files: Object.keys(files) };
}

function keyFromFolder(dir: string): string {
  const base = path
    .basename(path.resolve(dir))
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  const key = /^[A-Z]/.test(base) ? base : `PACK_${base}`;
  return /_V[0-9]+$/.test(key) ? key : `${key}_V1`;
}

function titleFromKey(key: string): string {
  return key
    .replace(/_V[0-9]+$/, '')
    .split('_')
    .map((word) => word.charAt(0) + word.slice(1).toLowerCase())
    .join(' ');
}

async function readSdkVersion(): Promise<string> {
  // The sdk's own package.json sits two levels above both src/cli and dist/cli.
  const text = await fs.readFile(new URL('../../package.json', import.meta.url), 'utf8');
  const version = (JSON.parse(text) as { version?: unknown }).version;
  return typeof version === 'string' ? version : '0.1.0';
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

const SCHEMA = (title: string): unknown => ({
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  // A root title would name the generated type after it instead of PackInput.
  description: title,
  type: 'object',
  additionalProperties: false,
  'x-groups': [{ id: 'property', title: 'Property' }],
  properties: {
    property: {
      type: 'object',
      title: 'Property',
      additionalProperties: false,
      'x-group': 'property',
      properties: {
        areaSqm: { type: 'number', title: 'Area', minimum: 0, 'x-unit': 'sqm', 'x-order': 1 },
        ratePerSqm: {
          type: 'number',
          title: 'Adopted rate',
          minimum: 0,
          'x-unit': 'INR/sqm',
          'x-order': 2,
          'x-reason-required': true,
        },
      },
    },
  },
});

const LOGIC = `import { applyRounding, definePack, multiplyPaise, paiseToRupees, roundNearest, rupeesInWords, rupeesToPaise } from '@repogen/sdk/pack';
import type { PackInput } from './input.generated.js';

/** Defaults a tenant may change. */
const settings = { roundingStepRupees: 1000 };

export default definePack<PackInput, typeof settings>({
  settings,
  formulas: {
    exactValue: {
      description: 'Area × adopted rate, to the rupee',
      unit: 'INR',
      compute: (c) => {
        const paise = multiplyPaise(rupeesToPaise(c.need('/property/ratePerSqm')), c.need('/property/areaSqm'), roundNearest(100));
        return paiseToRupees(paise);
      },
    },
    propertyValue: {
      description: 'Exact value rounded to the nearest step',
      unit: 'INR',
      compute: (c) => applyRounding(c.number('exactValue'), roundNearest(c.setting('roundingStepRupees'))),
    },
    propertyValueWords: {
      description: 'Property value in words',
      unit: 'text',
      compute: (c) => rupeesInWords(c.number('propertyValue')),
    },
  },
  rules: {
    RATE_MISSING: {
      description: 'The adopted rate is needed for the value',
      level: 'error',
      check: ({ input }) => input.property?.ratePerSqm === undefined && { message: 'Enter the adopted rate', fields: ['/property/ratePerSqm'] },
    },
  },
});
`;

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  },
  include: ['src/**/*.ts'],
};

const FENCE = '```';

const README = (key: string, title: string): string =>
  [
    `# ${title} (${key})`,
    '',
    'A Repogen template pack.',
    '',
    '- `schema.json`: the input (JSON Schema 2020-12); run `repogen-pack typegen .` after editing it.',
    '- `src/index.ts`: formulas and rules (`definePack`); pure code, no I/O, no clock.',
    '- `fixtures/<case>.input.json` + `<case>.expected.json`: golden cases. The input must match `schema.json`;',
    '  the expected file names values (`values`) and/or the exact warning codes (`warnings`, `[]` for none).',
    '',
    FENCE,
    'repogen-pack test .      # every fixture through the sandbox',
    `repogen-pack build .     # dist/${key}-<version>.rpack`,
    FENCE,
    '',
  ].join('\n');
