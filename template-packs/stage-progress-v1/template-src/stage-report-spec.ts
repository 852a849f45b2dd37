import type { DocxAlign, DocxBlock, DocxSpec } from '@repogen/core';
import {
  caption,
  chart,
  factsTable,
  inputListOrNote,
  LAKH,
  loopTable,
  signatureBlock,
} from '../../dpr-v1/template-src/pf-template-blocks.js';
import {
  choice,
  DATE,
  heading,
  input,
  note,
  paragraph,
  showWhen,
  value,
} from '../../sbi-under-5cr-v1/template-src/template-tags.js';

/**
 * The stage-wise construction inspection / LIE disbursement report (DOMAIN §4): the one-page
 * summary and recommendation first (§4.e), then the progress table with its weighted column,
 * the cost table "Budget | CA incurred | LIE certified | Balance to complete", sources against
 * uses, the schedule, the disbursement working, compliance, the photograph register and the
 * engineer's certificate; the annexures follow in the order of §4.c.
 */

const STAGE_TEMPLATE = {
  COST_WEIGHTED: 'Cost-weighted components, project LIE',
  CLP_MAHARERA: 'Construction-linked plan, MahaRERA model agreement',
  INDIVIDUAL_HOUSE: 'Individual house, self-construction stages',
} as const;
const OR_NA = ":ifEM:show('NA')";
const NOT_FURNISHED = ":ifEM:show('Not furnished')";
const YES_NO = ":ifEQ(true):show('Yes'):elseShow('No')";
const PCT = ":formatIndian(2):ifEM:show('NA')";

function lakhCell(name: string): string {
  return value(name, LAKH);
}

const TITLE: readonly DocxBlock[] = [
  { kind: 'paragraph', style: 'Title', runs: 'STAGE-WISE CONSTRUCTION PROGRESS REPORT' },
  {
    kind: 'paragraph',
    style: 'Subtitle',
    runs: `Lender’s independent engineer · inspection no. ${input('reportMeta.inspectionNo')} of ${input('project.name')} · for ${input('lender.name')}, ${input('lender.branch')}`,
  },
  factsTable([
    ['Report reference', input('reportMeta.refNo')],
    [
      'Inspection date / report date',
      `${input('reportMeta.inspectionDate', DATE)} / ${input('reportMeta.reportDate', DATE)}`,
    ],
    ['Period covered', `${input('reportMeta.periodFrom', DATE)} to ${input('reportMeta.periodTo', DATE)}`],
    ['Unit of account', 'All amounts ₹ in lakh (1 lakh = ₹1,00,000) unless stated'],
  ]),
];

/**
 * Under the recommendation, each finding that withholds it (DOMAIN §4.b: no recommendation
 * while an ERROR is open, §4.d: none while the promoter is short, the insurance has lapsed or
 * the QPR is unfiled); a loop over no finding prints nothing.
 */
function recommendationFlags(): DocxBlock[] {
  return ['RECOMMENDATION_WITH_OPEN_ERRORS', 'RECOMMENDATION_NOT_ALLOWED', 'TRANCHE_ABOVE_ELIGIBLE'].flatMap((code) => [
    paragraph([
      { text: 'RECOMMENDATION FLAGGED: ', bold: true, color: 'B00020' },
      `{d.warnings[i, code='${code}'].message}`,
    ]),
    paragraph(`{d.warnings[i+1, code='${code}'].message}`),
  ]);
}

