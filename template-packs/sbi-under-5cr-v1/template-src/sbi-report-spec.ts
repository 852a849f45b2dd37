import type { DocxAlign, DocxBlock, DocxSpec, DocxTableRow } from '@repogen/core';
import {
  areaSqm,
  rate,
  SQFT_PER_SQM,
  BOX,
  choice,
  DATE,
  formTable,
  heading,
  input,
  item,
  moneyTable,
  note,
  orNa,
  paragraph,
  RUPEES,
  showWhen,
  subhead,
  subheading,
  TO_SQFT,
  TWO_DP,
  value,
  yesNo,
} from './template-tags.js';

/**
 * The SBI Format A report (DOMAIN §2, REQUIREMENTS): the covering letter with the valuation
 * summary (pages 1–2, shared with the PSU formats), the Format A body (I, II, Parts A–F, the
 * total abstract, final values, the bank's counter-certificate), or the Format C sections for
 * a flat (composite-rate method), the declaration, the unticked document checklist and
 * enclosure list, then the annexure pages (SITE IMAGES, GPS PHOTOGRAPHS, GUIDELINE VALUE,
 * GOOGLE MAP, DOCUMENTS) laid out by the pack.
 */

const IS_FLAT = 'd.values.isFlat:ifEQ(true)';
const IS_LAND_AND_BUILDING = 'd.values.isFlat:ifNE(true)';

const RIGHT_LAST3: readonly DocxAlign[] = ['left', 'left', 'right'];

const ENUMS = {
  areaType: { RESIDENTIAL: 'Residential', COMMERCIAL: 'Commercial', INDUSTRIAL: 'Industrial' },
  class: { HIGH: 'High', MIDDLE: 'Middle', POOR: 'Poor' },
  urbanity: { METRO: 'Metro', URBAN: 'Urban', SEMI_URBAN: 'Semi-urban', RURAL: 'Rural' },
  tenure: { FREEHOLD: 'Freehold', LEASEHOLD: 'Leasehold' },
  occupancy: { OWNER_OCCUPIED: 'Occupied by the owner', TENANTED: 'Occupied by a tenant', VACANT: 'Vacant' },
  construction: {
    LOAD_BEARING: 'Load-bearing',
    RCC_FRAMED: 'RCC framed',
    STEEL_FRAMED: 'Steel framed',
    TEMPORARY: 'Temporary',
  },
  condition: { EXCELLENT: 'Excellent', GOOD: 'Good', NORMAL: 'Normal', POOR: 'Poor' },
} as const;

/** The six values of the covering letter and of the final page, in figures and words. */
function valuesTable(): DocxBlock {
  const row = (no: string, label: string, figure: string, words: string): DocxTableRow => ({
    cells: [no, label, { text: figure, bold: true }, words],
    align: ['left', 'left', 'right', 'left'],
  });
  return {
    kind: 'table',
    widths: [1.1, 5.1, 3.6, 7.2],
    rows: [
      { header: true, cells: ['No.', 'Particulars', 'Value (₹)', 'Value in words'] },
      row('1.', 'Present fair market value', value('fairMarketValueDisplay'), value('fairMarketValueWords')),
      row('2.', 'Realisable value', value('realizableValueDisplay'), value('realizableValueWords')),
      row('3.', 'Distress (forced-sale) value', value('distressValueDisplay'), value('distressValueWords')),
      row(
        '4.',
        'Guideline value (registrar / circle rate)',
        value('guidelineValueDisplay'),
        value('guidelineValueWords'),
      ),
      row('5.', 'Book value (= guideline value)', value('bookValueDisplay'), value('guidelineValueWords')),
      row('6.', 'Insurable value (structure only)', value('insurableValueDisplay'), value('insurableValueWords')),
    ],
  };
}

/** Place and date on the left, the valuer's signature block on the right. */
function signatureBlock(role: string): DocxBlock {
  return {
    kind: 'table',
    borders: false,
    widths: [8, 9],
    rows: [
      {
        cells: [
          `\n\nPlace: ${input('valuer.place')}\nDate: ${value('reportDateDisplay')}`,
          [
            { text: `\n\n\n(Signature and seal of the ${role})\n` },
            { text: `${input('valuer.name')}\n`, bold: true },
            `${input('valuer.qualification')}\nIBBI Reg. No. ${input('valuer.ibbiRegNo')}\n` +
              `${input('valuer.institute')}\nBank panel code ${input('valuer.bankPanelCode')}`,
          ],
        ],
        align: ['left', 'right'],
      },
    ],
  };
}

/** A loop table of the comparable transactions (Part A.3 and, for a flat, V.1). */
function comparablesTable(): DocxBlock {
  const c = (field: string, formatters = '') => input(`partA_land.comparables[i].${field}`, formatters);
  const next = (field: string) => input(`partA_land.comparables[i+1].${field}`);
  const align: readonly DocxAlign[] = ['left', 'left', 'left', 'right', 'right', 'left'];
  return {
    kind: 'table',
    widths: [1.1, 4.9, 2.2, 2, 2.4, 4.8],
    rows: [
      { header: true, cells: ['No.', 'Comparable property', 'Date', 'Area (sq m)', 'Rate (₹/sq m)', 'Source'] },
      {
        cells: [
          c('description', ':count()'),
          c('description'),
          c('date', DATE),
          c('areaSqm', TWO_DP),
          c('ratePerSqm', TWO_DP),
          c('source'),
        ],
        align,
      },
      { cells: [next('description'), '', '', '', '', ''], align },
    ],
  };
}

