import type { AnnexureSection } from '@repogen/sdk/pack';

/**
 * Evidence annexures in print order (DOMAIN §3.c items 4–10); equal to the manifest's
 * `annexures` (a test checks it). Items 1–3 (statements, schedules, sensitivity) are computed
 * tables that the templates print before these.
 */
export const annexureSections: readonly AnnexureSection[] = [
  { section: 'quotations', heading: 'MACHINERY QUOTATIONS', kinds: ['document.quotation'] },
  { section: 'approvals', heading: 'APPROVALS AND NOCS', kinds: ['document.approval', 'document.noc'] },
  {
    section: 'land-documents',
    heading: 'LAND DOCUMENTS AND LAYOUT',
    kinds: ['document.sale_deed', 'document.lease_deed', 'document.layout_plan', 'document.land_record'],
  },
  { section: 'kyc', heading: 'KYC AND REGISTRATIONS', kinds: ['document.kyc', 'document.registration'] },
  {
    section: 'ca-certificate',
    heading: 'CA CERTIFICATE OF PROMOTER CONTRIBUTION AND NET WORTH',
    kinds: ['document.ca_certificate'],
  },
  { section: 'promoter-cvs', heading: "PROMOTERS' CVS", kinds: ['document.cv'] },
  {
    section: 'photographs',
    heading: 'PHOTOGRAPHS',
    kinds: ['photo.exterior', 'photo.interior', 'photo.surroundings', 'photo.gps'],
  },
  { section: 'other-documents', heading: 'OTHER DOCUMENTS', kinds: ['document.other', 'screenshot.*'] },
];