const SUMMARY: readonly DocxBlock[] = [
  heading('1. SUMMARY AND RECOMMENDATION'),
  factsTable(
    [
      ['Physical progress of construction (weighted)', { text: `${value('physicalProgressPct', PCT)} %`, bold: true }],
      [
        'Financial progress (CA-certified construction cost ÷ budget)',
        `${value('financialProgressPct_CA', PCT)} % (gap ${value('physicalVsFinancialGapPp', PCT)} pp)`,
      ],
      [
        'Planned progress as on date / SPI',
        `${input('plannedPhysicalProgressPctAsOnDate', PCT)} % / ${value('schedulePerformanceIndex', ':formatIndian(3)')}`,
      ],
      [
        'Cost incurred: CA-certified / LIE-certified (₹ in lakh)',
        `${lakhCell('caCertifiedTotalCost')} / ${lakhCell('lieCertifiedTotalCost')}`,
      ],
      [
        'Funds brought in: sources + creditors (₹ in lakh)',
        `${value('sourcesTable.total', LAKH)} against uses of ${value('sourcesTable.uses', LAKH)}`,
      ],
      [
        'Bank finance: sanctioned / disbursed to date (₹ in lakh)',
        `${input('lender.sanctionedAmount', LAKH)} / ${input('fundsInfused.bankDisbursedToDate', LAKH)}`,
      ],
      [
        'Eligible cumulative / available (₹ in lakh)',
        `${lakhCell('eligibleCumulativeBankDisbursement')} / ${lakhCell('availableForDisbursement')}`,
      ],
      [
        'Tranche requested (₹ in lakh)',
        `${input('disbursementRequest.requestedAmount', LAKH)} on ${input('disbursementRequest.requestDate', DATE)}`,
      ],
    ],
    [10, 7],
  ),
  {
    kind: 'table',
    widths: [1],
    rows: [
      {
        cells: [
          [
            { text: 'RECOMMENDED DISBURSEMENT: ', bold: true, sizePt: 11 },
            { text: value('recommendedDisbursementDisplay'), bold: true, sizePt: 11 },
            '\n',
            value('recommendedDisbursementInWords'),
          ],
        ],
        align: ['center'],
      },
    ],
  },
  ...recommendationFlags(),
  paragraph([
    { text: 'Conditions precedent: ', bold: true },
    input('recommendation.conditionsPrecedent', ":ifEM:show('None beyond the sanction terms')"),
  ]),
  paragraph([
    { text: 'Next inspection: ', bold: true },
    input('recommendation.nextInspectionDate', `${DATE}:ifEM:show('To be fixed')`),
  ]),
];

const PROJECT: readonly DocxBlock[] = [
  heading('2. PROJECT AND LENDER', true),
  factsTable([
    ['Lender, branch', `${input('lender.name')}, ${input('lender.branch')}`],
    [
      'Facility, sanctioned amount (₹ in lakh), date',
      `${input('lender.facility')}, ${input('lender.sanctionedAmount', LAKH)}, ${input('lender.sanctionDate', DATE)}`,
    ],
    ['Promoter / borrower', input('promoter.name')],
    [
      'RERA registration no. / completion date',
      `${input('promoter.reraRegNo', OR_NA)} / ${input('promoter.reraCompletionDate', `${DATE}${OR_NA}`)}`,
    ],
    ['Project', input('project.name')],
    ['Address', input('project.address')],
    ['Site GPS', `${input('project.gps.lat', OR_NA)}, ${input('project.gps.lng', OR_NA)}`],
    ['Units: total / booked', `${input('project.units.total', OR_NA)} / ${input('project.units.booked', OR_NA)}`],
    [
      'Construction start; planned duration; months elapsed',
      `${input('project.constructionStart', DATE)}; ${input('project.plannedDurationMonths')} months; ${input('project.monthsElapsed')} months`,
    ],
    ['Stage definitions', choice(input('stageTemplate'), STAGE_TEMPLATE)],
  ]),
  caption('Towers and blocks', ''),
  loopTable({
    source: 'input',
    list: 'project.towers',
    columns: [
      { header: 'Tower / block', width: 5, field: 'name' },
      { header: 'Configuration', width: 4, field: 'floors' },
      { header: 'Slabs cast', width: 4, field: 'slabsCast', formatters: ':formatIndian' },
      { header: 'Slabs total', width: 4, field: 'slabsTotal', formatters: ':formatIndian' },
    ],
  }),
  note(`RCC progress = slabs cast ÷ slabs total over all towers = ${value('rccProgressPct', PCT)} %.`),
];

