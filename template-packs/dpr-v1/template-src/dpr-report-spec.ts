import type { DocxBlock, DocxSpec } from '@repogen/core';
import {
  choice,
  DATE,
  heading,
  input,
  note,
  paragraph,
  value,
} from '../../sbi-under-5cr-v1/template-src/template-tags.js';
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
  inputListOrNote,
  interestRests,
  LAND_TENURE,
  fundsFlowStatement,
  LAKH,
  loopTable,
  operatingStatement,
  profitabilityStatement,
  RATIO,
  repaymentTable,
  returnsBlocks,
  sensitivityTable,
  signatureBlock,
  subheading,
  textOrNotFurnished,
} from './pf-template-blocks.js';

/**
 * The detailed project report (DOMAIN §3): cover, chapters 1–9 in the order of §3.a, then the
 * annexures of §3.c — the statements and schedules printed from the pack's values (1–3), the
 * quotation and approval lists from the report data (4–5), and the evidence pages the pack
 * lays out (6–10). Multi-year tables have one row per year (portrait A4), in ₹ lakh.
 */

const VOLUME = { volume: 'CU', sales: 'Sales' } as const;
const TWO_DP_OR_NA = ":formatIndian(2):ifEM:show('NA')";

const COVER: readonly DocxBlock[] = [
  { kind: 'paragraph', style: 'Title', runs: 'DETAILED PROJECT REPORT' },
  {
    kind: 'paragraph',
    style: 'Subtitle',
    runs: `${input('product.description')} · ${input('product.installedCapacityTpa', ':formatIndian')} TPA`,
  },
  { kind: 'paragraph', align: 'center', runs: [{ text: input('borrower.name'), bold: true, sizePt: 13 }] },
  { kind: 'paragraph', align: 'center', runs: input('borrower.unitAddress') },
  {
    kind: 'paragraph',
    align: 'center',
    runs:
      `Submitted to ${input('bank.name')}, ${input('bank.branch')}, for a term loan of ₹ ${input('bank.facilities.termLoan', LAKH)} lakh` +
      `${input('bank.facilities.cashCredit', ":ifNEM:show(' and cash credit of ₹ '):elseShow('')")}${input('bank.facilities.cashCredit', LAKH)}` +
      `${input('bank.facilities.cashCredit', ":ifNEM:show(' lakh'):elseShow('')")}`,
  },
  factsTable([
    ['Report reference', input('reportMeta.refNo')],
    ['Report date', input('reportMeta.reportDate', DATE)],
    ['Prepared by', input('reportMeta.preparedBy', ":ifEM:show('The promoters')")],
    ['Unit of account', 'All amounts ₹ in lakh (1 lakh = ₹1,00,000) unless stated'],
  ]),
  signatureBlock(input('signatory.place', ":ifEM:show('')"), input('signatory.date', `${DATE}:ifEM:show('')`), [
    { text: `${input('signatory.name', ":ifEM:show('Authorised signatory')")}\n`, bold: true },
    `${input('signatory.designation', ":ifEM:show('')")}\nfor ${input('borrower.name')}`,
  ]),
];

const EXECUTIVE_SUMMARY: readonly DocxBlock[] = [
  heading('1. EXECUTIVE SUMMARY', true),
  factsTable([
    ['Entity', input('borrower.name')],
    ['Constitution', input('borrower.constitution')],
    [
      'Project',
      `${input('product.description')}, installed capacity ${input('product.installedCapacityTpa', ':formatIndian')} TPA`,
    ],
    ['Location', input('borrower.unitAddress')],
    [
      'Cost of project (₹ in lakh)',
      [{ text: value('projectCostTotal', LAKH), bold: true }, ` (${value('projectCostInWords')})`],
    ],
    ['Term loan sought (₹ in lakh)', input('meansOfFinance.termLoan', LAKH)],
    [
      'Promoters’ contribution (₹ in lakh)',
      `${value('promoterContribution', LAKH)} (${value('promoterContributionPct', RATIO)} % of cost)`,
    ],
    ['Debt–equity ratio', `${value('debtEquityRatio', RATIO)} : 1 (norm ${value('debtEquityNorm', RATIO)} : 1)`],
    ['Average / minimum DSCR', `${value('avgDscr', RATIO)} / ${value('minDscr', RATIO)}`],
    [
      'Break-even (% of installed capacity)',
      `${value('breakEven.bepPctOfInstalledCapacity', RATIO)} % (cash ${value('breakEven.cashBepPctOfInstalledCapacity', RATIO)} %), year ${value('breakEven.year')}`,
    ],
    ['FIRR / NPV (₹ in lakh)', `${value('firrPct', RATIO)} % / ${value('npv', LAKH)}`],
    ['Payback (years)', value('paybackYears', RATIO)],
  ]),
];

