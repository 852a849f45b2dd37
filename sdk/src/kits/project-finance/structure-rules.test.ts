import assert from 'node:assert/strict';
import type { RuleContext } from '../../define-pack/index.js';
import type { ProjectFinanceInput, ProjectFinanceSettings } from './project-finance-types.js';
import { amountPrecisionRules, differsBeyondTolerance } from './structure-rules.js';

const settings: ProjectFinanceSettings = {
  debtEquityMaxGeneral: 2,
  debtEquityMaxMsme: 3,
  minPromoterContributionPct: 25,
  dscrFloor: 1,
  minDscrComfort: 1.25,
  avgDscrComfort: 1.5,
  maxCashBepPctOfCapacity: 60,
  bepReferenceYear: 3,
  footingToleranceLakh: 0.01,
  defaultSensitivityCases: [],
};

function context(input: object): RuleContext<ProjectFinanceInput, ProjectFinanceSettings, string> {
  return { input, values: {}, number: () => undefined, settings, now: '2026-01-01T00:00:00Z' };
}

describe('project-finance structure rules', () => {
  it('checks amounts to 2 decimals and leaves out the fields the pack calls percentages', () => {
    const input = { projectCost: { total: 100.125, contingencyPctOnBuildingAndPM: 5.125 }, meansOfFinance: {} };
    const endsWithPct = amountPrecisionRules((key) => key.endsWith('Pct')).AMOUNT_PRECISION;
    const containsPct = amountPrecisionRules((key) => key.includes('Pct')).AMOUNT_PRECISION;
    assert.equal(
      endsWithPct?.check(context(input)),
      'Give amounts in ₹ lakh to 2 decimals: total, contingencyPctOnBuildingAndPM',
    );
    assert.equal(containsPct?.check(context(input)), 'Give amounts in ₹ lakh to 2 decimals: total');
  });

  it('treats a difference within the footing tolerance as equal', () => {
    assert.equal(differsBeyondTolerance(10, 10.01, 0.01), false);
    assert.equal(differsBeyondTolerance(10, 10.02, 0.01), true);
    assert.equal(differsBeyondTolerance(undefined, 10, 0.01), false);
  });
});