function componentsTable(): DocxBlock {
  const align: DocxAlign[] = ['left', 'left', 'right', 'right', 'right'];
  return {
    kind: 'table',
    widths: [1.1, 8.3, 2.5, 2.5, 2.6],
    rows: [
      { header: true, cells: ['No.', 'Component / stage', 'Weight %', '% complete', 'Weighted %'], align },
      {
        cells: [
          value('components[i].component', ':count()'),
          value('components[i].component'),
          value('components[i].weightPct', LAKH),
          value('components[i].progressPct', LAKH),
          value('components[i].weightedPct', LAKH),
        ],
        align,
      },
      { cells: [value('components[i+1].component'), '', '', '', ''], align },
      {
        bold: true,
        cells: ['', 'Total: physical progress', value('weightsTotalPct', LAKH), '', value('physicalProgressPct', LAKH)],
        align,
      },
    ],
  };
}

const PROGRESS: readonly DocxBlock[] = [
  heading('3. PHYSICAL PROGRESS'),
  caption('Component-wise progress', '% of the construction budget'),
  componentsTable(),
  note('Physical progress = Σ (weight × % complete). Weights come from the approved budget or BoQ and add up to 100.'),
  ...chart('progress-by-stage', 'Chart 1: progress by stage'),
];

function costTable(): DocxBlock {
  const align: DocxAlign[] = ['left', 'right', 'right', 'right', 'right'];
  const row = (field: string) => value(`costTable.rows[i].${field}`, LAKH);
  const total = (field: string) => value(`costTable.total.${field}`, LAKH);
  return {
    kind: 'table',
    widths: [5.4, 2.9, 2.9, 2.9, 2.9],
    rows: [
      { header: true, cells: ['Head', 'Budget', 'CA incurred', 'LIE certified', 'Balance to complete'], align },
      {
        cells: [
          value('costTable.rows[i].head'),
          row('budget'),
          row('caIncurred'),
          row('lieCertified'),
          row('balanceToComplete'),
        ],
        align,
      },
      { cells: [value('costTable.rows[i+1].head'), '', '', '', ''], align },
      {
        bold: true,
        cells: ['Total', total('budget'), total('caIncurred'), total('lieCertified'), total('balanceToComplete')],
        align,
      },
    ],
  };
}

const COST: readonly DocxBlock[] = [
  heading('4. COST INCURRED AND CERTIFIED', true),
  caption('Budget | CA incurred | LIE certified | Balance to complete'),
  costTable(),
  factsTable(
    [
      [
        'CA certificate no. / UDIN / as on',
        `${input('costIncurredCa.certificateNo', OR_NA)} / ${input('costIncurredCa.udin', OR_NA)} / ${input('costIncurredCa.asOn', `${DATE}${OR_NA}`)}`,
      ],
      ['Earned value of construction (physical % × budget)', lakhCell('earnedValueConstruction')],
      [
        'Material at site verified / advances to contractors',
        `${input('lieVerification.materialAtSiteVerified', LAKH)} / ${input('lieVerification.advancesToContractors', LAKH)}`,
      ],
      ['LIE-certified construction cost (EV + verified material)', lakhCell('lieCertifiedConstructionCost')],
      ['Cost not verified (CA − LIE)', lakhCell('unverifiedCost')],
      ['Cost performance index (EV ÷ work cost)', value('costPerformanceIndex', ':formatIndian(4)')],
      ['Estimate at completion, construction', lakhCell('estimateAtCompletionConstruction')],
      ['Projected overrun', `${lakhCell('projectedOverrun')} (${value('projectedOverrunPct', PCT)} %)`],
    ],
    [10, 7],
  ),
  note(
    'All amounts ₹ in lakh. The LIE certifies the lower of the engineer’s estimate and the cost booked; material at site counts only when verified.',
  ),
];

