import type { DocxBlock, DocxSpec } from '@repogen/core';
import {
  amountTable,
  APPROVAL_STATUS,
  balanceSheetTables,
  breakEvenBlocks,
  breakEvenByYearTable,
  caption,
  chart,
  depreciationTable,
  dscrTable,
  factsTable,
  firrTable,
  fundsFlowStatement,
  inputListOrNote,
  interestRests,
  LAKH,
  LAND_TENURE,
  loopTable,
  operatingStatement,
  profitabilityStatement,
  RATIO,
  repaymentTable,
  returnsBlocks,
  sensitivityTable,
  signatureBlock,
  subheading,
} from '../../dpr-v1/template-src/pf-template-blocks.js';
import {
  choice,
  DATE,
  heading,
  input,
  note,
  paragraph,
  value,
} from '../../sbi-under-5cr-v1/template-src/template-tags.js';

/**
 * The techno-economic viability study (DOMAIN §5): cover letter naming the lender, chapters
 * 1–10 in the order of §5.a — the snapshot table and the boxed verdict first — and annexures
 * 1–10 of §5.c: the assumptions, statements, schedules and workings printed from the pack's
 * values, the benchmark and approval lists, then the evidence pages (site photographs, CA
 * certificates) and the consultant's independence declaration with the team.
 */

const VERDICT = {
  VIABLE: 'VIABLE',
  VIABLE_WITH_CONDITIONS: 'VIABLE WITH CONDITIONS',
  NOT_VIABLE: 'NOT VIABLE',
} as const;
const LEVEL = { LOW: 'Low', MEDIUM: 'Medium', HIGH: 'High' } as const;
const VOLUME = { volume: 'Occupancy', sales: 'Revenue' } as const;
const OR_NA = ":ifEM:show('NA')";
const NOT_FURNISHED = ":ifEM:show('Not furnished')";
const TWO_DP_OR_NA = ":formatIndian(2):ifEM:show('NA')";

function consultantSignature(): DocxBlock {
  return signatureBlock(
    input('declarations.place', ":ifEM:show('')"),
    input('declarations.date', `${DATE}:ifEM:show('')`),
    [
      { text: `${input('declarations.signatory', ":ifEM:show('Authorised signatory')")}\n`, bold: true },
      `for ${input('reportMeta.consultant', ":ifEM:show('the consultant')")}`,
    ],
  );
}

const COVER: readonly DocxBlock[] = [
  { kind: 'paragraph', style: 'Title', runs: 'TECHNO-ECONOMIC VIABILITY STUDY' },
  { kind: 'paragraph', style: 'Subtitle', runs: input('project.description') },
  { kind: 'paragraph', align: 'center', runs: [{ text: input('borrower.name'), bold: true, sizePt: 13 }] },
  { kind: 'paragraph', align: 'center', runs: input('borrower.projectSite') },
  {
    kind: 'paragraph',
    align: 'center',
    runs: [{ text: `Prepared for ${input('lender.name')}, ${input('lender.branch')}`, bold: true }],
  },
  factsTable([
    ['Report reference', input('reportMeta.refNo')],
    ['Report date', input('reportMeta.reportDate', DATE)],
    ['Site visit', input('reportMeta.siteVisitDate', `${DATE}${OR_NA}`)],
    ['Consultant', input('reportMeta.consultant', NOT_FURNISHED)],
    [
      'Proposed exposure (₹ in lakh)',
      `Term loan ${input('lender.proposedExposure.termLoan', LAKH)}; cash credit ${input('lender.proposedExposure.cashCredit', `${LAKH}${OR_NA}`)}`,
    ],
    ['Unit of account', 'All amounts ₹ in lakh (1 lakh = ₹1,00,000) unless stated'],
  ]),
  paragraph(
    `We have studied the techno-economic viability of the project of ${input('borrower.name')} at the lender’s request. ` +
      'Our findings, based on the documents furnished, the site visit and our own projections, are set out in this report.',
  ),
  consultantSignature(),
];

