import assert from 'node:assert/strict';
import path from 'node:path';
import { TEMPLATE_PACKS_DIR } from '../support/pack-sources.js';
import { assertFoots, describePfTemplate, lakh, printedTable, type RenderedPfFixture } from './pf-template-harness.js';

const pct = (value: unknown) => lakh(value as number);

describePfTemplate({
  packDir: path.join(TEMPLATE_PACKS_DIR, 'stage-progress-v1'),
  identity: { title: 'Stage-wise construction progress report', packKey: 'STAGE_PROGRESS_V1' },
  headings: [
    'STAGE-WISE CONSTRUCTION PROGRESS REPORT',
    '1. SUMMARY AND RECOMMENDATION',
    'RECOMMENDED DISBURSEMENT:',
    '2. PROJECT AND LENDER',
    '3. PHYSICAL PROGRESS',
    '4. COST INCURRED AND CERTIFIED',
    'Budget | CA incurred | LIE certified | Balance to complete (₹ in lakh)',
    '5. MEANS OF FINANCE AND FUNDS INFUSED',
    'Sources brought in against uses (CA-certified cost) (₹ in lakh)',
    '6. SCHEDULE',
    '7. DISBURSEMENT',
    '8. COMPLIANCE',
    '9. PHOTOGRAPH REGISTER',
    '10. CERTIFICATE',
    'ANNEXURES',
    'ANNEXURE 1 — PROGRESS PHOTOGRAPHS',
    'ANNEXURE 2 — COMPONENT-WISE PROGRESS SHEET AND TOWER / SLAB STATUS',
    'ANNEXURES 3 TO 8 — CERTIFICATES, STATEMENTS AND SITE PLAN',
    'PROGRESS PHOTOGRAPHS',
  ],
  enumCodes: /\b(COST_WEIGHTED|CLP_MAHARERA|INDIVIDUAL_HOUSE|INR_LAKH)\b/,
  chartIds: ['progress-by-stage', 'progress-overall'],
  printed: ({ values }) => [
    ['stage definitions', 'Cost-weighted components, project LIE'],
    ['physical progress', `${pct(values.physicalProgressPct)} %`],
    ['financial progress', `${pct(values.financialProgressPct_CA)} %`],
    ['recommended tranche', values.recommendedDisbursementDisplay as string],
    ['recommended tranche in words', values.recommendedDisbursementInWords as string],
    ['LIE-certified cost', lakh(values.lieCertifiedTotalCost as number)],
    ['eligible cumulative', lakh(values.eligibleCumulativeBankDisbursement as number)],
    ['projected overrun', `${lakh(values.projectedOverrun as number)} (${pct(values.projectedOverrunPct)} %)`],
  ],
  checks: (fixture: RenderedPfFixture) => {
    const { name, values, filledXml, text } = fixture;
    // DOMAIN §4.c: the photographs are annexure 1, the progress sheet annexure 2, the site plan annexure 8.
    const annexure1 = text.indexOf('ANNEXURE 1 — PROGRESS PHOTOGRAPHS');
    const photoPage = text.indexOf('PROGRESS PHOTOGRAPHS', annexure1 + 'ANNEXURE 1 — PROGRESS PHOTOGRAPHS'.length);
    const annexure2 = text.indexOf('ANNEXURE 2 — COMPONENT-WISE PROGRESS SHEET');
    const rest = text.indexOf('ANNEXURES 3 TO 8');
    const sitePlan = text.indexOf('SITE PLAN MARKING PHOTO LOCATIONS', rest);
    assert.ok(
      annexure1 > 0 && annexure1 < photoPage && photoPage < annexure2,
      `${name}: photographs before annexure 2`,
    );
    assert.ok(annexure2 < rest && rest < sitePlan, `${name}: the site plan after annexure 2`);
    // DOMAIN §4.b: a recommendation made while ERROR findings are open is flagged in the summary.
    const flag = fixture.warnings.some((warning) => warning.code === 'RECOMMENDATION_WITH_OPEN_ERRORS');
    const flagged = text.indexOf('RECOMMENDATION FLAGGED: A tranche of');
    assert.equal(flagged >= 0, flag, `${name}: the summary flags the recommendation exactly when it is open to ERRORs`);
    if (flag) assert.ok(flagged < text.indexOf('2. PROJECT AND LENDER'), `${name}: the flag is in the summary`);
    const components = printedTable(filledXml, 'Weighted %');
    assertFoots(components, 4, `${name}: weighted progress`);
    assertFoots(components, 2, `${name}: weights`);
    assert.equal(
      components.at(-1)?.[4],
      lakh(values.physicalProgressPct as number),
      `${name}: Σ weighted = physical progress`,
    );
    const cost = printedTable(filledXml, 'LIE certified');
    for (const column of [1, 2, 3, 4]) assertFoots(cost, column, `${name}: cost table, column ${column}`);
    const sources = printedTable(filledXml, 'Amount');
    assertFoots(sources.slice(0, -1), 1, `${name}: sources brought in`);
    const [totalSources, uses] = sources.slice(-2).map((row) => row[1]);
    const tied = !fixture.warnings.some((warning) => warning.code === 'SOURCES_NOT_EQUAL_USES');
    assert.equal(totalSources === uses, tied, `${name}: sources tie to uses unless the checker says they do not`);
  },
});
