import { amountPrecisionRules, moneyFieldsOf } from '@repogen/sdk/kits/project-finance';
import schema from '../schema.json' with { type: 'json' };
import type { PackInput } from './input.generated.js';
import type { StageSettings } from './settings.js';

/** Every ₹ lakh field of the schema carries at most 2 decimals (DOMAIN §4.e: ₹ lakh, 2 dp). */
export const precisionRules = amountPrecisionRules<PackInput, StageSettings>(moneyFieldsOf(schema));
