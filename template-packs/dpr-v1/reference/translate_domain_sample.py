"""Translates the DPR entry of shared/fixtures/domain-samples.json into this pack's schema.

Keys are renamed or regrouped; no number is changed. The sample's interest method, in words
("Annual, on opening balance; instalments at year end"), becomes the schema's code ANNUAL_REST.
Run from the repository root:
    python3 template-packs/dpr-v1/reference/translate_domain_sample.py ../shared/fixtures/domain-samples.json
"""
import json
import sys
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def translate(sample):
    source = sample["input"]
    a = source["assumptions"]
    dep = a["depreciation"]
    classes = [
        {"asset": "Building and civil works", **dep["building"]},
        {"asset": "Plant and machinery incl. contingency", **dep["plantAndMachineryInclContingency"]},
        {"asset": "Miscellaneous fixed assets", **dep["miscFixedAssets"]},
    ]
    assumptions = {k: a[k] for k in (
        "projectionYears", "capacityUtilisationPct", "variableCostPctOfSales", "fixedCashCostPerYear",
        "taxRatePct", "termLoanRatePct", "interestMethod", "moratoriumYears", "repaymentYears",
        "repaymentInstalment", "workingCapitalInterestPerYear", "preOperativeAmortisationYears",
        "discountRatePct", "residualValueBasis")}
    assumptions.update({"depreciationMethod": dep["method"], "depreciationClasses": classes, "lossCarryForward": True})
    assert a["interestMethod"] == "Annual, on opening balance; instalments at year end"
    assumptions["interestMethod"] = "ANNUAL_REST"
    pack_input = {
        "reportMeta": source["reportMeta"],
        "borrower": source["borrower"],
        "bank": source["bank"],
        "product": source["product"],
        "projectCost": source["projectCost"],
        "meansOfFinance": source["meansOfFinance"],
        "assumptions": assumptions,
        "workingCapital": source["workingCapital"],
    }
    e = sample["expected"]
    rename = {"cashBepPctCapacityY3": "cashBepPctOfCapacity", "bepPctCapacityY3": "bepPctOfCapacity"}
    sensitivity = {case: {rename.get(k, k): v for k, v in row.items()} for case, row in e["sensitivity"].items()}
    values = {
        "projectCostTotal": source["projectCost"]["total"],
        "meansOfFinanceTotal": source["meansOfFinance"]["total"],
        "contingencyComputed": source["projectCost"]["contingency"],
        "salesAtFullCapacity": source["product"]["salesAt100PctLakh"],
        "repaymentTotal": source["meansOfFinance"]["termLoan"],
        "residualValue": a["residualValueEndOfYear7"],
        "debtEquityRatio": e["debtEquityRatio"],
        "promoterContributionPct": e["promoterContributionPct"],
        "depreciationPerYear": e["depreciationPerYear"],
        "projections": e["projections"],
        "avgDscr": e["avgDscr_weighted_repaymentYears"],
        "avgDscrSimpleMean": e["avgDscr_simpleMean_repaymentYears"],
        "minDscr": e["minDscr"],
        "firrPct": e["firrPct"],
        "firrCashFlows": e["firrCashFlows"],
        "npv": e["npvAt12Pct"],
        "paybackYears": e["paybackYearsFromCod"],
        "balanceSheet": e["balanceSheet"],
        "sensitivity": sensitivity,
    }
    # DOMAIN §3.b, Y3 break-even as worked in the text.
    values["breakEven"] = {"year": 3, "bepPctOfSales": 56.63, "bepPctOfInstalledCapacity": 42.47,
                           "cashBepPctOfInstalledCapacity": 34.81, "bepSales": 509.67, "cashBepSales": 417.67}
    # DOMAIN §3.b "Working capital": requirement 104, margin 25 % = 26, bank finance (CC) 78.
    values["workingCapitalMarginComputed"] = source["workingCapital"]["margin"]
    values["workingCapitalGap"] = source["workingCapital"]["bankFinance"]
    values["yearLabels"] = [f"FY {2026 + i}-{(27 + i) % 100:02d}" for i in range(a["projectionYears"])]
    expected = {"now": "2025-07-01T06:00:00.000Z", "values": values, "warnings": [], "tolerance": 0.005}
    return pack_input, expected


def main():
    samples = json.loads(Path(sys.argv[1]).read_text())
    pack_input, expected = translate(samples["DPR"])
    for name, body in (("domain-sample.input.json", pack_input), ("domain-sample.expected.json", expected)):
        (FIXTURES / name).write_text(json.dumps(body, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