const PROMOTERS: readonly DocxBlock[] = [
  heading('2. PROMOTERS AND ENTITY'),
  caption('Promoters', ''),
  loopTable({
    source: 'input',
    list: 'borrower.promoters',
    columns: [
      { header: 'Name', width: 4.6, field: 'name' },
      { header: 'Role', width: 3.4, field: 'role' },
      { header: 'Qualification', width: 3.0, field: 'qualification' },
      { header: 'Experience (yrs)', width: 2.0, field: 'experienceYears', formatters: ':formatIndian' },
      { header: 'Share %', width: 1.8, field: 'sharePct', formatters: LAKH },
      { header: 'Net worth (₹ lakh)', width: 2.2, field: 'netWorth', formatters: `${LAKH}:ifEM:show('NA')` },
    ],
  }),
  caption('Registrations', ''),
  factsTable([
    ['PAN', input('borrower.pan', ":ifEM:show('NA')")],
    ['GSTIN', input('borrower.gstin', ":ifEM:show('NA')")],
    ['CIN / LLPIN', input('borrower.cin', ":ifEM:show('NA')")],
    [
      'Udyam registration and category',
      `${input('borrower.udyam', ":ifEM:show('NA')")} (${input('borrower.category', ":ifEM:show('NA')")})`,
    ],
    ['Existing banking and credit history', input('borrower.bankingHistory', ":ifEM:show('Not furnished')")],
  ]),
];

const PROJECT: readonly DocxBlock[] = [
  heading('3. PROJECT DESCRIPTION'),
  factsTable([
    ['Product', input('product.description')],
    ['Installed capacity', `${input('product.installedCapacityTpa', ':formatIndian')} tonnes per annum`],
    ['Selling price', `₹${input('product.sellingPricePerTonne', ':formatIndian')} per tonne`],
    ['Sales at 100 % capacity (₹ in lakh)', value('salesAtFullCapacity', LAKH)],
    ['Location', input('project.location', ":ifEM:show('NA')")],
    [
      'Land',
      `${choice(input('project.land.tenure', ":ifEM:show('NA')"), LAND_TENURE)}${input('project.land.areaSqm', ":ifNEM:show(', '):elseShow('')")}${input('project.land.areaSqm', ':formatIndian(2)')}${input('project.land.areaSqm', ":ifNEM:show(' sq m'):elseShow('')")}`,
    ],
    ['Title', input('project.land.title', ":ifEM:show('NA')")],
    ['Commercial operation date (COD)', input('project.codDate', `${DATE}:ifEM:show('NA')`)],
  ]),
  caption('Approvals and NOCs', ''),
  ...inputListOrNote('project.approvals', 'No approvals listed in the report data.', approvalsTable()),
  caption('Implementation schedule', ''),
  ...inputListOrNote(
    'project.implementationSchedule',
    'No milestones listed in the report data.',
    loopTable({
      source: 'input',
      list: 'project.implementationSchedule',
      columns: [
        { header: 'Milestone', width: 9, field: 'milestone' },
        { header: 'Planned', width: 4, field: 'plannedDate', formatters: DATE },
        { header: 'Actual', width: 4, field: 'actualDate', formatters: `${DATE}:ifEM:show('—')` },
      ],
    }),
  ),
];

