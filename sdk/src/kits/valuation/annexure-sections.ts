import type { AnnexureSection } from '../../define-pack/index.js';

/**
 * The annexure sections of a valuation report in print order; equal to each manifest's `annexures` (a test checks
 * it), repeated here because the bundled logic cannot read package.json.
 */
export const valuationAnnexureSections: readonly AnnexureSection[] = [
  { section: 'site-images', heading: 'SITE IMAGES', kinds: ['photo.exterior', 'photo.interior', 'photo.surroundings'] },
  { section: 'gps-photos', heading: 'GPS PHOTOGRAPHS', kinds: ['photo.gps'] },
  { section: 'guideline-value', heading: 'GUIDELINE VALUE', kinds: ['screenshot.guideline'] },
  { section: 'google-map', heading: 'GOOGLE MAP', kinds: ['screenshot.map', 'screenshot.route'] },
  { section: 'other-screenshots', heading: 'OTHER REFERENCES', kinds: ['screenshot.*'] },
  { section: 'documents', heading: 'DOCUMENTS', kinds: ['document.*'] },
];
