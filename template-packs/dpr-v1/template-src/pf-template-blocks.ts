import type { DocxAlign, DocxBlock, DocxRun, DocxTableRow } from '@repogen/core';
import { CHART_SLOT_PREFIX } from '@repogen/sdk';
import {
  choice,
  input,
  note,
  paragraph,
  showWhen,
  TWO_DP,
  value,
} from '../../sbi-under-5cr-v1/template-src/template-tags.js';

/**
 * The project-finance blocks the DPR and the TEV share (DOMAIN §3.b, §3.e, §5.e): every table
 * in ₹ lakh with the unit in its caption, years as rows, numbers right-aligned, totals bold,
 * ratios to two decimals. The tables read the pack's `yearRows`, `fundsFlowRows`,
 * `repaymentSchedule`, `firrRows`, `depreciationRows`, `sensitivityRows` and `balanceSheet`,
 * whose totals are worked from the printed (rounded) rows, so every table foots.
 */

export const APPROVAL_STATUS = {
  NOT_REQUIRED: 'Not required',
  TO_APPLY: 'To apply',
  APPLIED: 'Applied',
  OBTAINED: 'Obtained',
  EXPIRED: 'Expired',
} as const;

export const LAND_TENURE = { OWNED: 'Owned', LEASED: 'Leased' } as const;

/**
 * How interest is charged (`assumptions.interestMethod`). No comma or bracket in a label: carbone
 * reads them as the end of a formatter's argument.
 */
export const INTEREST_RESTS = {
  ANNUAL_REST: 'annual rests: interest on the opening balance and instalments at the year end',
  QUARTERLY_REST: 'quarterly rests: interest on the balance of each quarter and instalments quarterly',
  MONTHLY_REST: 'monthly rests: interest on the balance of each month and instalments monthly',
} as const;

/** The interest rests in words; missing means annual rests. */
export function interestRests(): string {
  return choice(input('assumptions.interestMethod'), INTEREST_RESTS).replace(
    /}$/,
    `:ifEM:show('${INTEREST_RESTS.ANNUAL_REST}')}`,
  );
}

export const LAKH = TWO_DP;
/** A ratio or a percentage printed to two decimals; a missing one prints NA. */
export const RATIO = ":formatIndian(2):ifEM:show('NA')";

/** `Table caption (₹ in lakh)`, kept with its table. */
export function caption(text: string, unit = '₹ in lakh'): DocxBlock {
  return { kind: 'paragraph', runs: { text: unit ? `${text} (${unit})` : text, bold: true }, keepNext: true };
}

export function subheading(text: string): DocxBlock {
  return { kind: 'heading', level: 2, text };
}

/** A loop table over `d.values.<list>`: one printed row per item, then optional total rows. */
export function loopTable(options: {
  readonly list: string;
  readonly columns: readonly {
    readonly header: string;
    readonly width: number;
    readonly field: string;
    readonly formatters?: string;
  }[];
  readonly totals?: readonly DocxTableRow[];
  readonly source?: 'values' | 'input';
}): DocxBlock {
  const tag = options.source === 'input' ? input : value;
  const align: DocxAlign[] = options.columns.map((column, index) =>
    index === 0 || column.formatters === undefined ? 'left' : 'right',
  );
  const [first] = options.columns;
  return {
    kind: 'table',
    widths: options.columns.map((column) => column.width),
    rows: [
      { header: true, cells: options.columns.map((column) => column.header), align },
      {
        cells: options.columns.map((column) => tag(`${options.list}[i].${column.field}`, column.formatters ?? '')),
        align,
      },
      {
        cells: options.columns.map((_, index) =>
          index === 0 && first ? tag(`${options.list}[i+1].${first.field}`) : '',
        ),
        align,
      },
      ...(options.totals ?? []).map((row) => ({ ...row, bold: true, align })),
    ],
  };
}

/** A two-column list of amounts with a bold total: cost of project, means of finance. */
export function amountTable(
  list: string,
  labelField: string,
  labelHeader: string,
  totalLabel: string,
  totalTag: string,
): DocxBlock {
  return loopTable({
    list,
    columns: [
      { header: 'No.', width: 1.1, field: labelField, formatters: ':count()' },
      { header: labelHeader, width: 11.4, field: labelField },
      { header: 'Amount', width: 4.5, field: 'amount', formatters: LAKH },
    ],
    totals: [{ cells: ['', totalLabel, totalTag] }],
  });
}