const FUNDS: readonly DocxBlock[] = [
  heading('5. MEANS OF FINANCE AND FUNDS INFUSED'),
  caption('Means of finance as budgeted'),
  {
    kind: 'table',
    widths: [12, 5],
    rows: [
      { header: true, cells: ['Source', 'Budget'], align: ['left', 'right'] },
      { cells: ['Promoter equity', input('meansOfFinance.promoterEquity', LAKH)], align: ['left', 'right'] },
      {
        cells: ['Bank construction finance', input('meansOfFinance.bankConstructionFinance', LAKH)],
        align: ['left', 'right'],
      },
      { cells: ['Customer advances', input('meansOfFinance.customerAdvances', LAKH)], align: ['left', 'right'] },
      { bold: true, cells: ['Total', value('meansOfFinanceTotal', LAKH)], align: ['left', 'right'] },
    ],
  },
  caption('Sources brought in against uses (CA-certified cost)'),
  loopTable({
    list: 'sourcesTable.rows',
    columns: [
      { header: 'Source', width: 12, field: 'source' },
      { header: 'Amount', width: 5, field: 'amount', formatters: LAKH },
    ],
    totals: [
      { cells: ['Total sources', value('sourcesTable.total', LAKH)] },
      { cells: ['Uses: cost incurred (CA)', value('sourcesTable.uses', LAKH)] },
    ],
  }),
  paragraph(
    `Customer advances received ${input('fundsInfused.customerAdvancesReceived', LAKH)}; deposited in the RERA designated account ` +
      `${input('fundsInfused.customerAdvancesInReraDesignatedAccount', LAKH)} = ${value('reraDepositPct', PCT)} % (at least 70 % required).`,
  ),
];

const SCHEDULE: readonly DocxBlock[] = [
  heading('6. SCHEDULE', true),
  factsTable([
    ['Planned progress as on date (baseline)', `${input('plannedPhysicalProgressPctAsOnDate', PCT)} %`],
    ['Actual physical progress', `${value('physicalProgressPct', PCT)} %`],
    ['Schedule performance index (actual ÷ planned)', value('schedulePerformanceIndex', ':formatIndian(3)')],
    ['Slippage', `${value('slippagePp', PCT)} pp`],
    [
      'Forecast duration / delay',
      `${value('forecastDurationMonths', PCT)} months / ${value('forecastDelayMonths', PCT)} months`,
    ],
    [
      'Forecast completion / RERA completion date',
      `${value('forecastCompletionDate', `${DATE}${OR_NA}`)} / ${input('promoter.reraCompletionDate', `${DATE}${OR_NA}`)}`,
    ],
  ]),
  caption('Milestones: planned against actual', ''),
  ...inputListOrNote(
    'milestones',
    'No milestones listed in the report data.',
    loopTable({
      source: 'input',
      list: 'milestones',
      columns: [
        { header: 'Milestone', width: 9, field: 'milestone' },
        { header: 'Planned', width: 4, field: 'plannedDate', formatters: DATE },
        { header: 'Actual', width: 4, field: 'actualDate', formatters: `${DATE}:ifEM:show('—')` },
      ],
    }),
  ),
  ...chart('progress-overall', 'Chart 2: physical, planned and financial progress'),
];

