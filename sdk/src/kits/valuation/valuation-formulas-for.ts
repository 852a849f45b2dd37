import type { FormulaDefinition } from '../../define-pack/index.js';
import type { ValuationInput } from './valuation-types.js';

/**
 * Hands the kit's formulas to a pack whose generated input has every field the kit reads.
 * The kit only reads its input, and `Input extends ValuationInput` makes each read give a
 * value of the kit's type; TypeScript cannot follow that through the generic pointer methods
 * of `FormulaContext` (it compares them both ways), so the widening is asserted here, once.
 *
 * @example
 * formulas: valuationFormulasFor<PackInput, SbiSettings>({ ...landFormulas, ...valueFormulas })
 */
export function valuationFormulasFor<Input extends ValuationInput, Settings>(
  formulas: Readonly<Record<string, FormulaDefinition<ValuationInput, Settings, string>>>,
): Record<string, FormulaDefinition<Input, Settings, string>> {
  return formulas as unknown as Record<string, FormulaDefinition<Input, Settings, string>>;
}