const EXECUTIVE_SUMMARY: readonly DocxBlock[] = [
  heading('1. EXECUTIVE SUMMARY AND CONCLUSION', true),
  caption('Snapshot of the project', ''),
  factsTable([
    ['Project', input('project.description')],
    ['Capacity', `${input('project.beds', ':formatIndian')} beds`],
    [
      'Cost of project (₹ in lakh)',
      [{ text: value('projectCostTotal', LAKH), bold: true }, ` (${value('projectCostInWords')})`],
    ],
    [
      'Means of finance (₹ in lakh)',
      `Term loan ${input('meansOfFinance.termLoan', LAKH)}; promoters ${value('promoterContribution', LAKH)}`,
    ],
    [
      'Debt–equity ratio / promoters’ share',
      `${value('debtEquityRatio', RATIO)} : 1 / ${value('promoterContributionPct', RATIO)} %`,
    ],
    ['DCCO (scheduled COD)', input('project.scheduledCod', `${DATE}${OR_NA}`)],
    ['Average / minimum DSCR', `${value('avgDscr', RATIO)} / ${value('minDscr', RATIO)}`],
    ['FIRR / NPV (₹ in lakh)', `${value('firrPct', RATIO)} % / ${value('npv', LAKH)}`],
    [
      'Break-even occupancy / cash break-even',
      `${value('breakEven.bepPctOfInstalledCapacity', RATIO)} % / ${value('breakEven.cashBepPctOfInstalledCapacity', RATIO)} % (year ${value('breakEven.year')})`,
    ],
    ['Payback (years)', value('paybackYears', RATIO)],
    [
      'Repayment tenor',
      `${value('repaymentTenorYears')} years = ${value('repaymentTenorPctOfEconomicLife', RATIO)} % of the ${input('project.economicLifeYears')}-year economic life`,
    ],
  ]),
  {
    kind: 'table',
    widths: [1],
    rows: [
      {
        cells: [
          [
            { text: 'VERDICT: ', bold: true, sizePt: 11 },
            { text: choice(input('verdict', OR_NA), VERDICT), bold: true, sizePt: 11 },
            '\n',
            input('conclusion', NOT_FURNISHED),
            '\n',
            input('keyConditions', ":ifNEM:show('Key conditions: '):elseShow('')"),
            input('keyConditions', ":ifEM:show('')"),
          ],
        ],
        align: ['center'],
      },
    ],
  },
];

const INTRODUCTION: readonly DocxBlock[] = [
  heading('2. INTRODUCTION'),
  factsTable([
    ['Terms of reference', input('introduction.termsOfReference', NOT_FURNISHED)],
    ['Lender', `${input('lender.name')}, ${input('lender.branch')}`],
    ['Scope', input('introduction.scope', NOT_FURNISHED)],
    ['Methodology', input('introduction.methodology', NOT_FURNISHED)],
    ['Site visit date', input('reportMeta.siteVisitDate', `${DATE}${OR_NA}`)],
    ['Documents reviewed', input('introduction.documentsReviewed', NOT_FURNISHED)],
    ['Limitations', input('introduction.limitations', NOT_FURNISHED)],
  ]),
];

const PROMOTERS: readonly DocxBlock[] = [
  heading('3. PROMOTERS AND MANAGEMENT'),
  caption('Promoters', ''),
  loopTable({
    source: 'input',
    list: 'borrower.promoters',
    columns: [
      { header: 'Name', width: 5.2, field: 'name' },
      { header: 'Qualification', width: 4.2, field: 'qualification' },
      { header: 'Experience (years)', width: 2.6, field: 'experienceYears', formatters: ':formatIndian' },
      { header: 'Share %', width: 2.2, field: 'sharePct', formatters: LAKH },
      { header: 'Net worth (₹ lakh)', width: 2.8, field: 'netWorth', formatters: `${LAKH}${OR_NA}` },
    ],
  }),
  factsTable([
    ['Entity and constitution', `${input('borrower.name')}, ${input('borrower.constitution')}`],
    ['CIN', input('borrower.cin', OR_NA)],
    ['Group exposure', input('borrower.groupExposure', NOT_FURNISHED)],
    ['Credit history', input('borrower.creditHistory', NOT_FURNISHED)],
    ['Organisation and key personnel', input('borrower.keyPersonnel', NOT_FURNISHED)],
  ]),
];

function approvalsTable(): DocxBlock {
  return {
    kind: 'table',
    widths: [7, 5, 2.5, 2.5],
    rows: [
      { header: true, cells: ['Approval', 'Authority', 'Status', 'Date'] },
      {
        cells: [
          input('project.approvals[i].name'),
          input('project.approvals[i].authority', ":ifEM:show('—')"),
          choice(input('project.approvals[i].status'), APPROVAL_STATUS),
          input('project.approvals[i].date', `${DATE}:ifEM:show('—')`),
        ],
      },
      { cells: [input('project.approvals[i+1].name'), '', '', ''] },
    ],
  };
}