/** A key–value table without a number column. */
export function factsTable(
  rows: readonly (readonly [label: string, details: DocxRun | readonly DocxRun[]])[],
  widths: readonly number[] = [6.5, 10.5],
): DocxBlock {
  return { kind: 'table', widths, rows: rows.map(([label, details]) => ({ cells: [label, details] })) };
}

/** A chart the host draws from the pack's numbers into the picture slot `evidence:chart.<id>`. */
export function chart(id: string, title: string): DocxBlock[] {
  return [
    { kind: 'paragraph', runs: { text: title, bold: true }, keepNext: true },
    { kind: 'picture', slot: `${CHART_SLOT_PREFIX}${id}`, widthMm: 160, heightMm: 80 },
  ];
}

/**
 * A loop table over a list of the report data, or a line saying it was not furnished: an
 * empty list prints no empty table.
 */
export function inputListOrNote(list: string, absent: string, table: DocxBlock): DocxBlock[] {
  return [
    paragraph(input(list, `:ifEM:show('${absent}'):elseShow('')`)),
    ...showWhen(`d.input.${list}:ifNEM`, [table]),
  ];
}

/** A paragraph printing the input text, or "Not furnished" when the report data lacks it. */
export function textOrNotFurnished(path: string): DocxBlock {
  return paragraph(input(path, ":ifEM:show('Not furnished')"));
}

/** How the first column of a year table reads for each pack (`Capacity utilisation` or `Occupancy`). */
export interface YearTableLabels {
  readonly volume: string;
  readonly sales: string;
}

export function operatingStatement(labels: YearTableLabels): DocxBlock[] {
  return [
    caption(`Projected operating statement: ${labels.sales.toLowerCase()}, costs and EBITDA`),
    loopTable({
      list: 'yearRows',
      columns: [
        { header: 'Year', width: 2.4, field: 'label' },
        { header: `${labels.volume} %`, width: 1.6, field: 'capacityUtilPct', formatters: LAKH },
        { header: labels.sales, width: 2.2, field: 'sales', formatters: LAKH },
        { header: 'Variable cost', width: 2.2, field: 'variableCost', formatters: LAKH },
        { header: 'Contribution', width: 2.2, field: 'contribution', formatters: LAKH },
        { header: 'Fixed cash cost', width: 2.2, field: 'fixedCashCost', formatters: LAKH },
        { header: 'EBITDA', width: 2.2, field: 'ebitda', formatters: LAKH },
      ],
    }),
  ];
}

export function profitabilityStatement(): DocxBlock[] {
  return [
    caption('Projected profit and loss: EBITDA to PAT and cash accruals'),
    loopTable({
      list: 'yearRows',
      columns: [
        { header: 'Year', width: 2.3, field: 'label' },
        { header: 'EBITDA', width: 1.8, field: 'ebitda', formatters: LAKH },
        { header: 'Dep.', width: 1.6, field: 'depreciation', formatters: LAKH },
        { header: 'Amort.', width: 1.35, field: 'amortisation', formatters: LAKH },
        { header: 'TL int.', width: 1.6, field: 'interestTermLoan', formatters: LAKH },
        { header: 'WC int.', width: 1.35, field: 'interestWorkingCapital', formatters: LAKH },
        { header: 'PBT', width: 1.8, field: 'pbt', formatters: LAKH },
        { header: 'Tax', width: 1.5, field: 'tax', formatters: LAKH },
        { header: 'PAT', width: 1.8, field: 'pat', formatters: LAKH },
        { header: 'Cash accruals', width: 1.8, field: 'cashAccruals', formatters: LAKH },
      ],
    }),
    note(
      'Dep. = depreciation, amort. = amortisation of pre-operative expenses, TL / WC int. = interest on the term loan / on working capital. EBIT = EBITDA − depreciation − amortisation; PBT = EBIT − term-loan interest − working-capital interest; tax is rounded first and PAT = PBT − tax, after losses carried forward. Cash accruals = PAT + depreciation + amortisation.',
    ),
  ];
}

export function fundsFlowStatement(): DocxBlock[] {
  return [
    caption('Projected cash flow (funds flow) statement'),
    loopTable({
      list: 'fundsFlowRows',
      columns: [
        { header: 'Year', width: 2.6, field: 'label' },
        { header: 'Opening cash', width: 2.9, field: 'openingCash', formatters: LAKH },
        { header: 'Add: cash accruals', width: 2.9, field: 'cashAccruals', formatters: LAKH },
        { header: 'Less: TL principal', width: 2.9, field: 'tlRepayment', formatters: LAKH },
        { header: 'Net surplus', width: 2.9, field: 'netSurplus', formatters: LAKH },
        { header: 'Closing cash', width: 2.9, field: 'closingCash', formatters: LAKH },
      ],
    }),
  ];
}

