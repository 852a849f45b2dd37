import type {
  AnnexurePage,
  EvidenceManifestItem,
  ExtractRequest,
  ExtractResult,
  JsonValue,
  WarningLevel,
} from '../contract/pack-contract.js';
import type { AnnexureSection } from './layout-annexures.js';
import type { JsonPointer, PointerValue } from './json-pointer.js';

/** Tenant-choosable settings: JSON values whose defaults the pack declares. */
export type PackSettings<Settings> = { readonly [K in keyof Settings]: JsonValue };

/**
 * What a formula's `compute` may read. Every read is recorded in the value's trace, so a
 * formula that reads through this context explains itself.
 */
export interface FormulaContext<Input, Settings, Names extends string> {
  /** An input field by JSON pointer; `undefined` when the draft does not have it yet. */
  input<P extends JsonPointer<Input>>(pointer: P): PointerValue<Input, P> | undefined;
  /** Like `input`, but a missing or empty field makes this value null with one INPUT_MISSING warning. */
  need<P extends JsonPointer<Input>>(pointer: P): NonNullable<PointerValue<Input, P>>;
  /** Another computed value by name (computed first if need be). */
  value(name: Names): JsonValue;
  /** Another computed value that must be a number; when it has none, this value has none either. */
  number(name: Names): number;
  /** Another computed value that must be a string; when it has none, this value has none either. */
  text(name: Names): string;
  /** A tenant setting (the request's, or the pack's default). */
  setting<K extends keyof Settings & string>(key: K): Settings[K];
  /** The host-given instant (ISO 8601): the pack has no clock. */
  readonly now: string;
}

/** A named computed value. */
export interface FormulaDefinition<Input, Settings, Names extends string> {
  readonly description: string;
  /** `INR`, `sqm`, `%`, `years`, `text`… printed beside the value in the calculation appendix. */
  readonly unit?: string;
  compute(context: FormulaContext<Input, Settings, Names>): JsonValue | undefined;
}

/** What a rule sees: everything is read-only, and a draft may lack any input. */
export interface RuleContext<Input, Settings, Names extends string> {
  readonly input: Input;
  readonly values: { readonly [N in Names]?: JsonValue };
  /** A value that is a number, or `undefined`. A property, so rules may destructure it. */
  readonly number: (name: Names) => number | undefined;
  readonly settings: Readonly<Settings>;
  readonly now: string;
}

/** One finding of a rule; `level` defaults to the rule's. */
export interface RuleFinding {
  readonly message: string;
  /** JSON pointers into the input or `values/<name>`. */
  readonly fields?: readonly string[];
  readonly level?: WarningLevel;
}

/** Nothing (`undefined`, `null`, `false`), a message, one finding or several. */
export type RuleOutcome = RuleFinding | readonly RuleFinding[] | string | false | null | undefined;

/** A check that warns and never blocks; its key in `rules` is the warning code. */
export interface RuleDefinition<Input, Settings, Names extends string> {
  readonly description: string;
  readonly level: WarningLevel;
  check(context: RuleContext<Input, Settings, Names>): RuleOutcome;
}

/** Lays out annexure pages; the default is `layoutAnnexures`. */
export type LayoutFunction = (
  evidence: readonly EvidenceManifestItem[],
  sections: readonly AnnexureSection[],
) => AnnexurePage[];

/** Everything a pack's `src/index.ts` declares. */
export interface PackDefinition<Input, Settings extends PackSettings<Settings>, Names extends string> {
  /** Defaults of the settings a tenant may change (e.g. `realisableFactor: 0.95`). */
  readonly settings: Settings;
  /** Named computed values, in the order they are listed to the host. */
  readonly formulas: { readonly [N in Names]: FormulaDefinition<Input, Settings, Names> };
  /** Checks keyed by their warning code (`SCREAMING_SNAKE`). */
  readonly rules?: { readonly [code: string]: RuleDefinition<Input, Settings, Names> };
  /** Annexure sections in print order; keep them equal to the manifest's `annexures`. */
  readonly annexures?: readonly AnnexureSection[];
  readonly layout?: LayoutFunction;
  /** Proposes input fields from OCR text of one evidence kind. */
  readonly extract?: (request: ExtractRequest) => ExtractResult;
}

/** A checked pack definition, ready for `createInvoker` or `packEntry`. */
export interface DefinedPack<
  Input,
  Settings extends PackSettings<Settings>,
  Names extends string,
> extends PackDefinition<Input, Settings, Names> {
  readonly repogenPack: 1;
}

const FORMULA_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const RULE_CODE = /^[A-Z][A-Z0-9_]{1,63}$/;

/**
 * Declares a pack. `Input` is the pack's generated `PackInput` (from `repogen-pack typegen`),
 * which gives completion on input pointers; `Settings` is the shape of the defaults.
 * Programmer errors (a bad name or code) throw here, when the pack loads.
 *
 * @example
 * export default definePack<PackInput, typeof settings>({
 *   settings,
 *   formulas: {
 *     landValue: { description: 'Extent × adopted rate', unit: 'INR',
 *       compute: (c) => c.need('/land/extentSqm') * c.need('/land/ratePerSqm') },
 *   },
 *   rules: {
 *     LAND_VALUE_ZERO: { description: 'Land has no value', level: 'warn',
 *       check: ({ values }) => values.landValue === 0 && 'Land value is zero' },
 *   },
 * });
 */
export function definePack<
  Input = JsonValue,
  Settings extends PackSettings<Settings> = Record<string, never>,
  Names extends string = string,
>(definition: PackDefinition<Input, Settings, Names>): DefinedPack<Input, Settings, Names> {
  for (const name of Object.keys(definition.formulas)) {
    if (!FORMULA_NAME.test(name))
      throw new Error(
        `definePack: formula name ${JSON.stringify(name)} must be letters, digits and _ (a JS identifier)`,
      );
  }
  for (const code of Object.keys(definition.rules ?? {})) {
    if (!RULE_CODE.test(code)) throw new Error(`definePack: rule code ${JSON.stringify(code)} must be SCREAMING_SNAKE`);
  }
  for (const [key, value] of Object.entries(definition.settings as Record<string, unknown>)) {
    if (value === undefined || (typeof value === 'number' && !Number.isFinite(value)))
      throw new Error(`definePack: setting ${key} needs a JSON default`);
  }
  return Object.freeze({ ...definition, repogenPack: 1 as const });
}