function equipmentTable(): DocxBlock {
  return loopTable({
    source: 'input',
    list: 'technical.equipment',
    columns: [
      { header: 'Equipment', width: 4.6, field: 'item' },
      { header: 'Make', width: 3, field: 'make' },
      { header: 'Capacity', width: 3, field: 'capacity' },
      { header: 'Quoted (₹ lakh)', width: 3.2, field: 'quotedAmount', formatters: LAKH },
      { header: 'Benchmark (₹ lakh)', width: 3.2, field: 'benchmarkAmount', formatters: `${LAKH}${OR_NA}` },
    ],
  });
}

const PROJECT: readonly DocxBlock[] = [
  heading('4. PROJECT'),
  factsTable([
    ['Description', input('project.description')],
    ['Capacity', `${input('project.beds', ':formatIndian')} beds`],
    ['Location', input('borrower.projectSite')],
    [
      'Land',
      `${choice(input('project.land.tenure', OR_NA), LAND_TENURE)}${input('project.land.areaSqm', ":ifNEM:show(', '):elseShow('')")}${input('project.land.areaSqm', ':formatIndian(2)')}${input('project.land.areaSqm', ":ifNEM:show(' sq m'):elseShow('')")}`,
    ],
    ['Zoning', input('project.land.zoning', OR_NA)],
    [
      'Implementation: construction period and DCCO',
      `${input('project.constructionMonths', OR_NA)} months; DCCO ${input('project.scheduledCod', `${DATE}${OR_NA}`)}`,
    ],
    ['EPC / contracting structure', input('project.epcStructure', NOT_FURNISHED)],
  ]),
  caption('Approvals', ''),
  ...inputListOrNote('project.approvals', 'No approvals listed in the report data.', approvalsTable()),
];

const TECHNICAL: readonly DocxBlock[] = [
  heading('5. TECHNICAL'),
  factsTable([
    ['Technology and process', input('technical.technology', NOT_FURNISHED)],
    ['Civil', input('technical.civil', NOT_FURNISHED)],
    ['Utilities', input('technical.utilities', NOT_FURNISHED)],
    ['Inputs', input('technical.inputs', NOT_FURNISHED)],
    ['Manpower', input('technical.manpower', NOT_FURNISHED)],
    ['Environment and safety', input('technical.environmentAndSafety', NOT_FURNISHED)],
    ['Technical risks', input('technical.technicalRisks', NOT_FURNISHED)],
  ]),
  caption('Equipment: quotations against benchmarks', ''),
  ...inputListOrNote('technical.equipment', 'No equipment quotations listed in the report data.', equipmentTable()),
];

const MARKET: readonly DocxBlock[] = [
  heading('6. MARKET'),
  factsTable([
    ['Industry', input('market.industry', NOT_FURNISHED)],
    ['Demand drivers', input('market.demandDrivers', NOT_FURNISHED)],
    ['Catchment and competition', input('market.competition', NOT_FURNISHED)],
    ['Pricing (ARPOB)', input('market.pricing', NOT_FURNISHED)],
    ['Ramp-up justification', input('market.rampUpJustification', NOT_FURNISHED)],
  ]),
  caption('ARPOB and occupancy by year', 'ARPOB in ₹, occupancy in %'),
  loopTable({
    list: 'yearRows',
    columns: [
      { header: 'Year', width: 4, field: 'label' },
      { header: 'Occupancy %', width: 4, field: 'capacityUtilPct', formatters: LAKH },
      { header: 'ARPOB (₹)', width: 4.5, field: 'arpobRs', formatters: LAKH },
      { header: 'Revenue (₹ lakh)', width: 4.5, field: 'sales', formatters: LAKH },
    ],
  }),
  note('Revenue = beds × 365 × occupancy × ARPOB ÷ 1,00,000 (₹ lakh).'),
];

const COST_AND_MEANS: readonly DocxBlock[] = [
  heading('7. COST OF PROJECT AND MEANS OF FINANCE'),
  caption('Cost of project'),
  amountTable('projectCostRows', 'head', 'Head of cost', 'Total cost of project', value('projectCostTotal', LAKH)),
  note(
    `Contingency at ${input('projectCost.contingencyPctOnBuildingAndEquipment', TWO_DP_OR_NA)} % of building and equipment.`,
  ),
  caption('Means of finance'),
  amountTable('meansOfFinanceRows', 'source', 'Source', 'Total means of finance', value('meansOfFinanceTotal', LAKH)),
];