export function balanceSheetTables(): DocxBlock[] {
  return [
    caption('Projected balance sheet: liabilities'),
    loopTable({
      list: 'balanceSheet',
      columns: [
        { header: 'Year', width: 1.2, field: 'year' },
        { header: 'Share capital', width: 2.2, field: 'liabilities.shareCapital', formatters: LAKH },
        { header: 'Reserves and surplus', width: 2.4, field: 'liabilities.reservesSurplus', formatters: LAKH },
        {
          header: 'Promoters’ unsecured loan',
          width: 2.4,
          field: 'liabilities.unsecuredLoansPromoters',
          formatters: LAKH,
        },
        { header: 'Subsidy and others', width: 2.1, field: 'liabilities.subsidyAndOthers', formatters: LAKH },
        { header: 'Term loan', width: 2.1, field: 'liabilities.termLoan', formatters: LAKH },
        { header: 'Cash credit', width: 2.1, field: 'liabilities.cashCredit', formatters: LAKH },
        { header: 'Total', width: 2.3, field: 'totalLiabilities', formatters: LAKH },
      ],
    }),
    caption('Projected balance sheet: assets'),
    loopTable({
      list: 'balanceSheet',
      columns: [
        { header: 'Year', width: 1.2, field: 'year' },
        { header: 'Net fixed assets (incl. land)', width: 3.4, field: 'assets.netFixedAssets', formatters: LAKH },
        {
          header: 'Pre-operative not written off',
          width: 3.4,
          field: 'assets.preOperativeUnamortised',
          formatters: LAKH,
        },
        { header: 'Inventory and receivables', width: 3.2, field: 'assets.inventoryAndReceivables', formatters: LAKH },
        { header: 'Cash and bank', width: 2.9, field: 'assets.cashAndBank', formatters: LAKH },
        { header: 'Total', width: 2.7, field: 'totalAssets', formatters: LAKH },
      ],
    }),
    caption('Key ratios by year', 'times'),
    loopTable({
      list: 'balanceSheet',
      columns: [
        { header: 'Year', width: 1.6, field: 'year' },
        { header: 'Current ratio', width: 3.8, field: 'currentRatio', formatters: RATIO },
        { header: 'TOL / TNW', width: 3.8, field: 'tolTnw', formatters: RATIO },
        { header: 'FACR', width: 3.8, field: 'facr', formatters: RATIO },
        { header: 'ISCR', width: 3.8, field: 'iscr', formatters: RATIO },
      ],
    }),
    note(
      'Current ratio = current assets ÷ current liabilities; TOL / TNW = (term loan + cash credit) ÷ (capital + reserves + quasi-equity); FACR = net fixed assets excluding land ÷ term loan outstanding; ISCR = EBITDA ÷ total interest.',
    ),
  ];
}

export function depreciationTable(): DocxBlock[] {
  return [
    caption('Depreciation classes (straight line)'),
    loopTable({
      list: 'depreciationRows',
      columns: [
        { header: 'Asset class', width: 7.4, field: 'asset' },
        { header: 'Depreciable base', width: 3.2, field: 'base', formatters: LAKH },
        { header: 'Life (years)', width: 2.6, field: 'lifeYears', formatters: ':formatIndian(0)' },
        { header: 'Charge, year 1', width: 3.8, field: 'annualCharge', formatters: LAKH },
      ],
      totals: [{ cells: ['Total depreciation, year 1', '', '', value('depreciationPerYear', LAKH)] }],
    }),
    caption('Depreciation schedule by class and year: gross and net block'),
    loopTable({
      list: 'depreciationBlockRows',
      columns: [
        { header: 'Asset class', width: 4.9, field: 'asset' },
        { header: 'Year', width: 2.1, field: 'label' },
        { header: 'Gross block', width: 2.4, field: 'grossBlock', formatters: LAKH },
        { header: 'Opening net block', width: 2.5, field: 'openingNetBlock', formatters: LAKH },
        { header: 'Depreciation', width: 2.6, field: 'depreciation', formatters: LAKH },
        { header: 'Closing net block', width: 2.5, field: 'closingNetBlock', formatters: LAKH },
      ],
    }),
    caption('Depreciation schedule: all classes by year'),
    loopTable({
      list: 'depreciationTotalRows',
      columns: [
        { header: 'Year of schedule', width: 3.4, field: 'label' },
        { header: 'Gross block', width: 3.4, field: 'grossBlock', formatters: LAKH },
        { header: 'Opening net block', width: 3.4, field: 'openingNetBlock', formatters: LAKH },
        { header: 'Depreciation for the year', width: 3.4, field: 'depreciation', formatters: LAKH },
        { header: 'Closing net block', width: 3.4, field: 'closingNetBlock', formatters: LAKH },
      ],
      totals: [{ cells: ['Total', '', '', value('depreciationTotal', LAKH), ''] }],
    }),
    note(
      'Closing net block = opening net block − the year’s depreciation as printed; the gross block excludes land. Unless the settings say otherwise, a class’s charge stops once it is written off; the yearly totals are the profit and loss statement’s.',
    ),
  ];
}

