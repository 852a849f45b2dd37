"""Independent reference computation for the STAGE_PROGRESS edge-case fixtures (DOMAIN.md §4.b, §4.d).

Written from DOMAIN.md alone, not from the pack's TypeScript: Decimal arithmetic, half-up to
2 decimals (₹ lakh and %), haversine on a 6,371,008.8 m sphere, and each warning code by the
check DOMAIN §4.d states. It writes fixtures/<case>.expected.json for each case in CASES from
fixtures/<case>.input.json. Run from the repository root:
    python3 template-packs/stage-progress-v1/reference/stage_reference.py
"""
import json
import math
from datetime import date
from decimal import Decimal as D, ROUND_HALF_UP
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
CASES = ["overrun-and-gap", "tranche-above-eligible", "photos-off-site"]
HEADS = ["landAndApprovals", "construction", "professionalFeesAndOverheads", "marketing", "financeCost"]


def q(x, places="0.01"):
    return D(x).quantize(D(places), rounding=ROUND_HALF_UP)


def d(x):
    return D(str(x))


def haversine(lat1, lng1, lat2, lng2):
    p = math.radians
    h = math.sin(p(lat2 - lat1) / 2) ** 2 + math.cos(p(lat1)) * math.cos(p(lat2)) * math.sin(p(lng2 - lng1) / 2) ** 2
    return 2 * 6371008.8 * math.asin(min(1, math.sqrt(h)))


def compute(inp):
    b, ca, lie, f = inp["budget"], inp["costIncurredCa"], inp.get("lieVerification", {}), inp["fundsInfused"]
    weighted = [q(d(c["weightPct"]) * d(c["progressPct"]) / 100) for c in inp["components"]]
    physical = sum(weighted)
    ev = q(physical / 100 * d(b["construction"]))
    fin = q(d(ca["construction"]) / d(b["construction"]) * 100)
    mat, adv = d(lie.get("materialAtSiteVerified", 0)), d(lie.get("advancesToContractors", 0))
    work = d(ca["construction"]) - mat - adv
    cpi = ev / work
    eac = q(d(b["construction"]) * work / ev)
    overrun = eac - d(b["construction"])
    lie_con = ev + mat
    ca_total = sum(d(ca[h]) for h in HEADS)
    lie_total = lie_con + sum(d(ca[h]) for h in HEADS if h != "construction")
    budget_total = sum(d(b[h]) for h in HEADS)
    sanction = d(inp["lender"]["sanctionedAmount"])
    disbursed = d(f["bankDisbursedToDate"])
    eligible = min(sanction, q(sanction * lie_total / budget_total))
    available = max(D(0), eligible - disbursed)
    requested = d(inp["disbursementRequest"]["requestedAmount"])
    tranche = max(D(0), min(available, requested, sanction - disbursed))
    recommended = d(inp.get("recommendation", {}).get("amount", tranche))
    sources = d(f["promoterEquity"]) + d(f.get("customerAdvancesReceived", 0)) + disbursed
    received = d(f.get("customerAdvancesReceived", 0))
    rera = q(d(f.get("customerAdvancesInReraDesignatedAccount", 0)) / received * 100) if received else None
    required = q(lie_total * D("0.25"))
    planned = d(inp["plannedPhysicalProgressPctAsOnDate"])
    spi = physical / planned
    duration = d(inp["project"]["plannedDurationMonths"])
    forecast = q(duration * planned / physical)
    g = inp["project"]["gps"]
    photos = [dict(file=p["file"], day=p["takenAt"][:10],
                   dist=round(haversine(g["lat"], g["lng"], p["lat"], p["lng"]), 1), caption=p.get("caption", ""))
              for p in inp.get("photos", [])]
    values = {
        "physicalProgressPct": float(physical),
        "earnedValueConstruction": float(ev),
        "financialProgressPct_CA": float(fin),
        "physicalVsFinancialGapPp": float(fin - physical),
        "workCostExclMaterialAndAdvances": float(work),
        "costPerformanceIndex": float(q(cpi, "0.0001")),
        "estimateAtCompletionConstruction": float(eac),
        "projectedOverrun": float(overrun),
        "projectedOverrunPct": float(q(overrun / d(b["construction"]) * 100)),
        "lieCertifiedConstructionCost": float(lie_con),
        "lieCertifiedTotalCost": float(lie_total),
        "caCertifiedTotalCost": float(ca_total),
        "unverifiedCost": float(ca_total - lie_total),
        "sourcesTotal": float(sources),
        "sourcesPlusCreditors": float(sources + d(f.get("sundryCreditors", 0))),
        "reraDepositPct": float(rera) if rera is not None else None,
        "eligibleCumulativeBankDisbursement": float(eligible),
        "availableForDisbursement": float(available),
        "eligibleTranche": float(tranche),
        "recommendedDisbursement": float(recommended),
        "promoterContributionRequired": float(required),
        "promoterConditionMet": d(f["promoterEquity"]) >= required,
        "schedulePerformanceIndex": float(q(spi, "0.0001")),
        "slippagePp": float(planned - physical),
        "forecastDurationMonths": float(forecast),
        "photosCount": len(photos),
    }
    if photos:
        values["maxPhotoDistanceFromSiteM"] = max(p["dist"] for p in photos)
    return values, dict(physical=physical, fin=fin, overrun=overrun, lie_con=lie_con, lie_total=lie_total,
                        ca_total=ca_total, sources=sources, rera=rera, recommended=recommended, eligible=eligible,
                        disbursed=disbursed, sanction=sanction, requested=requested, required=required, spi=spi,
                        photos=photos, budget_total=budget_total)