const COVERING_LETTER: readonly DocxBlock[] = [
  { kind: 'paragraph', style: 'Title', runs: input('valuer.firm') },
  {
    kind: 'paragraph',
    style: 'Subtitle',
    runs:
      `${input('valuer.name')}, ${input('valuer.qualification')} · IBBI Registered Valuer ${input('valuer.ibbiRegNo')}\n` +
      `${input('valuer.institute')} · Bank panel code ${input('valuer.bankPanelCode')}`,
  },
  {
    kind: 'table',
    borders: false,
    widths: [1, 1],
    rows: [
      {
        cells: [`Ref.: ${input('reportMeta.refNo')}`, `Date: ${value('reportDateDisplay')}`],
        align: ['left', 'right'],
      },
    ],
  },
  paragraph(`To,\n${input('addressee.officer')},\n${input('addressee.bank')},\n${input('addressee.branch')}.`),
  paragraph([
    { text: 'Sub.: ', bold: true },
    {
      text:
        `Valuation of the property offered as security by ${input('addressee.borrower')} ` +
        `(${input('addressee.loanProduct')}), situated at ${input('property.location.postalAddress')}`,
      bold: true,
    },
  ]),
  paragraph('Sir / Madam,'),
  paragraph(
    `As requested, the property described below was inspected on ${value('inspectionDateDisplay')} and valued as on ` +
      `${value('valuationDateDisplay')}. Purpose of the valuation: ${input('purpose')}. The valuation report, the ` +
      'declaration and the annexures are enclosed; the values are summarised below.',
    'both',
  ),
  subheading('Particulars of the property'),
  {
    kind: 'table',
    widths: [6, 11],
    rows: [
      { cells: ['Owner(s)', input('owners', ":arrayMap(', ', ' ', 'name')")] },
      { cells: ['Borrower', input('addressee.borrower')] },
      { cells: ['Property', input('property.description')] },
      { cells: ['Postal address', input('property.location.postalAddress')] },
      {
        cells: [
          `Extent of land considered${value('isFlat', ":ifEQ(true):show(' — UDS of the flat'):elseShow('')")}`,
          areaSqm((f) => value('extentConsideredSqm', f)),
        ],
      },
      { cells: ['Built-up area', areaSqm((f) => value('builtUpTotalSqm', f))] },
      {
        cells: [
          'Date of inspection / date of valuation',
          `${value('inspectionDateDisplay')} / ${value('valuationDateDisplay')}`,
        ],
      },
    ],
  },
  subheading('VALUATION SUMMARY'),
  valuesTable(),
  paragraph([
    { text: '{d.values.guidelineJustificationRequired:ifEQ(true):showBegin}Justification required: ', bold: true },
    `the fair market value differs from the guideline value by ${value('variationFromGuidelinePct', TWO_DP)} % ` +
      '(20 % or more); the valuer’s justification is given in the report.{d.values.guidelineJustificationRequired:showEnd}',
    { text: '{d.values.guidelineValue:ifEM:showBegin}Guideline value: ', bold: true },
    'the guideline (circle) rate was not available, so the guideline value and the book value are printed NA.' +
      '{d.values.guidelineValue:showEnd}',
  ]),
  paragraph(
    'I hereby certify that I have no direct or indirect interest in the property valued, that I inspected it ' +
      'personally, and that the information furnished in this report is true and correct to the best of my ' +
      'knowledge and belief.',
    'both',
  ),
  signatureBlock('valuer'),
  note(
    'Encl.: valuation report, declaration-cum-undertaking, model code of conduct, document checklist, annexures as per the enclosure list.',
  ),
];

const REPORT_TITLE: readonly DocxBlock[] = [
  {
    kind: 'paragraph',
    style: 'Title',
    pageBreakBefore: true,
    // carbone ends a formatter argument at the first ')', so the brackets stay outside the tag.
    runs: `VALUATION REPORT (IN RESPECT OF ${value('isFlat', ":ifEQ(true):show('FLATS'):elseShow('LAND / SITE AND BUILDING')")})`,
  },
  {
    kind: 'paragraph',
    style: 'Subtitle',
    runs:
      `State Bank of India — Format ${value('isFlat', ":ifEQ(true):show('C'):elseShow('A')")} ` +
      `(properties of value up to Rs. 5 crore) · Ref. ${input('reportMeta.refNo')} · ${value('reportDateDisplay')}`,
  },
];

