import assert from 'node:assert/strict';
import type { JsonValue } from '../../contract/index.js';
import type { RuleContext } from '../../define-pack/index.js';
import { amountPrecisionRules, moneyFieldsOf } from './amount-precision-rules.js';

const schema: JsonValue = {
  type: 'object',
  properties: {
    projectCost: {
      type: 'object',
      properties: {
        total: { type: 'number', 'x-unit': 'INR_LAKH' },
        contingencyPctOnBuildingAndPM: { type: 'number', 'x-unit': '%' },
      },
    },
    assumptions: {
      type: 'object',
      properties: {
        fixedCashCostPerYear: { type: 'number', 'x-unit': 'INR_LAKH' },
        depreciationClasses: {
          type: 'array',
          items: {
            type: 'object',
            properties: { base: { type: 'number', 'x-unit': 'INR_LAKH' }, lifeYears: { type: 'number' } },
          },
        },
      },
    },
  },
};

function context(input: JsonValue): RuleContext<JsonValue, object, string> {
  return { input, values: {}, number: () => undefined, settings: {}, now: '2026-01-01T00:00:00Z' };
}

describe('project-finance amount precision', () => {
  it('lists every ₹ lakh number of a schema, array items as *', () => {
    assert.deepEqual(moneyFieldsOf(schema), [
      '/projectCost/total',
      '/assumptions/fixedCashCostPerYear',
      '/assumptions/depreciationClasses/*/base',
    ]);
  });

  it('flags every amount with more than 2 decimals, wherever it sits, and no percentage', () => {
    const rule = amountPrecisionRules<JsonValue, object>(moneyFieldsOf(schema)).AMOUNT_PRECISION;
    const input = {
      projectCost: { total: 100.125, contingencyPctOnBuildingAndPM: 5.125 },
      assumptions: {
        fixedCashCostPerYear: 90.1,
        depreciationClasses: [
          { base: 120, lifeYears: 30 },
          { base: 279.005, lifeYears: 15.5 },
        ],
      },
    };
    assert.deepEqual(rule.check(context(input)), {
      message:
        'Give amounts in ₹ lakh to 2 decimals: /projectCost/total (100.125), /assumptions/depreciationClasses/1/base (279.005)',
      fields: ['/projectCost/total', '/assumptions/depreciationClasses/1/base'],
    });
    assert.equal(rule.check(context({ projectCost: { total: 500 } })), false);
  });
});