def warnings(inp, w):
    codes = set()
    comps = inp["components"]
    if sum(d(c["weightPct"]) for c in comps) != 100:
        codes.add("WEIGHTS_NOT_100")
    if any(not 0 <= c["progressPct"] <= 100 for c in comps):
        codes.add("PROGRESS_OUT_OF_RANGE")
    if any("previousProgressPct" in c and c["progressPct"] < c["previousProgressPct"] for c in comps):
        codes.add("PROGRESS_WENT_DOWN")
    towers = inp["project"].get("towers", [])
    slabs = sum(t["slabsTotal"] for t in towers)
    rcc = next((c for c in comps if "RCC" in c["component"]), None)
    if rcc and slabs and abs(d(rcc["progressPct"]) - q(d(sum(t["slabsCast"] for t in towers)) / slabs * 100)) > D("0.01"):
        codes.add("RCC_PROGRESS_MISMATCH")
    if abs(w["fin"] - w["physical"]) > 10:
        codes.add("PHYSICAL_FINANCIAL_GAP")
    if q(w["overrun"] / d(inp["budget"]["construction"]) * 100) > 5:
        codes.add("COST_OVERRUN")
    if w["lie_con"] > d(inp["costIncurredCa"]["construction"]) or w["lie_total"] > w["ca_total"]:
        codes.add("LIE_ABOVE_CA")
    creditors = d(inp["fundsInfused"].get("sundryCreditors", 0))
    if abs(w["sources"] + creditors - w["ca_total"]) > D("0.01"):
        codes.add("SOURCES_NOT_EQUAL_USES")
    means = inp["meansOfFinance"]
    if (abs(w["budget_total"] - d(inp["budget"]["total"])) > D("0.01")
            or abs(w["ca_total"] - d(inp["costIncurredCa"]["total"])) > D("0.01")
            or abs(sum(d(means[k]) for k in ("promoterEquity", "bankConstructionFinance", "customerAdvances")) - w["budget_total"]) > D("0.01")):
        codes.add("BUDGET_NOT_FOOTING")
    if inp["promoter"].get("reraRegNo") and w["rera"] is not None and w["rera"] < 70:
        codes.add("RERA_DEPOSIT_SHORT")
    limit = min(w["requested"], w["sanction"] - w["disbursed"], w["eligible"] - w["disbursed"])
    if w["recommended"] > limit:
        codes.add("TRANCHE_ABOVE_ELIGIBLE")
    st, meta = inp.get("statutory", {}), inp["reportMeta"]
    if w["recommended"] > 0 and (d(inp["fundsInfused"]["promoterEquity"]) < w["required"]
                                 or not st.get("insuranceCarPolicyValidTill")
                                 or st["insuranceCarPolicyValidTill"] < meta["inspectionDate"]
                                 or (inp["promoter"].get("reraRegNo") and st.get("reraQprFiledForQuarter") is not True)):
        codes.add("RECOMMENDATION_NOT_ALLOWED")
    start = date.fromisoformat(inp["project"]["constructionStart"])
    months = float(w["spi"] and d(inp["project"]["plannedDurationMonths"]) / w["spi"])
    whole = math.floor(months)
    m = start.month - 1 + whole
    end = date(start.year + m // 12, m % 12 + 1, start.day).toordinal() + round((months - whole) * 30)
    late = any(x and date.fromordinal(end).isoformat() > x
               for x in (inp["promoter"].get("reraCompletionDate"), inp["promoter"].get("dccoDate")))
    if w["spi"] < D("0.9") or late:
        codes.add("SCHEDULE_SLIPPAGE")
    if not (meta.get("periodFrom", "0") <= meta["inspectionDate"] <= meta.get("periodTo", "9")) or meta["reportDate"] < meta["inspectionDate"]:
        codes.add("INSPECTION_DATES_INVALID")
    photos = w["photos"]
    if len(photos) < 8:
        codes.add("PHOTOS_TOO_FEW")
    if any(p["day"] != meta["inspectionDate"] for p in photos):
        codes.add("PHOTO_DATE_OUTSIDE_INSPECTION")
    if any(p["dist"] > 200 for p in photos):
        codes.add("PHOTO_FAR_FROM_SITE")
    if any(not any(t["name"].lower() in p["caption"].lower() for p in photos) for t in towers):
        codes.add("TOWER_NOT_PHOTOGRAPHED")
    # DOMAIN §6: GPS inside India (a box from 6° to 37.6° N and 68° to 97.5° E).
    points = [inp["project"]["gps"], *inp.get("photos", [])]
    if any("lat" in g and "lng" in g and not (6 <= g["lat"] <= 37.6 and 68 <= g["lng"] <= 97.5) for g in points):
        codes.add("GPS_OUTSIDE_INDIA")
    if any(d(x) != q(d(x)) for x in money(inp)):
        codes.add("AMOUNT_PRECISION")
    # DOMAIN §4.b: no recommendation while an ERROR finding is open (the tranche's own two rules aside).
    if w["recommended"] > 0 and codes & (ERRORS - {"TRANCHE_ABOVE_ELIGIBLE", "RECOMMENDATION_NOT_ALLOWED"}):
        codes.add("RECOMMENDATION_WITH_OPEN_ERRORS")
    return sorted(codes)


ERRORS = {"WEIGHTS_NOT_100", "PROGRESS_OUT_OF_RANGE", "PHYSICAL_PROGRESS_MISMATCH", "BUDGET_NOT_FOOTING",
          "TABLE_NOT_FOOTING", "LIE_ABOVE_CA", "SOURCES_NOT_EQUAL_USES", "RERA_DEPOSIT_SHORT", "TRANCHE_ABOVE_ELIGIBLE",
          "RECOMMENDATION_NOT_ALLOWED", "INSPECTION_DATES_INVALID", "PHOTOS_TOO_FEW", "PHOTO_DATE_OUTSIDE_INSPECTION",
          "PHOTO_FAR_FROM_SITE", "TOWER_NOT_PHOTOGRAPHED", "GPS_OUTSIDE_INDIA", "AMOUNT_PRECISION"}


def money(inp):
    """Every amount of the input in ₹ lakh: the budget, the means, the CA certificate, the LIE
    verification, the funds infused, the request, the sanction, the previous tranches and the
    recommendation."""
    groups = [inp.get(k, {}) for k in ("budget", "meansOfFinance", "costIncurredCa", "lieVerification", "fundsInfused")]
    amounts = [v for g in groups for v in g.values() if isinstance(v, (int, float)) and not isinstance(v, bool)]
    amounts += [inp.get("disbursementRequest", {}).get("requestedAmount", 0), inp["lender"].get("sanctionedAmount", 0),
                inp.get("recommendation", {}).get("amount", 0)]
    amounts += [t.get(k, 0) for t in inp.get("previousTranches", []) for k in ("recommended", "disbursed")]
    return amounts


def main():
    for case in CASES:
        inp = json.loads((FIXTURES / f"{case}.input.json").read_text())
        values, work = compute(inp)
        expected = {"now": "2025-09-24T06:00:00.000Z", "values": values, "warnings": warnings(inp, work),
                    "tolerance": 0.005}
        (FIXTURES / f"{case}.expected.json").write_text(json.dumps(expected, indent=2) + "\n")
        print(case, expected["warnings"])


if __name__ == "__main__":
    main()