function approvalsTable(): DocxBlock {
  return {
    kind: 'table',
    widths: [5.6, 4.2, 2.4, 2.4, 2.4],
    rows: [
      { header: true, cells: ['Approval / NOC', 'Authority', 'Status', 'Date', 'Valid till'] },
      {
        cells: [
          input('project.approvals[i].name'),
          input('project.approvals[i].authority'),
          choice(input('project.approvals[i].status'), APPROVAL_STATUS),
          input('project.approvals[i].date', DATE),
          input('project.approvals[i].validTill', DATE),
        ],
      },
      { cells: [input('project.approvals[i+1].name'), '', '', '', ''] },
    ],
  };
}

const TECHNICAL: readonly DocxBlock[] = [
  heading('4. TECHNICAL'),
  subheading('Process flow'),
  textOrNotFurnished('technical.processFlow'),
  subheading('Plant and machinery'),
  paragraph(
    input(
      'technical.machinery',
      ":ifEM:show('Quotations are listed in Annexure 4 when furnished.'):elseShow('Quotations: see Annexure 4.')",
    ),
  ),
  subheading('Civil works'),
  textOrNotFurnished('technical.civilWorks'),
  subheading('Utilities'),
  factsTable([
    ['Power', `${input('technical.utilities.powerKw', ":formatIndian:ifEM:show('NA')")} kW`],
    ['Water', `${input('technical.utilities.waterKld', ":formatIndian:ifEM:show('NA')")} KLD`],
    ['Fuel', input('technical.utilities.fuel', ":ifEM:show('NA')")],
  ]),
  subheading('Raw materials'),
  textOrNotFurnished('technical.rawMaterials'),
  subheading('Manpower'),
  ...inputListOrNote(
    'technical.manpower',
    'Not furnished',
    loopTable({
      source: 'input',
      list: 'technical.manpower',
      columns: [
        { header: 'Category', width: 9, field: 'category' },
        { header: 'Count', width: 3.5, field: 'count', formatters: ':formatIndian' },
        { header: 'Monthly wage (₹)', width: 4.5, field: 'monthlyWageRupees', formatters: ':formatIndian' },
      ],
    }),
  ),
  subheading('Effluent and environment'),
  textOrNotFurnished('technical.environment'),
];

const MARKET: readonly DocxBlock[] = [
  heading('5. MARKET'),
  factsTable([
    ['Demand and supply', input('market.demandSupply', ":ifEM:show('Not furnished')")],
    ['Customers', input('market.customers', ":ifEM:show('Not furnished')")],
    ['Competition', input('market.competition', ":ifEM:show('Not furnished')")],
    ['Pricing', input('market.pricing', ":ifEM:show('Not furnished')")],
    ['Marketing arrangements', input('market.marketing', ":ifEM:show('Not furnished')")],
  ]),
  caption('SWOT', ''),
  factsTable([
    ['Strengths', input('market.swot.strengths', ":ifEM:show('Not furnished')")],
    ['Weaknesses', input('market.swot.weaknesses', ":ifEM:show('Not furnished')")],
    ['Opportunities', input('market.swot.opportunities', ":ifEM:show('Not furnished')")],
    ['Threats', input('market.swot.threats', ":ifEM:show('Not furnished')")],
  ]),
];

const COST_AND_MEANS: readonly DocxBlock[] = [
  heading('6. COST OF PROJECT'),
  caption('Cost of project'),
  amountTable('projectCostRows', 'head', 'Head of cost', 'Total cost of project', value('projectCostTotal', LAKH)),
  note(
    `Contingency at ${input('projectCost.contingencyPctOnBuildingAndPM', TWO_DP_OR_NA)} % of building and plant and machinery; pre-operative expenses include interest during construction.`,
  ),
  heading('7. MEANS OF FINANCE'),
  caption('Means of finance'),
  amountTable('meansOfFinanceRows', 'source', 'Source', 'Total means of finance', value('meansOfFinanceTotal', LAKH)),
  factsTable([
    [
      'Promoters’ contribution (₹ in lakh)',
      `${value('promoterContribution', LAKH)} = ${value('promoterContributionPct', RATIO)} % of the cost of project`,
    ],
    ['Debt–equity ratio (term loan ÷ equity and quasi-equity)', `${value('debtEquityRatio', RATIO)} : 1`],
  ]),
];