export function repaymentTable(): DocxBlock[] {
  return [
    caption('Term-loan repayment and interest schedule'),
    loopTable({
      list: 'repaymentSchedule',
      columns: [
        { header: 'Year', width: 2.4, field: 'year' },
        { header: 'Opening balance', width: 3.65, field: 'opening', formatters: LAKH },
        { header: 'Interest', width: 3.65, field: 'interest', formatters: LAKH },
        { header: 'Principal repaid', width: 3.65, field: 'principal', formatters: LAKH },
        { header: 'Closing balance', width: 3.65, field: 'closing', formatters: LAKH },
      ],
      totals: [{ cells: ['Total', '', value('repaymentInterestTotal', LAKH), value('repaymentTotal', LAKH), ''] }],
    }),
    note(
      `Interest at ${input('assumptions.termLoanRatePct', TWO_DP)} % p.a. with ${interestRests()}; ` +
        `moratorium ${input('assumptions.moratoriumYears')} year(s), interest only; instalment at each rest ${value('instalmentPerRest', ":formatIndian(2):ifEM:show('none: the repayment is structured year by year')")} (₹ in lakh). ` +
        'Each year shows the sum of its rests. Σ principal = term loan; the closing balance at the end of the tenor is nil.',
    ),
  ];
}

export function dscrTable(): DocxBlock[] {
  return [
    caption('Debt service coverage ratio (DSCR)'),
    loopTable({
      list: 'yearRows',
      columns: [
        { header: 'Year', width: 2.3, field: 'label' },
        { header: 'PAT', width: 1.9, field: 'pat', formatters: LAKH },
        { header: 'Dep. + amort.', width: 1.9, field: 'depreciationAndAmortisation', formatters: LAKH },
        { header: 'TL interest', width: 1.9, field: 'interestTermLoan', formatters: LAKH },
        { header: 'Cash available', width: 2.0, field: 'dscrNumerator', formatters: LAKH },
        { header: 'TL principal', width: 1.9, field: 'tlRepayment', formatters: LAKH },
        { header: 'Debt service', width: 2.0, field: 'dscrDenominator', formatters: LAKH },
        { header: 'DSCR', width: 1.6, field: 'dscr', formatters: RATIO },
      ],
    }),
    factsTable(
      [
        [
          'Average DSCR (Σ cash available ÷ Σ debt service, repayment years)',
          { text: value('avgDscr', RATIO), bold: true },
        ],
        ['Simple mean of the yearly DSCRs (repayment years)', value('avgDscrSimpleMean', RATIO)],
        ['Minimum DSCR', [{ text: value('minDscr', RATIO), bold: true }, ` (year ${value('minDscrYear')})`]],
      ],
      [11, 6],
    ),
    note(
      'DSCR = (PAT + depreciation + amortisation + term-loan interest) ÷ (term-loan principal + term-loan interest). Working-capital interest stays inside PAT; moratorium years are shown but left out of the average and the minimum.',
    ),
  ];
}

export function breakEvenBlocks(volumeWord: string): DocxBlock[] {
  const be = (field: string, formatters = RATIO) => value(`breakEven.${field}`, formatters);
  return [
    caption(`Break-even analysis, year ${value('breakEven.year')}`, ''),
    factsTable([
      ['Break-even sales (₹ in lakh)', be('bepSales', LAKH)],
      ['Break-even, % of the year’s sales', `${be('bepPctOfSales')} %`],
      [`Break-even, % of installed ${volumeWord}`, { text: `${be('bepPctOfInstalledCapacity')} %`, bold: true }],
      ['Cash break-even sales (₹ in lakh)', be('cashBepSales', LAKH)],
      [
        `Cash break-even, % of installed ${volumeWord}`,
        { text: `${be('cashBepPctOfInstalledCapacity')} %`, bold: true },
      ],
      ['Margin of safety', `${be('marginOfSafetyPct')} %`],
    ]),
    note(
      'Fixed costs for break-even = fixed cash cost + depreciation + amortisation + interest (term loan and working capital); break-even sales = fixed costs ÷ PV ratio. Cash break-even leaves out depreciation and amortisation.',
    ),
  ];
}