const FINANCIAL_ANALYSIS: readonly DocxBlock[] = [
  heading('8. FINANCIAL ANALYSIS', true),
  subheading('8.1 Projected profitability'),
  caption('Projected profitability (summary; the full statements are in Annexure 2)'),
  loopTable({
    list: 'yearRows',
    columns: [
      { header: 'Year', width: 2.6, field: 'label' },
      { header: 'Occ. %', width: 1.9, field: 'capacityUtilPct', formatters: LAKH },
      { header: 'Revenue', width: 2.5, field: 'sales', formatters: LAKH },
      { header: 'EBITDA', width: 2.5, field: 'ebitda', formatters: LAKH },
      { header: 'PBT', width: 2.5, field: 'pbt', formatters: LAKH },
      { header: 'Tax', width: 2.3, field: 'tax', formatters: LAKH },
      { header: 'PAT', width: 2.5, field: 'pat', formatters: LAKH },
    ],
  }),
  note('Tax is charged only after losses brought forward are set off.'),
  subheading('8.2 Debt service coverage'),
  ...dscrTable(),
  ...chart('dscr-by-year', 'Chart 1: DSCR by year against the lender’s comfort levels'),
  subheading('8.3 Break-even'),
  ...breakEvenBlocks('occupancy'),
  subheading('8.4 FIRR, NPV and payback'),
  ...returnsBlocks(),
];

const SENSITIVITY_AND_RISK: readonly DocxBlock[] = [
  heading('9. SENSITIVITY AND RISK MATRIX', true),
  ...sensitivityTable('occ.'),
  ...chart('sensitivity', 'Chart 2: minimum and average DSCR in each sensitivity case'),
  caption('Risk matrix', ''),
  ...inputListOrNote('riskMatrix', 'No risks are listed in the report data.', {
    kind: 'table',
    widths: [4.2, 3.2, 2.4, 2.2, 5],
    rows: [
      { header: true, cells: ['Risk', 'Sensitivity case', 'Likelihood', 'Impact', 'Mitigant'] },
      {
        cells: [
          value('riskRows[i].risk'),
          value('riskRows[i].caseLabel', ":ifEM:show('—')"),
          choice(value('riskRows[i].likelihood', ":ifEM:show('—')"), LEVEL),
          choice(value('riskRows[i].impact', ":ifEM:show('—')"), LEVEL),
          value('riskRows[i].mitigant'),
        ],
      },
      { cells: [value('riskRows[i+1].risk'), '', '', '', ''] },
    ],
  }),
];

const RECOMMENDATION: readonly DocxBlock[] = [
  heading('10. RECOMMENDATION'),
  paragraph([
    { text: 'Viability opinion: ', bold: true },
    { text: choice(input('verdict', OR_NA), VERDICT), bold: true },
  ]),
  paragraph(input('conclusion', NOT_FURNISHED)),
  paragraph([{ text: 'Covenants and conditions: ', bold: true }, input('keyConditions', NOT_FURNISHED)]),
  consultantSignature(),
];

