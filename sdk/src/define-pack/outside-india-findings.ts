import { isInsideIndia } from '../runtime/geo.js';
import type { PlacedPoint } from './coordinate-range-findings.js';
import type { RuleFinding } from './pack-definition.js';

/**
 * A finding for each point that lies outside India (DOMAIN §6 "Spatial: GPS inside India"); a
 * point missing a coordinate is left to the rules that ask for it.
 */
export function outsideIndiaFindings(points: readonly PlacedPoint[]): RuleFinding[] {
  return points.flatMap(({ pointer, lat, lng }) =>
    lat === undefined || lng === undefined || isInsideIndia({ lat, lng })
      ? []
      : [{ message: `${lat}, ${lng} is outside India`, fields: [`${pointer}/lat`, `${pointer}/lng`] }],
  );
}