const GENERAL: readonly DocxBlock[] = [
  heading('I. GENERAL'),
  formTable([
    item('1.', 'Purpose for which the valuation is made', input('purpose')),
    item('2. a)', 'Date of inspection', value('inspectionDateDisplay')),
    item('b)', 'Date on which the valuation is made', value('valuationDateDisplay')),
    item('3.', 'List of documents produced for perusal', 'As listed below'),
  ]),
  {
    kind: 'table',
    widths: [1.1, 5.5, 3.4, 2.2, 4.8],
    rows: [
      { header: true, cells: ['No.', 'Document', 'Number', 'Date', 'Issued by'] },
      {
        cells: [
          input('documentsPerused[i].type', ':count()'),
          input('documentsPerused[i].type'),
          input('documentsPerused[i].number'),
          input('documentsPerused[i].date', DATE),
          input('documentsPerused[i].issuer'),
        ],
      },
      { cells: [input('documentsPerused[i+1].type'), '', '', '', ''] },
    ],
  },
  formTable([item('4.', 'Name of the owner(s) and address(es) with phone no.', 'As listed below')]),
  {
    kind: 'table',
    widths: [1.1, 4.3, 3.5, 1.4, 4.5, 2.6],
    rows: [
      { header: true, cells: ['No.', 'Name', 'Relation', 'Share', 'Address', 'Phone'] },
      {
        cells: [
          input('owners[i].name', ':count()'),
          input('owners[i].name'),
          input('owners[i].relation'),
          `${input('owners[i].sharePct')} %`,
          input('owners[i].address'),
          input('owners[i].phone'),
        ],
      },
      { cells: [input('owners[i+1].name'), '', '', '', '', ''] },
    ],
  },
  formTable([
    item(
      '5.',
      'Brief description of the property (including leasehold / freehold)',
      `${input('property.description')}. Tenure: ${choice(input('property.tenure'), ENUMS.tenure)}.` +
        input(
          'property.tenure',
          ":ifEQ('LEASEHOLD'):show(' — lessor, lease expiry and residual term below'):elseShow('')",
        ),
    ),
    item(
      '',
      'Lease (if leasehold): lessor; expiry date; residual term',
      `${orNa(input('property.lease.lessor'))}; ${orNa(input('property.lease.expiryDate', DATE))}; ` +
        `${orNa(input('property.lease.residualTermYears'))}${input('property.lease.residualTermYears', ":ifNEM:show(' years')")}`,
    ),
    subhead('6.', 'Location of the property'),
    item(
      'a)',
      'Plot No. / Survey No.',
      `${input('property.location.plotNo')} / ${input('property.location.surveyNo')}`,
    ),
    item('b)', 'Door No.', input('property.location.doorNo')),
    item('c)', 'T.S. No. / Village', input('property.location.tsNoVillage')),
    item('d)', 'Ward / Taluka', input('property.location.wardTaluka')),
    item('e)', 'Mandal / District', input('property.location.mandalDistrict')),
    item(
      'f)',
      'Approved map / plan: number and date of issue',
      `${orNa(input('partB_building.approvedPlan.number'))}, ${input('partB_building.approvedPlan.date', DATE)}`,
    ),
    item('g)', 'Approved map / plan issuing authority', orNa(input('partB_building.approvedPlan.authority'))),
    item(
      'h)',
      'Whether the genuineness or authenticity of the approved map / plan is verified',
      yesNo(input('partB_building.approvedPlan.genuinenessVerified')),
    ),
    item(
      'i)',
      'Any other comments by the empanelled valuer on the approved plan',
      input('partB_building.approvedPlan.notProducedRemark'),
    ),
    item(
      '7.',
      'Postal address of the property',
      `${input('property.location.postalAddress')}, PIN ${input('property.location.pin')}`,
    ),
    item(
      '8.',
      'City / town; residential / commercial / industrial area',
      `${input('property.location.mandalDistrict')}; ${choice(input('property.areaType'), ENUMS.areaType)} area`,
    ),
    item(
      '9.',
      'Classification of the area: high / middle / poor; metro / urban / semi-urban / rural',
      `${choice(input('property.classification.class'), ENUMS.class)}; ${choice(input('property.classification.urbanity'), ENUMS.urbanity)}`,
    ),
    item('10.', 'Coming under corporation limit / village panchayat / municipality', input('property.localBody')),
    item(
      '11.',
      'Whether covered under any State / Central Govt. enactments (e.g. Urban Land Ceiling Act) or notified under agency area / scheduled area / cantonment area',
      input('property.govtEnactments'),
    ),
    item(
      '12.',
      'In case it is an agricultural land, any conversion to house site plots is contemplated',
      input('property.agriculturalConversion'),
    ),
    item('13.', 'Boundaries of the property', 'As per the deed and as per the site, below'),
  ]),
  {
    kind: 'table',
    widths: [2.2, 7.4, 7.4],
    rows: [
      { header: true, cells: ['Side', 'As per the deed', 'As per the site'] },
      ...(['north', 'south', 'east', 'west'] as const).map((side) => ({
        cells: [
          side.charAt(0).toUpperCase() + side.slice(1),
          input(`property.boundaries.asPerDeed.${side}`),
          input(`property.boundaries.asPerSite.${side}`),
        ],
      })),
      {
        cells: [
          'Remark',
          `Boundaries tally: ${yesNo(input('property.boundaries.matching'))}`,
          input('property.boundaries.remark'),
        ],
      },
    ],
  },
  formTable([item('14.', 'Dimensions of the site (m)', 'A: as per the deed; B: actual, below')]),
  {
    kind: 'table',
    widths: [2.2, 7.4, 7.4],
    rows: [
      { header: true, cells: ['Side', 'A. As per the deed (m)', 'B. Actual (m)'], align: ['left', 'right', 'right'] },
      ...(['north', 'south', 'east', 'west'] as const).map((side) => ({
        cells: [
          side.charAt(0).toUpperCase() + side.slice(1),
          orNa(input(`property.dimensionsM.asPerDeed.${side}`, TWO_DP)),
          orNa(input(`property.dimensionsM.actual.${side}`, TWO_DP)),
        ],
        align: ['left', 'right', 'right'] as const,
      })),
    ],
  },
  formTable([
    item(
      '14.1',
      'Latitude, longitude and co-ordinates of the site',
      `Latitude ${orNa(input('property.gps.lat'))}, longitude ${orNa(input('property.gps.lng'))}`,
    ),
    item(
      '15.',
      'Extent of the site: as per the deed; actual',
      `${areaSqm((f) => input('property.extentSqm.asPerDeed', f))}; ${areaSqm((f) => input('property.extentSqm.actual', f))}`,
    ),
    item(
      '16.',
      `Extent of the site considered for valuation (least of 14A and 14B${value('isFlat', ":ifEQ(true):show('; for a flat its undivided share of land'):elseShow('')")})`,
      { text: areaSqm((f) => value('extentConsideredSqm', f)), bold: true },
    ),
    item(
      '17.',
      'Whether occupied by the owner / tenant; if by a tenant, since when; rent received per month',
      `${choice(input('property.occupancy.status'), ENUMS.occupancy)}` +
        `${input('property.occupancy.status', ":ifEQ('TENANTED'):show('; tenant since '):elseShow('')")}${input('property.occupancy.tenantSince', DATE)}` +
        `${input('property.occupancy.status', ":ifEQ('TENANTED'):show('; rent per month '):elseShow('')")}${input('property.occupancy.rentPerMonth', RUPEES)}`,
    ),
  ]),
];

const SITE: readonly DocxBlock[] = [
  heading('II. CHARACTERISTICS OF THE SITE'),
  formTable([
    item('1.', 'Classification of the locality', input('siteCharacteristics.locality')),
    item('2.', 'Development of the surrounding areas', input('siteCharacteristics.surroundingDevelopment')),
    item('3.', 'Possibility of frequent flooding / submerging', input('siteCharacteristics.floodingRisk')),
    item(
      '4.',
      'Feasibility to the civic amenities like school, hospital, bus stop, market (distance in km)',
      `School ${input('siteCharacteristics.civicAmenitiesKm.school')} km; hospital ${input('siteCharacteristics.civicAmenitiesKm.hospital')} km; ` +
        `bus stop ${input('siteCharacteristics.civicAmenitiesKm.busStop')} km; market ${input('siteCharacteristics.civicAmenitiesKm.market')} km`,
    ),
    item('5.', 'Level of land with topographical conditions', input('siteCharacteristics.levelTopography')),
    item('6.', 'Shape of land', input('siteCharacteristics.shape')),
    item('7.', 'Type of use to which it can be put', input('siteCharacteristics.permittedUse')),
    item('8.', 'Any usage restriction', input('siteCharacteristics.usageRestriction')),
    item(
      '9.',
      'Is the plot in a town planning approved layout?',
      yesNo(input('siteCharacteristics.inTpApprovedLayout')),
    ),
    item(
      '10.',
      'Corner plot or intermittent plot?',
      input('siteCharacteristics.cornerPlot', ":ifEQ(true):show('Corner plot'):ifEQ(false):show('Intermittent plot')"),
    ),
    item('11.', 'Road facilities: type of road available at present', input('siteCharacteristics.roadType')),
    item(
      '12.',
      'Width of the road: is it below 20 ft or more than 20 ft?',
      `${input('siteCharacteristics.roadWidthM', TWO_DP)} m (${input(
        'siteCharacteristics.roadWidthAbove20ft',
        ":ifEQ(true):show('more than 20 ft'):ifEQ(false):show('below 20 ft')",
      )})`,
    ),
    item('13.', 'Is it a land-locked land?', yesNo(input('siteCharacteristics.landLocked'))),
    item('14.', 'Water potentiality', input('siteCharacteristics.waterPotentiality')),
    item('15.', 'Underground sewerage system', yesNo(input('siteCharacteristics.undergroundSewerage'))),
    item('16.', 'Is power supply available at the site?', yesNo(input('siteCharacteristics.powerSupply'))),
    item('17.', 'Advantages of the site', input('siteCharacteristics.advantages')),
    item(
      '18.',
      'Special remarks, if any: threat of acquisition of land for public service purposes, road widening or applicability of CRZ provisions (distance from the sea-coast / tidal level)',
      `${input('siteCharacteristics.specialRemarks')}${input('siteCharacteristics.crzApplicable', ":ifEQ(true):show('; CRZ applicable'):elseShow('')")}`,
    ),
  ]),
];