const DISBURSEMENT: readonly DocxBlock[] = [
  heading('7. DISBURSEMENT'),
  caption('Eligible disbursement'),
  factsTable(
    [
      ['Bank share of the project cost (sanction ÷ budget)', `${value('bankSharePct', PCT)} %`],
      [
        'Eligible cumulative = min(sanction, share × LIE-certified cost)',
        lakhCell('eligibleCumulativeBankDisbursement'),
      ],
      ['Less: disbursed to date', input('fundsInfused.bankDisbursedToDate', LAKH)],
      ['Available for disbursement', lakhCell('availableForDisbursement')],
      ['Requested', input('disbursementRequest.requestedAmount', LAKH)],
      ['Eligible tranche = min(available, requested)', lakhCell('eligibleTranche')],
      ['Recommended', { text: lakhCell('recommendedDisbursement'), bold: true }],
      ['Cumulative bank disbursement after this tranche', lakhCell('cumulativeBankDisbursementAfterTranche')],
      [
        'Promoters’ contribution required (25 % × certified cost) / brought in',
        `${lakhCell('promoterContributionRequired')} / ${lakhCell('promoterContributionBrought')}`,
      ],
      ['Promoters’ shortfall', lakhCell('promoterShortfall')],
    ],
    [10, 7],
  ),
  caption('Previous recommendations against disbursements'),
  paragraph(
    "{d.values.previousTranches.rows:ifEM:show('This is the first recommendation: there are no previous tranches.'):elseShow('')}",
  ),
  ...showWhen('d.values.previousTranches.rows:ifNEM', [
    loopTable({
      list: 'previousTranches.rows',
      columns: [
        { header: 'Inspection', width: 3, field: 'inspectionNo' },
        { header: 'Date', width: 4, field: 'date', formatters: DATE },
        { header: 'Recommended', width: 5, field: 'recommended', formatters: LAKH },
        { header: 'Disbursed', width: 5, field: 'disbursed', formatters: LAKH },
      ],
      totals: [
        {
          cells: [
            'Total',
            '',
            value('previousTranches.totalRecommended', LAKH),
            value('previousTranches.totalDisbursed', LAKH),
          ],
        },
      ],
    }),
  ]),
];

const COMPLIANCE: readonly DocxBlock[] = [
  heading('8. COMPLIANCE'),
  factsTable([
    ['RERA quarterly progress report filed for the last quarter', input('statutory.reraQprFiledForQuarter', YES_NO)],
    [
      'Contractor’s all-risk (CAR) insurance valid till',
      input('statutory.insuranceCarPolicyValidTill', `${DATE}${OR_NA}`),
    ],
    ['Labour cess paid', input('statutory.labourCessPaid', YES_NO)],
    ['Approvals status', input('statutory.approvalsStatus', NOT_FURNISHED)],
    ['Quality and safety observations', input('statutory.qualityAndSafetyObservations', NOT_FURNISHED)],
    [
      'Deviations from the sanctioned plan',
      input('statutory.deviationsFromSanctionedPlan', ":ifEM:show('None observed')"),
    ],
  ]),
];

const PHOTOS: readonly DocxBlock[] = [
  heading('9. PHOTOGRAPH REGISTER', true),
  caption(
    `Progress photographs: ${value('photosCount')} taken; farthest ${value('maxPhotoDistanceFromSiteM', ':formatIndian(1)')} m from the site GPS`,
    '',
  ),
  {
    kind: 'table',
    widths: [1, 7.2, 3.6, 5.2],
    rows: [
      { header: true, cells: ['No.', 'Caption', 'Taken at', 'Latitude, longitude'] },
      {
        cells: [
          input('photos[i].file', ':count()'),
          input('photos[i].caption'),
          input('photos[i].takenAt', ":formatD('DD-MM-YYYY HH:mm')"),
          `${input('photos[i].lat')}, ${input('photos[i].lng')}`,
        ],
      },
      { cells: [input('photos[i+1].file'), '', '', ''] },
    ],
  },
  caption('Photograph checks: date against the inspection, distance from the site', ''),
  loopTable({
    list: 'photoChecks',
    columns: [
      { header: 'File', width: 6.6, field: 'file' },
      { header: 'Taken on', width: 2.8, field: 'takenOn', formatters: DATE },
      { header: 'Days from inspection', width: 2.6, field: 'daysFromInspection', formatters: ':formatIndian' },
      { header: 'Distance (m)', width: 2.4, field: 'distanceM', formatters: ':formatIndian(1)' },
      { header: 'Tower', width: 2.6, field: 'tower' },
    ],
  }),
];

