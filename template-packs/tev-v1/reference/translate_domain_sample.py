"""Translates the TEV entry of shared/fixtures/domain-samples.json into this pack's schema.

Keys are renamed or regrouped; no number is changed. What the pack's schema needs and the
sample states only in words is written out: the sensitivity case labels become shocks (the
percentages of the labels), the conclusion becomes the verdict VIABLE, and its DSRA mitigant
becomes the risk-matrix row for the ARPOB case. The sample gives no independence declaration;
a complete TEV has one (DOMAIN §5.d), so it is marked as given. The sample's `thresholds` equal
the pack's default settings. The sample keeps charging the 8-year furniture class in years 9
and 10, so this case sets `stopDepreciationAtEndOfLife: false`. The interest method in words
("Annual, on opening balance; instalments at year end") becomes the schema's code ANNUAL_REST.
The sample projects no balance sheet; the one expected here is worked by the independent
reference (`tev_reference.balance_sheet`) from the sample's own projected PAT, depreciation,
cash accruals and loan balances, with current assets = the working-capital margin 85 + the
proposed cash credit 250 = 335. Run from the repository root:
    python3 template-packs/tev-v1/reference/translate_domain_sample.py ../shared/fixtures/domain-samples.json
"""
import json
import sys
from decimal import Decimal as D
from pathlib import Path

from tev_reference import balance_sheet

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

CASES = {
    "ARPOB -10%": {"key": "arpobMinus10", "label": "ARPOB −10 %", "priceChangePct": -10},
    "Occupancy -10% (relative)": {"key": "occupancyMinus10pctRel", "label": "Occupancy −10 % (relative)",
                                  "capacityChangePct": -10},
    "Variable cost +10%": {"key": "variableCostPlus10", "label": "Variable cost +10 %", "variableCostChangePct": 10},
    "ARPOB -5% & variable cost +5%": {"key": "arpobMinus5AndCostPlus5", "label": "ARPOB −5 % and variable cost +5 %",
                                      "priceChangePct": -5, "variableCostChangePct": 5},
    "Project cost +10% (same D:E)": {"key": "projectCostPlus10", "label": "Project cost +10 % (same D/E)",
                                     "projectCostChangePct": 10},
    "Interest +1 percentage point": {"key": "interestPlus1pp", "label": "Interest +1 pp", "interestChangePp": 1},
}


def translate(sample):
    s = sample["input"]
    assert s["thresholds"] == {"minDscr": 1.25, "avgDscr": 1.5, "maxDebtEquity": 2.0,
                               "minPromoterContributionPct": 25, "maxRepaymentTenorPctOfEconomicLife": 85}
    a = s["assumptions"]
    dep = a["depreciation"]
    names = {"buildingInclPreOperative": "Building incl. pre-operative expenses",
             "medicalEquipmentInclContingency": "Medical equipment incl. contingency",
             "nonMedical": "Non-medical equipment and utilities", "furnitureIt": "Furniture, fixtures and IT"}
    assumptions = {k: a[k] for k in (
        "projectionYears", "occupancyPct", "arpobYear1Rs", "arpobGrowthPct", "variableCostPctOfRevenue",
        "fixedCashCostYear1", "fixedCostGrowthPct", "taxRatePct", "lossCarryForward", "termLoanRatePct",
        "interestMethod", "moratoriumYears", "repaymentPctByYear", "workingCapitalInterestPerYear",
        "discountRatePct", "residualValueBasis")}
    assert assumptions["interestMethod"] == "Annual, on opening balance; instalments at year end"
    assumptions["interestMethod"] = "ANNUAL_REST"
    assumptions["depreciationMethod"] = dep["method"]
    assumptions["depreciationClasses"] = [{"asset": names[k], **v} for k, v in dep.items() if k != "method"]
    borrower = {k: v for k, v in s["borrower"].items()}
    pack_input = {
        "reportMeta": s["reportMeta"],
        "lender": s["lender"],
        "borrower": borrower,
        "project": s["project"],
        "projectCost": s["projectCost"],
        "meansOfFinance": s["meansOfFinance"],
        "assumptions": assumptions,
        "sensitivityCases": [CASES[label] for label in a["sensitivityCases"]],
        "riskMatrix": [{"risk": "Decline in ARPOB", "sensitivityCaseKey": "arpobMinus10",
                        "mitigant": "DSRA of 2 quarters' debt service and a promoter shortfall undertaking"}],
        "verdict": "VIABLE",
        "conclusion": sample["expected"]["conclusion"],
        "declarations": {"independence": True},
    }
    e = sample["expected"]
    rename = {"npv12": "npv", "cashBepOccupancyPctY5": "cashBepPctOfCapacity", "bepOccupancyPctY5": "bepPctOfCapacity"}
    values = {
        "projectCostTotal": s["projectCost"]["total"],
        "meansOfFinanceTotal": s["meansOfFinance"]["total"],
        "contingencyComputed": s["projectCost"]["contingency"],
        "repaymentTotal": s["meansOfFinance"]["termLoan"],
        "residualValue": a["residualValueEndOfYear10"],
        "debtEquityRatio": e["debtEquityRatio"],
        "promoterContributionPct": e["promoterContributionPct"],
        "arpobByYear": e["arpobByYear"],
        "depreciationPerYear": e["depreciationPerYear"],
        "projections": e["projections"],
        "avgDscr": e["avgDscr_weighted_repaymentYears"],
        "avgDscrSimpleMean": e["avgDscr_simpleMean_repaymentYears"],
        "minDscr": e["minDscr"],
        "firrPct": e["firrPct"],
        "firrCashFlows": e["firrCashFlows"],
        "npv": e["npvAt12Pct"],
        "paybackYears": e["paybackYearsFromCod"],
        "repaymentTenorYears": e["repaymentTenorYears"],
        "repaymentTenorPctOfEconomicLife": e["repaymentTenorPctOfEconomicLife"],
        "sensitivity": {case: {rename.get(k, k): v for k, v in row.items()} for case, row in e["sensitivity"].items()},
        # DOMAIN §5.b: BEP occupancy in Y5, 54.41 % and cash BEP 48.26 %.
        "breakEven": {"year": 5, "bepPctOfInstalledCapacity": 54.41, "cashBepPctOfInstalledCapacity": 48.26},
    }
    rows = [{k: (D(str(v)) if k != "year" and isinstance(v, (int, float)) else v) for k, v in row.items()}
            for row in e["projections"]]
    values["balanceSheet"] = balance_sheet(pack_input, rows)
    values["currentAssets"] = 335.0
    values["cashCredit"] = 250.0
    # Scheduled COD 2026-04-01 falls in FY 2026-27; the projection runs ten financial years from it.
    values["yearLabels"] = [f"FY {2026 + i}-{(27 + i) % 100:02d}" for i in range(a["projectionYears"])]
    expected = {"now": "2025-10-15T06:00:00.000Z", "settings": {"stopDepreciationAtEndOfLife": False},
                "values": values, "warnings": [], "tolerance": 0.01}
    return pack_input, expected


def main():
    samples = json.loads(Path(sys.argv[1]).read_text())
    pack_input, expected = translate(samples["TEV"])
    for name, body in (("domain-sample.input.json", pack_input), ("domain-sample.expected.json", expected)):
        (FIXTURES / name).write_text(json.dumps(body, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