const PART_A: readonly DocxBlock[] = [
  heading('PART A — VALUATION OF LAND'),
  formTable([
    item(
      '1.',
      'Size of the plot (m): north & south; east & west',
      `${orNa(input('property.dimensionsM.actual.north', TWO_DP))} & ${orNa(input('property.dimensionsM.actual.south', TWO_DP))}; ` +
        `${orNa(input('property.dimensionsM.actual.east', TWO_DP))} & ${orNa(input('property.dimensionsM.actual.west', TWO_DP))}`,
    ),
    item(
      '2.',
      'Total extent of the plot (considered)',
      areaSqm((f) => value('extentConsideredSqm', f)),
    ),
    item(
      '3.',
      'Prevailing market rate (with at least two latest deals / transactions of adjacent properties)',
      `${rate((f) => input('partA_land.marketRatePerSqm', f))}; transactions below`,
    ),
  ]),
  comparablesTable(),
  formTable([
    item(
      '4.',
      'Guideline rate obtained from the Registrar’s office (evidence enclosed)',
      `${rate((f) => value('guidelineLandRatePerSqm', f))}; ${input('partA_land.guidelineEvidence')}`,
    ),
    item(
      '5.',
      'Assessed / adopted rate of valuation',
      `${rate((f) => value('adoptedLandRatePerSqm', f))} (${rate((f) => value('adoptedLandRatePerSqm', `:div(${SQFT_PER_SQM})${f}`), 'per sq ft')})`,
    ),
    item('6.', 'Estimated value of land', { text: value('landValue', RUPEES), bold: true }),
  ]),
  {
    kind: 'table',
    widths: [6, 2.6, 2.6, 2.8, 3],
    rows: [
      {
        header: true,
        cells: ['Extent', 'Area (sq m)', 'Area (sq ft)', 'Rate (₹/sq m)', 'Value (₹)'],
        align: ['left', 'right', 'right', 'right', 'right'],
      },
      {
        cells: [
          'As per the deed',
          input('property.extentSqm.asPerDeed', TWO_DP),
          input('property.extentSqm.asPerDeed', TO_SQFT),
          '',
          '',
        ],
        align: ['left', 'right', 'right', 'right', 'right'],
      },
      {
        cells: [
          'As per the site (actual)',
          input('property.extentSqm.actual', TWO_DP),
          input('property.extentSqm.actual', TO_SQFT),
          '',
          '',
        ],
        align: ['left', 'right', 'right', 'right', 'right'],
      },
      {
        cells: [
          'Considered (the lesser)',
          value('extentConsideredSqm', TWO_DP),
          value('extentConsideredSqft', TWO_DP),
          value('adoptedLandRatePerSqm', TWO_DP),
          value('landValueWorking', RUPEES),
        ],
        align: ['left', 'right', 'right', 'right', 'right'],
      },
      {
        bold: true,
        cells: ['Land value adopted (Part A)', '', '', '', value('landValue', RUPEES)],
        align: ['left', 'right', 'right', 'right', 'right'],
      },
    ],
  },
  formTable([
    item(
      '7.',
      'Guideline value of the property (land and building at guideline rates)',
      value('guidelineValueDisplay'),
    ),
    item(
      '8.',
      'Variation of the fair market value from the guideline value',
      `${value('variationFromGuidelinePct', `${TWO_DP}:ifEM:show('NA')`)}${value('variationFromGuidelinePct', ":ifNEM:show(' %')")}`,
    ),
    item('9.', 'Justification for the variation (20 % or more)', [
      {
        text: value('guidelineJustificationRequired', ":ifEQ(true):show('Justification required. '):elseShow('')"),
        bold: true,
      },
      input('partA_land.guidelineVariationJustification'),
    ]),
  ]),
];

const PART_B_ALIGN: readonly DocxAlign[] = [
  'left',
  'right',
  'right',
  'right',
  'right',
  'right',
  'right',
  'right',
  'right',
];

/**
 * The firm prints the depreciation percentage only (REQUIREMENTS: "No depreciation tables");
 * the per-floor table is the pack setting `printDepreciationTable` (DOMAIN precedence note).
 */
const PRINT_DEPRECIATION_TABLE = 'd.values.printDepreciationTable:ifEQ(true)';
const PERCENTAGE_ONLY = 'd.values.printDepreciationTable:ifNE(true)';

const FLOORS_ALIGN: readonly DocxAlign[] = ['left', 'right', 'right', 'right'];

/** The floors, their plinth areas and heights (Part B item 3), without money or depreciation. */
const FLOORS_TABLE: DocxBlock = {
  kind: 'table',
  widths: [6.5, 3.5, 3.5, 3.5],
  rows: [
    {
      header: true,
      cells: ['Floor', 'Plinth area (sq m)', 'Plinth area (sq ft)', 'Roof height (m)'],
      align: FLOORS_ALIGN,
    },
    {
      cells: [
        value('partB_rows[i].floor'),
        value('partB_rows[i].plinthAreaSqm', TWO_DP),
        value('partB_rows[i].plinthAreaSqm', TO_SQFT),
        value('partB_rows[i].roofHeightM', `${TWO_DP}:ifEM:show('NA')`),
      ],
      align: FLOORS_ALIGN,
    },
    { cells: [value('partB_rows[i+1].floor'), '', '', ''], align: FLOORS_ALIGN },
    {
      bold: true,
      cells: ['Total built-up', value('builtUpTotalSqm', TWO_DP), value('builtUpTotalSqm', TO_SQFT), ''],
      align: FLOORS_ALIGN,
    },
  ],
};

