import type { RuleFinding } from './pack-definition.js';

/** Where a point sits in the input (the object holding `lat` and `lng`) and what it holds. */
export interface PlacedPoint {
  readonly pointer: string;
  readonly lat?: number | undefined;
  readonly lng?: number | undefined;
}

/**
 * A finding for each latitude outside ±90 and each longitude outside ±180. An operator's value
 * is kept as typed, so a schema never bounds coordinates; this rule says what is wrong instead
 * (REQUIREMENTS, warning policy).
 */
export function coordinateRangeFindings(points: readonly PlacedPoint[]): RuleFinding[] {
  return points.flatMap(({ pointer, lat, lng }) => [
    ...(lat !== undefined && !(Math.abs(lat) <= 90)
      ? [{ message: `Latitude ${lat} is outside ±90°`, fields: [`${pointer}/lat`] }]
      : []),
    ...(lng !== undefined && !(Math.abs(lng) <= 180)
      ? [{ message: `Longitude ${lng} is outside ±180°`, fields: [`${pointer}/lng`] }]
      : []),
  ]);
}
