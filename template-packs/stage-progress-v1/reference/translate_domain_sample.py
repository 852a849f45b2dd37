"""Translates the STAGE_PROGRESS entry of shared/fixtures/domain-samples.json into this pack's schema.

Keys are renamed or regrouped; no number is changed. The sample's `rules` block (promoter share
25 %, gap 10 pp, overrun 5 %, 200 m, 8 photos) equals the pack's default settings, so it is not
input. Run from the repository root:
    python3 template-packs/stage-progress-v1/reference/translate_domain_sample.py ../shared/fixtures/domain-samples.json
"""
import json
import sys
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def translate(sample):
    source = dict(sample["input"])
    rules = source.pop("rules")
    assert rules == {"bankShareBasis": "sanction / total project cost", "promoterShareRequiredPct": 25,
                     "maxPhysicalVsFinancialGapPp": 10, "maxCostOverrunPctBeforeFlag": 5,
                     "photoMaxDistanceM": 200, "minPhotos": 8}, "the sample's rules differ from the defaults"
    pack_input = {
        "reportMeta": source["reportMeta"],
        "lender": source["lender"],
        "promoter": source["promoter"],
        "project": source["project"],
        "budget": source["budget"],
        "meansOfFinance": {
            "promoterEquity": source["meansOfFinance"]["promoterEquity"],
            "bankConstructionFinance": source["meansOfFinance"]["bankConstructionFinance"],
            "customerAdvances": source["meansOfFinance"]["customerAdvances"],
            "total": source["meansOfFinance"]["total"],
        },
        "stageTemplate": "COST_WEIGHTED",
        "components": source["components"],
        "plannedPhysicalProgressPctAsOnDate": source["plannedPhysicalProgressPctAsOnDate"],
        "costIncurredCa": source["costIncurred_CA"],
        "lieVerification": source["constructionCostBreakup_LIE"],
        "fundsInfused": source["fundsInfused"],
        "disbursementRequest": source["disbursementRequest"],
        "statutory": source["statutory"],
        "photos": source["photos"],
    }
    values = dict(sample["expected"])
    # The recommended 1,000.00 lakh = ₹10,00,00,000, worked by hand (DOMAIN §1.1, §1.2).
    values["recommendedDisbursementDisplay"] = "₹ 1,000.00 lakh"
    values["recommendedDisbursementInWords"] = "Rupees Ten Crore Only"
    # SPI 0.8556 < 0.9 is the only finding: DOMAIN §4.d warns on it; the rest of the sample is clean.
    expected = {"now": "2025-09-24T06:00:00.000Z", "values": values, "warnings": ["SCHEDULE_SLIPPAGE"],
                "tolerance": 0.005}
    return pack_input, expected


def main():
    samples = json.loads(Path(sys.argv[1]).read_text())
    pack_input, expected = translate(samples["STAGE_PROGRESS"])
    for name, body in (("domain-sample.input.json", pack_input), ("domain-sample.expected.json", expected)):
        (FIXTURES / name).write_text(json.dumps(body, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