/** Part B per floor with replacement cost and depreciation, printed only when the setting asks for it. */
const DEPRECIATION_TABLE: DocxBlock = {
  kind: 'table',
  widths: [2.5, 1.8, 1.4, 1.6, 1.9, 2.2, 1.2, 2.0, 2.4],
  rows: [
    {
      header: true,
      cells: [
        'Floor',
        'Plinth area\n(sq m)',
        'Roof ht.\n(m)',
        'Age / life\n(years)',
        'Repl. rate\n(₹/sq m)',
        'Repl. cost\n(₹)',
        'Depn.\n%',
        'Depn.\n(₹)',
        'Net value\n(₹)',
      ].map((text) => ({ text, sizePt: 7.5 })),
      align: PART_B_ALIGN,
    },
    {
      cells: [
        value('partB_rows[i].floor'),
        value('partB_rows[i].plinthAreaSqm', TWO_DP),
        value('partB_rows[i].roofHeightM', TWO_DP),
        `${value('partB_rows[i].ageYears')} / ${value('partB_rows[i].lifeYears')}`,
        value('partB_rows[i].replacementRatePerSqm', ':formatIndian'),
        value('partB_rows[i].replacementCost', ':formatIndian'),
        value('partB_rows[i].depreciationPct', TWO_DP),
        value('partB_rows[i].depreciation', ':formatIndian'),
        value('partB_rows[i].netValue', ':formatIndian'),
      ],
      align: PART_B_ALIGN,
    },
    { cells: [value('partB_rows[i+1].floor'), '', '', '', '', '', '', '', ''], align: PART_B_ALIGN },
    {
      bold: true,
      cells: ['Total', value('builtUpTotalSqm', TWO_DP), '', '', '', '', '', '', value('partB_total', ':formatIndian')],
      align: PART_B_ALIGN,
    },
  ],
};

const PART_B: readonly DocxBlock[] = [
  heading('PART B — VALUATION OF BUILDING'),
  paragraph(
    '{d.values.hasBuilding:ifNE(true):showBegin}No building is valued: the property is a vacant plot. Part B is nil.' +
      '{d.values.hasBuilding:showEnd}',
  ),
];

const BUILDING_DETAILS: readonly DocxBlock[] = [
  formTable([
    item(
      '1.',
      'Type of building; type of construction',
      `${choice(input('partB_building.typeOfBuilding'), ENUMS.areaType)}; ${choice(input('partB_building.typeOfConstruction'), ENUMS.construction)}`,
    ),
    item(
      '2.',
      'Year of construction; age; estimated total life',
      `${input('partB_building.yearOfConstruction')}; ${orNa(value('buildingAgeYears'))} years; ${orNa(value('buildingLifeYears'))} years`,
    ),
    item('3.', 'Number of floors and height of each floor including basement', 'Floor-wise in the table below'),
    item(
      '4.',
      'Plinth area: total built-up; as per the approved plan; deviation',
      `${areaSqm((f) => value('builtUpTotalSqm', f))}; ${orNa(value('approvedTotalSqm', TWO_DP))} sq m; ` +
        `${value('deviationPct', `${TWO_DP}:ifEM:show('NA')`)}${value('deviationPct', ":ifNEM:show(' %')")}`,
    ),
    item(
      '5.',
      'FSI consumed; permissible',
      `${value('fsiConsumed', ':formatIndian(3)')}; ${orNa(input('partB_building.approvedPlan.permissibleFsi'))}`,
    ),
    item(
      '6.',
      'Condition of the building: exterior; interior',
      `${choice(input('partB_building.condition.exterior'), ENUMS.condition)}; ${choice(input('partB_building.condition.interior'), ENUMS.condition)}`,
    ),
    item('7.', 'Remark on deviation from the approved plan', input('partB_building.deviationRemark')),
    subhead('8.', 'Specifications of construction'),
    item('a)', 'Foundation', input('partB_building.specifications.foundation')),
    item('b)', 'Basement', input('partB_building.specifications.basement')),
    item('c)', 'Superstructure', input('partB_building.specifications.superstructure')),
    item('d)', 'Joinery / doors and windows', input('partB_building.specifications.joinery')),
    item('e)', 'RCC works', input('partB_building.specifications.rccWorks')),
    item('f)', 'Plastering', input('partB_building.specifications.plastering')),
    item('g)', 'Flooring, skirting, dado', input('partB_building.specifications.flooring')),
    item(
      'h)',
      'Special finish as marble, granite, wooden panelling, grills',
      input('partB_building.specifications.specialFinish'),
    ),
    item('i)', 'Roofing including weatherproof course', input('partB_building.specifications.roofing')),
    item('j)', 'Drainage', input('partB_building.specifications.drainage')),
    item(
      '9.',
      'Compound wall: height; length; type of construction',
      `${input('partB_building.compoundWall.heightM', TWO_DP)} m; ${input('partB_building.compoundWall.lengthM', TWO_DP)} m; ${input('partB_building.compoundWall.type')}`,
    ),
    item(
      '10.',
      'Electrical installation: type of wiring; class of fittings; light / fan / spare plug points',
      `${input('partB_building.electrical.wiring')}; ${input('partB_building.electrical.fittingsClass')}; ` +
        `${input('partB_building.electrical.lightPoints')} / ${input('partB_building.electrical.fanPoints')} / ${input('partB_building.electrical.sparePlugPoints')}`,
    ),
    item(
      '11.',
      'Plumbing installation: water closets; wash basins; urinals; bath tubs; taps',
      `${input('partB_building.plumbing.waterClosets')}; ${input('partB_building.plumbing.washBasins')}; ` +
        `${input('partB_building.plumbing.urinals')}; ${input('partB_building.plumbing.bathTubs')}; ${input('partB_building.plumbing.taps')}`,
    ),
  ]),
  ...showWhen(PRINT_DEPRECIATION_TABLE, [
    subheading('Details of valuation of the building (floor-wise)'),
    DEPRECIATION_TABLE,
    note('Repl. = replacement; Depn. = depreciation.'),
  ]),
  ...showWhen(PERCENTAGE_ONLY, [subheading('Floors of the building'), FLOORS_TABLE]),
  paragraph(
    `Depreciation: straight line, (100 − salvage ${value('salvagePct')} %) × age ÷ life = ${orNa(value('depreciationPct', TWO_DP))} %. ` +
      `Building value adopted (Part B): ${value('buildingValue', RUPEES)}.`,
  ),
];