const FINANCIALS: readonly DocxBlock[] = [
  heading('8. FINANCIALS', true),
  subheading('8.1 Assumptions'),
  factsTable([
    [
      'Projection period',
      `${input('assumptions.projectionYears')} years from ${input('reportMeta.firstOperatingYear')}`,
    ],
    [
      'Capacity utilisation',
      `${input('assumptions.capacityUtilisationPct', ":arrayJoin(' %, ')")} % (years 1 to ${input('assumptions.projectionYears')})`,
    ],
    ['Variable cost', `${input('assumptions.variableCostPctOfSales', TWO_DP_OR_NA)} % of sales`],
    [
      'Fixed cash cost, year 1 (₹ in lakh)',
      `${input('assumptions.fixedCashCostPerYear', LAKH)}, growing ${input('assumptions.fixedCostGrowthPct', ":formatIndian(2):ifEM:show('0.00')")} % a year`,
    ],
    [
      'Tax rate',
      `${input('assumptions.taxRatePct', TWO_DP_OR_NA)} %; losses carried forward: ${input('assumptions.lossCarryForward', ":ifEQ(true):show('Yes'):elseShow('No')")}`,
    ],
    [
      'Depreciation',
      `${input('assumptions.depreciationMethod', ":ifEM:show('SLM')")}; pre-operative expenses written off over ${input('assumptions.preOperativeAmortisationYears')} years`,
    ],
    [
      'Term loan',
      `${input('assumptions.termLoanRatePct', TWO_DP_OR_NA)} % p.a. with ${interestRests()}; moratorium ${input('assumptions.moratoriumYears')} year(s); repayment over ${input('assumptions.repaymentYears', ":ifEM:show('the structured')")} years`,
    ],
    [
      'Repayment (₹ in lakh)',
      `${value('repaymentMethodWords')}; instalment at each rest ${value('instalmentPerRest', ":formatIndian(2):ifEM:show('structured year by year')")}`,
    ],
    ['Interest on working capital (₹ in lakh a year)', input('assumptions.workingCapitalInterestPerYear', LAKH)],
    ['Discount rate for NPV', `${input('assumptions.discountRatePct', TWO_DP_OR_NA)} %`],
  ]),
  subheading('8.2 Projected profitability'),
  caption('Projected profitability (summary; the full statements are in Annexure 1)'),
  loopTable({
    list: 'yearRows',
    columns: [
      { header: 'Year', width: 2.6, field: 'label' },
      { header: 'CU %', width: 1.9, field: 'capacityUtilPct', formatters: LAKH },
      { header: 'Sales', width: 2.5, field: 'sales', formatters: LAKH },
      { header: 'EBITDA', width: 2.5, field: 'ebitda', formatters: LAKH },
      { header: 'PBT', width: 2.5, field: 'pbt', formatters: LAKH },
      { header: 'PAT', width: 2.5, field: 'pat', formatters: LAKH },
      { header: 'Cash accruals', width: 2.5, field: 'cashAccruals', formatters: LAKH },
    ],
  }),
  subheading('8.3 Debt service coverage'),
  ...dscrTable(),
  ...chart('dscr-by-year', 'Chart 1: DSCR by year against the bank’s comfort levels'),
  subheading('8.4 Break-even'),
  ...breakEvenBlocks('capacity'),
  subheading('8.5 FIRR, NPV and payback'),
  ...returnsBlocks(),
  subheading('8.6 Working capital'),
  caption('Working-capital assessment'),
  factsTable([
    ['Current assets requirement (inventory and receivables)', input('workingCapital.currentAssetsRequirement', LAKH)],
    [
      'Promoters’ margin',
      `${input('workingCapital.marginPct', TWO_DP_OR_NA)} % = ${value('workingCapitalMarginComputed', LAKH)} (in the cost of project)`,
    ],
    ['Bank finance (cash credit)', value('workingCapitalGap', LAKH)],
    ['Method', input('workingCapital.method', ":ifEM:show('NA')")],
  ]),
  subheading('8.7 Sensitivity'),
  ...sensitivityTable('cap.'),
  ...chart('sensitivity', 'Chart 2: minimum and average DSCR in each sensitivity case'),
];

