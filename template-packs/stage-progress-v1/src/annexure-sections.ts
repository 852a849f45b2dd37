import type { AnnexureSection } from '@repogen/sdk/pack';

/**
 * Evidence annexures in print order (DOMAIN §4.c); equal to the manifest's `annexures` (a test
 * checks it). The previous-recommendations table (item 7) is computed and printed by the template.
 */
export const annexureSections: readonly AnnexureSection[] = [
  {
    section: 'progress-photographs',
    heading: 'PROGRESS PHOTOGRAPHS',
    kinds: ['photo.exterior', 'photo.interior', 'photo.surroundings', 'photo.gps'],
  },
  { section: 'progress-sheet', heading: 'COMPONENT-WISE PROGRESS SHEET', kinds: ['document.progress_sheet'] },
  {
    section: 'ca-certificate',
    heading: 'CA CERTIFICATE OF COST INCURRED AND MEANS OF FINANCE',
    kinds: ['document.ca_certificate'],
  },
  {
    section: 'architect-certificate',
    heading: "ARCHITECT'S / ENGINEER'S CERTIFICATE",
    kinds: ['document.architect_certificate', 'document.engineer_certificate'],
  },
  {
    section: 'bank-statements',
    heading: 'BANK STATEMENTS OF THE RERA DESIGNATED AND ESCROW ACCOUNTS',
    kinds: ['document.bank_statement'],
  },
  {
    section: 'statutory',
    heading: 'APPROVALS, INSURANCE AND STATUTORY DOCUMENTS',
    kinds: ['document.approval', 'document.insurance', 'document.statutory'],
  },
  {
    section: 'site-plan',
    heading: 'SITE PLAN MARKING PHOTO LOCATIONS',
    kinds: ['document.site_plan', 'screenshot.map'],
  },
  { section: 'other-documents', heading: 'OTHER DOCUMENTS', kinds: ['document.other', 'screenshot.*'] },
];