const PARTS_C_TO_F: readonly DocxBlock[] = [
  heading('PART C — EXTRA ITEMS'),
  moneyTable(
    [
      ['Portico', input('partC_extraItems.portico', RUPEES)],
      ['Ornamental front door', input('partC_extraItems.ornamentalFrontDoor', RUPEES)],
      ['Sit-out / verandah with steel grills', input('partC_extraItems.sitOutVerandahWithGrills', RUPEES)],
      ['Overhead water tank', input('partC_extraItems.overheadWaterTank', RUPEES)],
      ['Extra steel / collapsible gates', input('partC_extraItems.extraSteelCollapsibleGates', RUPEES)],
    ],
    'Total (Part C)',
    value('partC_total', RUPEES),
  ),
  heading('PART D — AMENITIES'),
  moneyTable(
    [
      ['Wardrobes', input('partD_amenities.wardrobes', RUPEES)],
      ['Glazed tiles', input('partD_amenities.glazedTiles', RUPEES)],
      ['Extra sinks and bath tub', input('partD_amenities.extraSinksAndBathTub', RUPEES)],
      ['Marble / ceramic tiles flooring', input('partD_amenities.marbleCeramicFlooring', RUPEES)],
      ['Interior decorations', input('partD_amenities.interiorDecorations', RUPEES)],
      ['Architectural elevation works', input('partD_amenities.architecturalElevationWorks', RUPEES)],
      ['Panelling works', input('partD_amenities.panelingWorks', RUPEES)],
      ['Aluminium works', input('partD_amenities.aluminiumWorks', RUPEES)],
      ['Aluminium hand rails', input('partD_amenities.aluminiumHandRails', RUPEES)],
      ['False ceiling', input('partD_amenities.falseCeiling', RUPEES)],
    ],
    'Total (Part D)',
    value('partD_total', RUPEES),
  ),
  heading('PART E — MISCELLANEOUS'),
  moneyTable(
    [
      ['Separate toilet room', input('partE_miscellaneous.separateToiletRoom', RUPEES)],
      ['Separate lumber room', input('partE_miscellaneous.separateLumberRoom', RUPEES)],
      ['Separate water tank / sump', input('partE_miscellaneous.separateWaterTankSump', RUPEES)],
      ['Trees, gardening', input('partE_miscellaneous.treesGardening', RUPEES)],
    ],
    'Total (Part E)',
    value('partE_total', RUPEES),
  ),
  heading('PART F — SERVICES'),
  moneyTable(
    [
      ['Water supply arrangements', input('partF_services.waterSupplyArrangements', RUPEES)],
      ['Drainage arrangements', input('partF_services.drainageArrangements', RUPEES)],
      ['Compound wall', input('partF_services.compoundWall', RUPEES)],
      ['C.B. deposits, fittings etc.', input('partF_services.ebDepositsFittings', RUPEES)],
      ['Pavement', input('partF_services.pavement', RUPEES)],
    ],
    'Total (Part F)',
    value('partF_total', RUPEES),
  ),
];

const FLAT: readonly DocxBlock[] = [
  heading('FLAT DETAILS'),
  formTable([
    item('1.', 'Floor; door / flat No.', `${input('flat.floorNo')} floor; flat No. ${input('flat.doorNo')}`),
    item(
      '2.',
      'Carpet area',
      areaSqm((f) => input('flat.carpetAreaSqm', f)),
    ),
    item(
      '3.',
      'Built-up area',
      areaSqm((f) => input('flat.builtUpAreaSqm', f)),
    ),
    item(
      '4.',
      'Super built-up area',
      areaSqm((f) => input('flat.superBuiltUpAreaSqm', f)),
    ),
    item(
      '5.',
      'Undivided share of land (UDS)',
      areaSqm((f) => input('flat.udsLandSqm', f)),
    ),
    item(
      '6.',
      'Year of construction; age; estimated total life',
      `${orNa(input('flat.yearOfConstruction'))}; ${value('buildingAgeYears')} years; ${value('buildingLifeYears')} years`,
    ),
  ]),
  heading('V. MARKETABILITY AND RATE'),
  formTable([item('1.', 'Composite rate of comparable flats in the locality', 'Transactions below')]),
  comparablesTable(),
  formTable([
    item(
      '2.',
      'Adopted basic composite rate of the flat under valuation',
      rate((f) => value('totalCompositeRatePerSqm', f)),
    ),
    subhead('3.', 'Break-up of the composite rate'),
    item(
      '(i)',
      'Building and services',
      rate((f) => value('depreciatedBuildingRatePerSqm', f)),
    ),
    item(
      '(ii)',
      'Land and others',
      rate((f) => value('landAndOthersRatePerSqmBuiltUp', f), 'per sq m of built-up area'),
    ),
    item(
      '4.',
      'Guideline rate obtained from the Registrar’s office',
      rate((f) => value('guidelineLandRatePerSqm', f)),
    ),
  ]),
  heading('VI. COMPOSITE RATE ADOPTED AFTER DEPRECIATION'),
  formTable([
    subhead('a.', 'Depreciated building rate'),
    item(
      '',
      'Replacement cost of the flat with services',
      rate((f) => input('flat.replacementRateWithServicesPerSqm', f)),
    ),
    item('', 'Age of the building', `${value('buildingAgeYears')} years`),
    item('', 'Life of the building estimated', `${value('buildingLifeYears')} years`),
    item(
      '',
      `Depreciation percentage assuming the salvage value as ${value('salvagePct')} %`,
      `${value('depreciationPct', TWO_DP)} %`,
    ),
    item('', 'Depreciated ratio of the building', `${value('depreciationPct', ':mul(-1):add(100):formatIndian(2)')} %`),
    item(
      '',
      'Depreciated building rate VI(a)',
      rate((f) => value('depreciatedBuildingRatePerSqm', f)),
    ),
    subhead('b.', 'Total composite rate arrived for valuation'),
    item(
      '',
      'Depreciated building rate VI(a)',
      rate((f) => value('depreciatedBuildingRatePerSqm', f)),
    ),
    item(
      '',
      'Rate for land and other V(3)(ii)',
      rate((f) => value('landAndOthersRatePerSqmBuiltUp', f)),
    ),
    item('', 'Total composite rate', { text: rate((f) => value('totalCompositeRatePerSqm', f)), bold: true }),
  ]),
  heading('DETAILS OF VALUATION'),
  paragraph(
    `Present value of the flat = built-up area ${value('builtUpTotalSqm', TWO_DP)} sq m × composite rate ` +
      `₹${value('totalCompositeRatePerSqm', TWO_DP)} per sq m = ${value('flatValue', RUPEES)}.`,
  ),
  moneyTable(
    [
      ['Present value of the flat (incl. car parking, if provided)', value('flatValue', RUPEES)],
      ['Wardrobes', input('flat.extras.wardrobes', RUPEES)],
      ['Showcases', input('flat.extras.showcases', RUPEES)],
      ['Kitchen arrangements', input('flat.extras.kitchenArrangements', RUPEES)],
      ['Superfine finish', input('flat.extras.superfineFinish', RUPEES)],
      ['Interior decorations', input('flat.extras.interiorDecorations', RUPEES)],
      ['Electricity deposits / electrical fittings', input('flat.extras.electricityDepositsFittings', RUPEES)],
      ['Extra collapsible gates / grill works', input('flat.extras.extraCollapsibleGatesGrills', RUPEES)],
      ['Covered car parking', input('flat.extras.coveredCarParking', RUPEES)],
    ],
    'Total value of the flat',
    value('totalWithExtras', RUPEES),
  ),
];