const CERTIFICATE: readonly DocxBlock[] = [
  heading('10. CERTIFICATE'),
  paragraph(
    `We certify that we inspected the site on ${input('reportMeta.inspectionDate', DATE)}, that the progress stated is as seen by us and as ` +
      'recorded in the photographs, and that the cost is certified on the basis of the CA certificate and our own verification.',
  ),
  signatureBlock(input('project.name'), input('reportMeta.reportDate', DATE), [
    { text: `${input('recommendation.signatory', ":ifEM:show('Lender’s independent engineer')")}\n`, bold: true },
    'Chartered engineer / LIE, with seal',
  ]),
];

const ANNEXURES: readonly DocxBlock[] = [
  heading('ANNEXURES', true),
  factsTable(
    [
      ['Annexure 1', 'Progress photographs (dated, geo-tagged; each tower, four elevations and close-ups)'],
      ['Annexure 2', 'Component-wise progress sheet and tower / slab status (below)'],
      ['Annexure 3', 'CA certificate of cost incurred and means of finance (with UDIN)'],
      ['Annexure 4', 'Architect’s / engineer’s certificate (RERA Form 1 / 2 where applicable)'],
      ['Annexure 5', 'Bank statements of the RERA designated and escrow accounts'],
      ['Annexure 6', 'Approvals, insurance and other statutory documents'],
      ['Annexure 7', 'Previous recommendation against disbursement table (section 7)'],
      ['Annexure 8', 'Site plan marking the photo locations'],
    ],
    [3.5, 13.5],
  ),
  heading('ANNEXURE 1 — PROGRESS PHOTOGRAPHS'),
  paragraph(
    'The dated, geo-tagged progress photographs follow; the photograph register with each one’s date and distance from the site is in section 9.',
  ),
  { kind: 'annexurePages', sections: ['progress-photographs'] },
  heading('ANNEXURE 2 — COMPONENT-WISE PROGRESS SHEET AND TOWER / SLAB STATUS', true),
  loopTable({
    source: 'input',
    list: 'components',
    columns: [
      { header: 'Component / stage', width: 5, field: 'component' },
      { header: 'Previous %', width: 2, field: 'previousProgressPct', formatters: PCT },
      { header: 'Now %', width: 2, field: 'progressPct', formatters: LAKH },
      { header: 'Tower-wise notes', width: 4, field: 'towerNotes' },
      { header: 'Activities this period', width: 4, field: 'activitiesThisPeriod' },
    ],
  }),
];

export const STAGE_REPORT_SPEC: DocxSpec = {
  title: 'Stage-wise construction progress report',
  header: `${input('lender.name')} · LIE report ${input('reportMeta.refNo')} · inspection ${input('reportMeta.inspectionDate', DATE)}`,
  fontSizePt: 9,
  blocks: [
    ...TITLE,
    ...SUMMARY,
    ...PROJECT,
    ...PROGRESS,
    ...COST,
    ...FUNDS,
    ...SCHEDULE,
    ...DISBURSEMENT,
    ...COMPLIANCE,
    ...PHOTOS,
    ...CERTIFICATE,
    ...ANNEXURES,
    heading('ANNEXURES 3 TO 8 — CERTIFICATES, STATEMENTS AND SITE PLAN', true),
    paragraph(
      'The site plan marking the photo locations, when furnished as a picture, follows. The CA and architect’s certificates, the bank statements, the statutory documents and any other document furnished are attached after the last page of this report, in the order of the annexures; the previous recommendations against disbursements (Annexure 7) are tabled in section 7.',
    ),
    { kind: 'annexurePages', exceptSections: ['progress-photographs'] },
  ],
};
