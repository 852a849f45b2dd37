import type { AnnexureSection } from '@repogen/sdk/pack';

/**
 * Evidence annexures in print order (DOMAIN §5.c items 6–10); equal to the manifest's
 * `annexures` (a test checks it). Items 1–5 (assumptions, statements, schedules, DSCR/BEP/IRR
 * working, sensitivity) are computed tables that the templates print before these.
 */
export const annexureSections: readonly AnnexureSection[] = [
  {
    section: 'cost-benchmarks',
    heading: 'COST BENCHMARKS AND QUOTATIONS',
    kinds: ['document.quotation', 'document.benchmark'],
  },
  { section: 'approvals', heading: 'APPROVALS STATUS', kinds: ['document.approval', 'document.noc'] },
  {
    section: 'site-visit',
    heading: 'SITE VISIT PHOTOGRAPHS AND LOCATION MAP',
    kinds: ['photo.exterior', 'photo.interior', 'photo.surroundings', 'photo.gps', 'screenshot.map'],
  },
  {
    section: 'net-worth',
    heading: 'PROMOTER NET-WORTH / CA CERTIFICATES',
    kinds: ['document.ca_certificate', 'document.net_worth'],
  },
  {
    section: 'declaration',
    heading: "CONSULTANT'S INDEPENDENCE AND NO-CONFLICT DECLARATION AND TEAM CVS",
    kinds: ['document.declaration', 'document.cv'],
  },
  { section: 'other-documents', heading: 'OTHER DOCUMENTS', kinds: ['document.other', 'screenshot.*'] },
];