const ABSTRACT_LAND_AND_BUILDING: DocxBlock = {
  kind: 'table',
  widths: [2, 10, 5],
  rows: [
    { header: true, cells: ['Part', 'Particulars', 'Value (₹)'], align: RIGHT_LAST3 },
    { cells: ['Part A', 'Land', value('landValue', RUPEES)], align: RIGHT_LAST3 },
    { cells: ['Part B', 'Building', value('buildingValue', RUPEES)], align: RIGHT_LAST3 },
    { cells: ['Part C', 'Extra items', value('partC_total', RUPEES)], align: RIGHT_LAST3 },
    { cells: ['Part D', 'Amenities', value('partD_total', RUPEES)], align: RIGHT_LAST3 },
    { cells: ['Part E', 'Miscellaneous', value('partE_total', RUPEES)], align: RIGHT_LAST3 },
    { cells: ['Part F', 'Services', value('partF_total', RUPEES)], align: RIGHT_LAST3 },
    { bold: true, cells: ['', 'Total', value('abstractTotal', RUPEES)], align: RIGHT_LAST3 },
    { bold: true, cells: ['', 'Say (fair market value)', value('fairMarketValueDisplay')], align: RIGHT_LAST3 },
  ],
};

const ABSTRACT_FLAT: DocxBlock = {
  kind: 'table',
  widths: [2, 10, 5],
  rows: [
    { header: true, cells: ['', 'Particulars', 'Value (₹)'], align: RIGHT_LAST3 },
    { cells: ['1.', 'Present value of the flat (composite rate)', value('flatValue', RUPEES)], align: RIGHT_LAST3 },
    {
      cells: ['2.', 'Extras (wardrobes, kitchen, deposits, grills, parking)', value('flatExtrasTotal', RUPEES)],
      align: RIGHT_LAST3,
    },
    { bold: true, cells: ['', 'Total', value('abstractTotal', RUPEES)], align: RIGHT_LAST3 },
    { bold: true, cells: ['', 'Say (fair market value)', value('fairMarketValueDisplay')], align: RIGHT_LAST3 },
  ],
};

const VALUATION: readonly DocxBlock[] = [
  heading('TOTAL ABSTRACT OF THE ENTIRE PROPERTY'),
  ...showWhen(IS_LAND_AND_BUILDING, [ABSTRACT_LAND_AND_BUILDING]),
  ...showWhen(IS_FLAT, [ABSTRACT_FLAT]),
  heading('METHOD OF VALUATION AND REMARKS'),
  ...showWhen(IS_LAND_AND_BUILDING, [
    paragraph(
      'Land and building method: the land is valued by comparison with recent transactions of adjacent ' +
        'properties (Part A); the building at its replacement cost less depreciation (Part B); extra items, ' +
        'amenities, miscellaneous works and services at their present cost (Parts C to F).',
      'both',
    ),
  ]),
  ...showWhen(IS_FLAT, [
    paragraph(
      'Composite rate method: the depreciated building rate with services plus the rate for land and others, ' +
        'applied to the built-up area of the flat, with the extras listed under the details of valuation.',
      'both',
    ),
  ]),
  formTable([
    item('1.', 'Boundaries', input('property.boundaries.remark')),
    item('2.', 'Deviation from the approved plan', input('partB_building.deviationRemark')),
    item('3.', 'Special remarks', input('siteCharacteristics.specialRemarks')),
  ]),
  heading('VALUE OF THE PROPERTY'),
  paragraph(
    [
      'As a result of my appraisal and analysis, it is my considered opinion that the present fair market value of the ' +
        'above property in the prevailing condition with the aforesaid specifications is ',
      { text: `${value('fairMarketValueDisplay')} (${value('fairMarketValueWords')})`, bold: true },
      '. The realisable value, the distress value, the guideline value, the book value and the insurable value are:',
    ],
    'both',
  ),
  valuesTable(),
  signatureBlock('valuer'),
  heading('CERTIFICATE BY THE BANK’S OFFICER'),
  paragraph(
    'The undersigned has inspected the property detailed in the valuation report dated ________________ on ' +
      '________________. We are satisfied that the fair and reasonable market value of the property is ' +
      '₹ ____________________ (Rupees ____________________________________________________ only).',
    'both',
  ),
  {
    kind: 'table',
    borders: false,
    widths: [8, 9],
    rows: [
      {
        cells: ['\n\nDate:', '\n\n\nSignature\nName of the Branch Manager with office seal'],
        align: ['left', 'right'],
      },
    ],
  },
];

const DECLARATION_ITEMS = [
  'I am a citizen of India.',
  'I have no direct or indirect interest in the property valued, and will not take any interest in it within three years before or after the valuation.',
  `The information furnished in my valuation report dated ${value('reportDateDisplay')} is true and correct to the best of my knowledge and belief, and I have made an impartial and true valuation of the property.`,
  `I, or my authorised representative, inspected the property on ${value('inspectionDateDisplay')}. The work is not sub-contracted to any other valuer and is carried out by myself.`,
  'The valuation report is submitted in the format prescribed by the bank.',
  'I have not been depanelled or removed from any bank, financial institution or government organisation; if I am, I will inform the bank within 3 days.',
  'I have not been removed or dismissed from service or employment earlier.',
  'I have not been convicted of any offence and sentenced to imprisonment, nor found guilty of misconduct in my professional capacity.',
  'I am not an undischarged bankrupt or insolvent, and I am not of unsound mind.',
  'No penalty has been levied on me under section 271J of the Income-tax Act, 1961, and I have not been convicted under the Income-tax, Wealth-tax or Gift-tax Acts.',
  `My PAN is ${input('valuer.pan')}. I shall inform the bank of any event that makes me ineligible, and I have not concealed or suppressed any material information.`,
  'I have read the Handbook on Policy, Standards and Procedures for Real Estate Valuation by Banks and HFIs in India, 2011, of the IBA and NHB, and the International Valuation Standards, and I have to the best of my ability followed them in this valuation.',
  'I abide by the Model Code of Conduct for empanelment of valuers in the bank.',
  `I am registered under section 247 of the Companies Act, 2013 (IBBI Reg. No. ${input('valuer.ibbiRegNo')}), and I am competent to sign this valuation report.`,
  'I undertake the valuation work only on receipt of a letter of engagement generated by the bank.',
] as const;