const CONCLUSION: readonly DocxBlock[] = [
  heading('9. CONCLUSION'),
  paragraph(input('conclusion', ":ifEM:show('The promoters’ conclusion is not yet recorded.')")),
  paragraph(
    `On these projections the project covers its debt service on average ${value('avgDscr', RATIO)} times (minimum ${value('minDscr', RATIO)}), ` +
      `breaks even at ${value('breakEven.bepPctOfInstalledCapacity', RATIO)} % of installed capacity and returns a FIRR of ${value('firrPct', RATIO)} %.`,
  ),
  signatureBlock(input('signatory.place', ":ifEM:show('')"), input('signatory.date', `${DATE}:ifEM:show('')`), [
    { text: `${input('signatory.name', ":ifEM:show('Authorised signatory')")}\n`, bold: true },
    `${input('signatory.designation', ":ifEM:show('')")}\nfor ${input('borrower.name')}`,
  ]),
];

const ANNEXURES: readonly DocxBlock[] = [
  heading('ANNEXURE 1 — DETAILED FINANCIAL STATEMENTS', true),
  ...operatingStatement(VOLUME),
  ...profitabilityStatement(),
  ...balanceSheetTables(),
  ...fundsFlowStatement(),
  heading('ANNEXURE 2 — SCHEDULES', true),
  ...depreciationTable(),
  ...repaymentTable(),
  caption('Working-capital schedule'),
  factsTable([
    ['Current assets requirement', input('workingCapital.currentAssetsRequirement', LAKH)],
    ['Less: promoters’ margin', value('workingCapitalMarginComputed', LAKH)],
    ['Bank finance (cash credit)', { text: value('workingCapitalGap', LAKH), bold: true }],
  ]),
  ...breakEvenByYearTable('capacity'),
  ...dscrTable(),
  ...firrTable(),
  heading('ANNEXURE 3 — SENSITIVITY TABLES', true),
  ...sensitivityTable('cap.'),
  heading('ANNEXURE 4 — MACHINERY QUOTATIONS LIST'),
  ...inputListOrNote(
    'technical.machinery',
    'No quotations are listed in the report data; the quotations received are attached.',
    loopTable({
      source: 'input',
      list: 'technical.machinery',
      columns: [
        { header: 'Item', width: 5, field: 'item' },
        { header: 'Supplier', width: 4, field: 'supplier' },
        { header: 'Quotation no.', width: 2.6, field: 'quotationNo' },
        { header: 'Date', width: 2.2, field: 'quotationDate', formatters: DATE },
        { header: 'Amount (₹ lakh)', width: 3.2, field: 'amount', formatters: LAKH },
      ],
    }),
  ),
  heading('ANNEXURE 5 — APPROVALS / NOC LIST'),
  ...inputListOrNote('project.approvals', 'No approvals listed in the report data.', approvalsTable()),
  heading('ANNEXURES 6 TO 10 — DOCUMENTS AND PHOTOGRAPHS'),
  paragraph('The following are attached after this page, in this order, as furnished:'),
  factsTable(
    [
      ['Annexure 6', 'Land documents and layout'],
      ['Annexure 7', 'KYC and registrations'],
      ['Annexure 8', 'CA certificate of promoters’ contribution and net worth'],
      ['Annexure 9', 'Promoters’ CVs'],
      ['Annexure 10', 'Photographs of the project site'],
    ],
    [4, 13],
  ),
];

export const DPR_REPORT_SPEC: DocxSpec = {
  title: 'Detailed project report',
  header: `${input('borrower.name')} · Detailed project report ${input('reportMeta.refNo')} · ${input('reportMeta.reportDate', DATE)}`,
  fontSizePt: 9,
  blocks: [
    ...COVER,
    ...EXECUTIVE_SUMMARY,
    ...PROMOTERS,
    ...PROJECT,
    ...TECHNICAL,
    ...MARKET,
    ...COST_AND_MEANS,
    ...FINANCIALS,
    ...CONCLUSION,
    ...ANNEXURES,
    { kind: 'annexurePages' },
  ],
};