export function breakEvenByYearTable(volumeWord: string): DocxBlock[] {
  return [
    caption('Break-even by year'),
    loopTable({
      list: 'yearRows',
      columns: [
        { header: 'Year', width: 2.6, field: 'label' },
        { header: 'Break-even sales', width: 2.9, field: 'bepSales', formatters: LAKH },
        { header: 'BEP, % of sales', width: 2.9, field: 'bepPctOfSales', formatters: RATIO },
        { header: `BEP, % of ${volumeWord}`, width: 2.9, field: 'bepPctOfInstalledCapacity', formatters: RATIO },
        { header: 'Cash BEP sales', width: 2.9, field: 'cashBepSales', formatters: LAKH },
        {
          header: `Cash BEP, % of ${volumeWord}`,
          width: 2.9,
          field: 'cashBepPctOfInstalledCapacity',
          formatters: RATIO,
        },
      ],
    }),
  ];
}

export function returnsBlocks(): DocxBlock[] {
  return [
    caption('Financial internal rate of return, NPV and payback', ''),
    factsTable([
      ['FIRR (project, unlevered, post-tax)', { text: `${value('firrPct', RATIO)} %`, bold: true }],
      [
        `NPV at ${input('assumptions.discountRatePct', TWO_DP)} % (₹ in lakh)`,
        { text: value('npv', LAKH), bold: true },
      ],
      ['Payback from COD (years)', value('paybackYears', RATIO)],
      ['Residual value in the last year (₹ in lakh)', value('residualValue', LAKH)],
    ]),
  ];
}

export function firrTable(): DocxBlock[] {
  return [
    caption('FIRR cash flows'),
    loopTable({
      list: 'firrRows',
      columns: [
        { header: 'Year', width: 8.5, field: 'label' },
        { header: 'Cash flow', width: 8.5, field: 'flow', formatters: LAKH },
      ],
    }),
    note(
      'Year 0 is the cost of project; each year adds EBITDA − tax × max(EBIT, 0); the last year adds the residual value (land at cost + net block + working-capital margin). NPV = Σ CFₜ ÷ (1 + r)ᵗ; FIRR solves NPV = 0.',
    ),
  ];
}

export function sensitivityTable(volumeWord: string): DocxBlock[] {
  return [
    caption(
      'Sensitivity analysis: base and shocked cases side by side',
      'ratios in times; NPV ₹ in lakh; payback in years',
    ),
    loopTable({
      list: 'sensitivityRows',
      columns: [
        { header: 'Case', width: 4.9, field: 'label' },
        { header: 'Avg DSCR', width: 1.6, field: 'avgDscr', formatters: RATIO },
        { header: 'Min DSCR', width: 1.6, field: 'minDscr', formatters: RATIO },
        { header: 'FIRR %', width: 1.6, field: 'firrPct', formatters: RATIO },
        { header: 'NPV', width: 1.9, field: 'npv', formatters: RATIO },
        { header: 'Payback', width: 1.7, field: 'paybackYears', formatters: RATIO },
        { header: `BEP % ${volumeWord}`, width: 1.85, field: 'bepPctOfCapacity', formatters: RATIO },
        { header: `Cash BEP % ${volumeWord}`, width: 1.85, field: 'cashBepPctOfCapacity', formatters: RATIO },
      ],
    }),
    note(
      'Each case re-computes the whole projection from the base, changing only its driver. NA: the case never pays back within the projection.',
    ),
  ];
}

/** Place and date on the left, a signature block on the right. */
export function signatureBlock(place: string, date: string, lines: readonly DocxRun[]): DocxBlock {
  return {
    kind: 'table',
    borders: false,
    widths: [8, 9],
    rows: [
      {
        cells: [`\n\nPlace: ${place}\nDate: ${date}`, [{ text: '\n\n\n(Signature and seal)\n' }, ...lines]],
        align: ['left', 'right'],
      },
    ],
  };
}