const RULE_8_ITEMS: readonly (readonly [string, string])[] = [
  ['Background information of the asset being valued', input('property.description')],
  [
    'Purpose of valuation and appointing authority',
    `${input('purpose')}; ${input('addressee.bank')}, ${input('addressee.branch')}`,
  ],
  [
    'Identity of the valuer and any other experts involved in the valuation',
    `${input('valuer.name')}, ${input('valuer.qualification')}, IBBI Reg. No. ${input('valuer.ibbiRegNo')}`,
  ],
  ['Disclosure of valuer interest or conflict, if any', 'None'],
  [
    'Date of appointment, valuation date and date of report',
    `Inspection ${value('inspectionDateDisplay')}; valuation ${value('valuationDateDisplay')}; report ${value('reportDateDisplay')}`,
  ],
  [
    'Inspections and / or investigations undertaken',
    `Site inspected on ${value('inspectionDateDisplay')}; documents perused as listed in I.3`,
  ],
  [
    'Nature and sources of the information used or relied upon',
    'Documents produced by the owner, registered transactions (index-II), guideline rates of the registrar, local enquiry',
  ],
  [
    'Procedures adopted in carrying out the valuation and valuation standards followed',
    value('isFlat', ":ifEQ(true):show('Composite rate method'):elseShow('Land and building method')") +
      '; IBA handbook (2011) and the International Valuation Standards',
  ],
  ['Restrictions on use of the report, if any', 'For the use of the bank named above, for the purpose stated only'],
  [
    'Major factors that were taken into account during the valuation',
    'Location, extent, construction and its age, amenities, comparable transactions and guideline rates',
  ],
  ['Conclusion', `Fair market value ${value('fairMarketValueDisplay')} (${value('fairMarketValueWords')})`],
  [
    'Caveats, limitations and disclaimers',
    'Title and legal aspects are not verified; the value holds as on the valuation date for the stated purpose only',
  ],
];

const DECLARATION: readonly DocxBlock[] = [
  heading('DECLARATION-CUM-UNDERTAKING', true),
  paragraph(`I, ${input('valuer.name')}, do hereby solemnly affirm and state that:`),
  {
    kind: 'table',
    borders: false,
    widths: [0.8, 16.2],
    rows: DECLARATION_ITEMS.map((text, index) => ({
      cells: [`${String.fromCharCode(97 + index)})`, text],
      align: ['left', 'both'] as const,
    })),
  },
  subheading('Information required by rule 8 of the Companies (Registered Valuers and Valuation) Rules, 2017'),
  {
    kind: 'table',
    widths: [1.1, 6.1, 9.8],
    rows: [
      { header: true, cells: ['No.', 'Particulars', 'Valuer’s comment'] },
      ...RULE_8_ITEMS.map(([label, text], index) => ({ cells: [`${index + 1}.`, label, text] })),
    ],
  },
  signatureBlock('valuer'),
];

const CODE_OF_CONDUCT: readonly DocxBlock[] = [
  heading('MODEL CODE OF CONDUCT FOR VALUERS'),
  {
    kind: 'table',
    borders: false,
    widths: [0.8, 16.2],
    rows: (
      [
        'Integrity and fairness: I conduct my business with integrity and fairness in all dealings with clients and others.',
        'Professional competence and due care: I render services with due care, diligence and skill, within my competence.',
        'Independence and disclosure of interest: I act independently and disclose every interest that may bear on the valuation.',
        'Confidentiality: I keep confidential the information received in the course of the valuation.',
        'Information management: I keep the records of each valuation and give them to the authorities when asked.',
        'Gifts and hospitality: I accept no gift or hospitality that may influence my independence.',
        'Remuneration and costs: I charge a fair remuneration, agreed in writing, and no contingent fee.',
        'Occupation, employability and restrictions: I take no assignment that conflicts with my duties as a valuer.',
        'Miscellaneous: I follow the valuation standards and the bank’s instructions, and report any breach.',
      ] as const
    ).map((text, index) => ({ cells: [`${index + 1}.`, text], align: ['left', 'both'] as const })),
  },
  signatureBlock('valuer'),
];

const CHECKLIST_DOCUMENTS = [
  'Sale deed (title) and link deeds',
  'RTC / "Uttar" ownership extract / 7/12 / property card / khata',
  'NA / conversion order',
  'Layout plan',
  'Building permission drawing and letter / approved plan',
  'Commencement certificate',
  'Completion / occupancy certificate',
  'Property tax receipt',
  'Encumbrance certificate',
  'Electricity bill / water bill',
  'Guideline (circle) rate extract',
  'Identity and address proof of the owner(s)',
] as const;

const ENCLOSURES = [
  'Valuation certificate (covering letter)',
  'Valuation report (Format A / Format C)',
  'Declaration-cum-undertaking',
  'Model code of conduct',
  'SITE IMAGES',
  'GPS PHOTOGRAPHS',
  'GUIDELINE VALUE (rate extract / screenshot)',
  'GOOGLE MAP (location and route)',
  'Comparable transactions (index-II)',
  'Copies of the documents perused',
] as const;

const CHECKLISTS: readonly DocxBlock[] = [
  heading('DOCUMENT CHECKLIST', true),
  note('To be ticked by hand.'),
  {
    kind: 'table',
    widths: [1.1, 8.5, 2.2, 2.2, 3],
    rows: [
      {
        header: true,
        cells: ['No.', 'Document', 'Produced', 'Copy enclosed', 'Remarks'],
        align: ['left', 'left', 'center', 'center', 'left'],
      },
      ...CHECKLIST_DOCUMENTS.map((text, index) => ({
        cells: [`${index + 1}.`, text, BOX, BOX, ''],
        align: ['left', 'left', 'center', 'center', 'left'] as const,
      })),
    ],
  },
  heading('ENCLOSURES'),
  note('To be ticked by hand.'),
  {
    kind: 'table',
    widths: [1.1, 11.9, 4],
    rows: [
      { header: true, cells: ['No.', 'Enclosure', 'Enclosed'], align: ['left', 'left', 'center'] },
      ...ENCLOSURES.map((text, index) => ({
        cells: [`${index + 1}.`, text, BOX],
        align: ['left', 'left', 'center'] as const,
      })),
    ],
  },
  paragraph(
    `Site co-ordinates for the map: latitude ${orNa(input('property.gps.lat'))}, longitude ${orNa(input('property.gps.lng'))}.`,
  ),
];

export const SBI_REPORT_SPEC: DocxSpec = {
  title: 'SBI Format A valuation report',
  header: `${input('addressee.bank')} · Valuation report ${input('reportMeta.refNo')} · ${value('reportDateDisplay')}`,
  fontSizePt: 9,
  blocks: [
    ...COVERING_LETTER,
    ...REPORT_TITLE,
    ...GENERAL,
    ...SITE,
    ...showWhen(IS_LAND_AND_BUILDING, [
      ...PART_A,
      ...PART_B,
      ...showWhen('d.values.hasBuilding:ifEQ(true)', BUILDING_DETAILS),
      ...PARTS_C_TO_F,
    ]),
    ...showWhen(IS_FLAT, FLAT),
    ...VALUATION,
    ...DECLARATION,
    ...CODE_OF_CONDUCT,
    ...CHECKLISTS,
    { kind: 'annexurePages' },
  ],
};