const ANNEXURES: readonly DocxBlock[] = [
  heading('ANNEXURE 1 — ASSUMPTIONS', true),
  factsTable([
    ['Projection period', `${input('assumptions.projectionYears')} years`],
    ['Occupancy by year', `${input('assumptions.occupancyPct', ":arrayJoin(' %, ')")} %`],
    [
      'ARPOB, year 1',
      `₹${input('assumptions.arpobYear1Rs', ':formatIndian')}, growing ${input('assumptions.arpobGrowthPct', TWO_DP_OR_NA)} % a year`,
    ],
    ['Variable cost', `${input('assumptions.variableCostPctOfRevenue', TWO_DP_OR_NA)} % of revenue`],
    [
      'Fixed cash cost, year 1 (₹ in lakh)',
      `${input('assumptions.fixedCashCostYear1', LAKH)}, growing ${input('assumptions.fixedCostGrowthPct', TWO_DP_OR_NA)} % a year`,
    ],
    [
      'Tax',
      `${input('assumptions.taxRatePct', ':formatIndian(3)')} %; losses carried forward: ${input('assumptions.lossCarryForward', ":ifEQ(true):show('Yes'):elseShow('No')")}`,
    ],
    [
      'Term loan',
      `${input('assumptions.termLoanRatePct', TWO_DP_OR_NA)} % p.a. with ${interestRests()}; moratorium ${input('assumptions.moratoriumYears')} year(s); structured repayment ${input('assumptions.repaymentPctByYear', ":arrayJoin(' %, ')")} % of the loan`,
    ],
    ['Interest on working capital (₹ in lakh a year)', input('assumptions.workingCapitalInterestPerYear', LAKH)],
    [
      'Working capital in the balance sheet (₹ in lakh)',
      `current assets ${value('currentAssets', LAKH)}, funded by the margin money of ${input('projectCost.marginMoneyWorkingCapital', LAKH)} in the cost of project and a cash credit of ${value('cashCredit', LAKH)}`,
    ],
    ['Depreciation', input('assumptions.depreciationMethod', ":ifEM:show('SLM')")],
    ['Discount rate for NPV', `${input('assumptions.discountRatePct', TWO_DP_OR_NA)} %`],
    ['Residual value', input('assumptions.residualValueBasis', OR_NA)],
  ]),
  heading('ANNEXURE 2 — PROJECTED P&L, BALANCE SHEET AND CASH FLOW', true),
  ...operatingStatement(VOLUME),
  ...profitabilityStatement(),
  ...balanceSheetTables(),
  note(
    'Current assets are the working capital the margin money and the cash credit fund; cash and bank is the closing cash of the funds-flow statement below, never a balancing figure.',
  ),
  ...fundsFlowStatement(),
  heading('ANNEXURE 3 — DEPRECIATION, REPAYMENT AND INTEREST SCHEDULES', true),
  ...depreciationTable(),
  ...repaymentTable(),
  heading('ANNEXURE 4 — DSCR, BEP AND IRR / NPV WORKING', true),
  ...breakEvenByYearTable('occupancy'),
  ...firrTable(),
  heading('ANNEXURE 5 — SENSITIVITY TABLES'),
  ...sensitivityTable('occ.'),
  heading('ANNEXURE 6 — COST BENCHMARKS AND QUOTATIONS'),
  ...inputListOrNote('technical.equipment', 'No equipment quotations listed in the report data.', equipmentTable()),
  heading('ANNEXURE 7 — APPROVALS STATUS'),
  ...inputListOrNote('project.approvals', 'No approvals listed in the report data.', approvalsTable()),
  heading('ANNEXURES 8 AND 9 — SITE PHOTOGRAPHS, LOCATION MAP AND CA CERTIFICATES'),
  paragraph(
    'The site visit photographs and the location map follow. The promoters’ net-worth / CA certificates, like the other documents furnished (quotations, approvals, the signed declaration), are attached after the last page of this report, in the order of the annexures.',
  ),
  { kind: 'annexurePages' },
  heading('ANNEXURE 10 — INDEPENDENCE DECLARATION AND TEAM', true),
  paragraph(
    input(
      'declarations.independence',
      ":ifEQ(true):show('We declare that we are independent of the borrower, its promoters and group, and of the lender’s business units; we have no conflict of interest in this assignment and our fee does not depend on its outcome.'):elseShow('The consultant’s independence and no-conflict declaration has not been furnished.')",
    ),
  ),
  caption('Team', ''),
  ...inputListOrNote(
    'team',
    'The team is not listed in the report data.',
    loopTable({
      source: 'input',
      list: 'team',
      columns: [
        { header: 'Name', width: 6, field: 'name' },
        { header: 'Role', width: 5, field: 'role' },
        { header: 'Qualification', width: 6, field: 'qualification' },
      ],
    }),
  ),
  consultantSignature(),
];

export const TEV_REPORT_SPEC: DocxSpec = {
  title: 'Techno-economic viability study',
  header: `${input('lender.name')} · TEV study ${input('reportMeta.refNo')} · ${input('reportMeta.reportDate', DATE)}`,
  fontSizePt: 9,
  blocks: [
    ...COVER,
    ...EXECUTIVE_SUMMARY,
    ...INTRODUCTION,
    ...PROMOTERS,
    ...PROJECT,
    ...TECHNICAL,
    ...MARKET,
    ...COST_AND_MEANS,
    ...FINANCIAL_ANALYSIS,
    ...SENSITIVITY_AND_RISK,
    ...RECOMMENDATION,
    ...ANNEXURES,
  ],
};
