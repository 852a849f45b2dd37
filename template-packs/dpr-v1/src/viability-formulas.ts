import { viabilityFormulas as kitViabilityFormulas } from '@repogen/sdk/kits/project-finance';
import type { PackInput } from './input.generated.js';
import { readDrivers, readSensitivityCases } from './read-drivers.js';
import type { DprSettings } from './settings.js';

/** DSCR, break-even, FIRR/NPV, payback and sensitivity (DOMAIN §3.b), over this pack's drivers. */
export const viabilityFormulas = kitViabilityFormulas<PackInput, DprSettings>({
  drivers: readDrivers,
  sensitivityCases: readSensitivityCases,
  discountRatePct: (c) => c.need('/assumptions/discountRatePct'),
});
