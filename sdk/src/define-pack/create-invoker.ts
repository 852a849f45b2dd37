import {
  PACK_OPERATIONS,
  type ComputeResult,
  type InvokeResponse,
  type JsonValue,
  type PackDescription,
  type PackOperation,
  type PackRequestMap,
  type PackResultMap,
} from '../contract/pack-contract.js';
import { evaluateFormulas } from './evaluate-formulas.js';
import { DEFAULT_ANNEXURE_SECTIONS, layoutAnnexures } from './layout-annexures.js';
import { loosen } from './loose-pack.js';
import type { DefinedPack } from './pack-definition.js';
import { describeError, PackError } from './pack-error.js';
import { resolveSettings } from './resolve-settings.js';
import { runRules } from './run-rules.js';

/** A pack answering the contract in process: the same code the sandbox runs. */
export interface PackInvoker {
  /** JSON in, JSON out; never throws: a failure is the `{ok:false}` envelope. */
  invoke(operation: string, requestJson: string): string;
  /** The same call without the JSON round trip, typed by operation. */
  call<Op extends PackOperation>(operation: Op, request: PackRequestMap[Op]): InvokeResponse<PackResultMap[Op]>;
}

/** Makes the invoker for a pack: the host's sandbox and the fixture runner both call this. */
export function createInvoker<
  Input,
  Settings extends { readonly [K in keyof Settings]: JsonValue },
  Names extends string,
>(definedPack: DefinedPack<Input, Settings, Names>): PackInvoker {
  const pack = loosen(definedPack);
  const operations = PACK_OPERATIONS.filter((operation) => operation !== 'extract' || pack.extract !== undefined);

  const handlers: { [Op in PackOperation]: (request: PackRequestMap[Op]) => PackResultMap[Op] } = {
    compute(request) {
      requireNow(request.now);
      const { settings, warnings: settingWarnings } = resolveSettings(pack.settings, request.settings);
      const evaluation = evaluateFormulas(pack, request.input, settings, request.now);
      const ruleWarnings = runRules(pack, request.input, evaluation.values, settings, request.now);
      const result: ComputeResult = {
        values: evaluation.values,
        trace: evaluation.trace,
        warnings: [...settingWarnings, ...evaluation.warnings, ...ruleWarnings],
      };
      return result;
    },
    rules(request) {
      requireNow(request.now);
      if (typeof request.values !== 'object' || request.values === null || Array.isArray(request.values)) {
        throw new PackError('BAD_REQUEST', 'rules needs the values object');
      }
      const { settings, warnings } = resolveSettings(pack.settings, request.settings);
      return { warnings: [...warnings, ...runRules(pack, request.input, request.values, settings, request.now)] };
    },
    layout(request) {
      if (!Array.isArray(request.evidence)) throw new PackError('BAD_REQUEST', 'layout needs the evidence list');
      const sections = pack.annexures ?? DEFAULT_ANNEXURE_SECTIONS;
      return { pages: (pack.layout ?? layoutAnnexures)(request.evidence, sections) };
    },
    extract(request) {
      if (!pack.extract)
        throw new PackError('UNSUPPORTED_OPERATION', 'this pack does not extract fields from OCR text');
      if (typeof request.kind !== 'string' || typeof request.text !== 'string')
        throw new PackError('BAD_REQUEST', 'extract needs kind and text');
      return pack.extract(request);
    },
    describe() {
      const description: PackDescription = {
        formulas: Object.entries(pack.formulas).map(([name, formula]) => ({
          name,
          description: formula.description,
          ...(formula.unit ? { unit: formula.unit } : {}),
        })),
        rules: Object.entries(pack.rules ?? {}).map(([code, rule]) => ({ code, description: rule.description })),
        operations,
        settings: pack.settings,
      };
      return description;
    },
  };

  const call = <Op extends PackOperation>(
    operation: Op,
    request: PackRequestMap[Op],
  ): InvokeResponse<PackResultMap[Op]> => {
    try {
      if (!isOperation(operation))
        throw new PackError('UNKNOWN_OPERATION', `unknown operation ${JSON.stringify(operation)}`);
      if (typeof request !== 'object' || request === null || Array.isArray(request))
        throw new PackError('BAD_REQUEST', 'the request must be a JSON object');
      const handler = handlers[operation] as (request: PackRequestMap[Op]) => PackResultMap[Op];
      return { ok: true, result: handler(request) };
    } catch (error) {
      return { ok: false, error: describeError(error) };
    }
  };

  return {
    call,
    invoke(operation, requestJson) {
      let request: JsonValue;
      try {
        request = JSON.parse(requestJson) as JsonValue;
      } catch {
        return JSON.stringify({ ok: false, error: { code: 'BAD_REQUEST', message: 'the request is not valid JSON' } });
      }
      const response = call(operation as PackOperation, request as unknown as PackRequestMap[PackOperation]);
      try {
        return JSON.stringify(response);
      } catch (error) {
        return JSON.stringify({
          ok: false,
          error: { code: 'PACK_ERROR', message: `the result is not JSON: ${describeError(error).message}` },
        });
      }
    },
  };
}

function isOperation(operation: string): operation is PackOperation {
  return (PACK_OPERATIONS as readonly string[]).includes(operation);
}

function requireNow(now: unknown): void {
  if (typeof now !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(now))
    throw new PackError('BAD_REQUEST', 'the request needs now, an ISO 8601 instant');
}
