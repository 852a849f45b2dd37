"""Independent reference computation for the DPR edge-case fixtures (DOMAIN.md §3.b, §3.d).

Written from DOMAIN.md alone, not from the pack's TypeScript: Decimal arithmetic with half-up
rounding to 0.01 lakh on every printed line, IRR by bisection, and the warning codes by the
checks DOMAIN.md lists. It writes fixtures/<case>.expected.json for every case in CASES below,
whose inputs are fixtures/<case>.input.json. Run from the repository root:
    python3 template-packs/dpr-v1/reference/dpr_reference.py
"""
import json
from decimal import Decimal as D, ROUND_HALF_UP
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
CASES = ["stressed-price", "funding-mismatch", "loss-start-structured", "emi-monthly-rests"]
CENT = D("0.01")


def r2(x):
    return D(x).quantize(CENT, rounding=ROUND_HALF_UP)


def r4(x):
    return D(x).quantize(D("0.0001"), rounding=ROUND_HALF_UP)


def num(x):
    return float(x)


def model(inp, price=D(0), vc=D(0), cu=D(0), cost=D(0), rate_pp=D(0)):
    """One case: shocks are relative % (price, vc, cu, cost) and percentage points (rate)."""
    a = inp["assumptions"]
    k = 1 + cost / 100
    scale = lambda v: r2(D(str(v)) * k)
    n = a["projectionYears"]
    full = D(str(inp["product"]["installedCapacityTpa"])) * D(str(inp["product"]["sellingPricePerTonne"])) / D(100000)
    pc = inp["projectCost"]
    cost_total = scale(sum(D(str(pc.get(h, 0))) for h in (
        "landAndSiteDevelopment", "buildingAndCivilWorks", "plantAndMachinery", "miscFixedAssets",
        "preliminaryAndPreOperative", "contingency", "marginMoneyWorkingCapital")))
    tl = scale(inp["meansOfFinance"]["termLoan"])
    rate = (D(str(a["termLoanRatePct"])) + rate_pp) / 100
    mor = a["moratoriumYears"]
    loan = loan_schedule(a, tl, rate, n)
    classes = [(scale(c["base"]), D(str(c["lifeYears"]))) for c in a["depreciationClasses"]]
    am_years = a.get("preOperativeAmortisationYears") or 0
    preop = scale(pc.get("preliminaryAndPreOperative", 0)) if am_years else D(0)
    amort = r2(preop / am_years) if am_years else D(0)
    tax_rate = D(str(a["taxRatePct"])) / 100
    wc_int = D(str(a.get("workingCapitalInterestPerYear", 0)))
    fcc1 = D(str(a["fixedCashCostPerYear"]))
    growth = D(str(a.get("fixedCostGrowthPct", 0))) / 100
    rows, bal, pool, charged = [], tl, D(0), [D(0)] * len(classes)
    for t in range(1, n + 1):
        u = D(str(a["capacityUtilisationPct"][t - 1])) * (1 + cu / 100)
        base_sales = full * u / 100
        sales = r2(base_sales * (1 + price / 100))
        var = r2(base_sales * D(str(a["variableCostPctOfSales"])) / 100 * (1 + vc / 100))
        contrib = sales - var
        fcc = r2(fcc1 * (1 + growth) ** (t - 1))
        ebitda = contrib - fcc
        charges = []
        for i, (b, life) in enumerate(classes):
            c = min(b / life, b - charged[i])
            c = max(c, D(0))
            charged[i] += c
            charges.append(c)
        dep = r2(sum(charges))
        am = amort if t <= am_years else D(0)
        ebit = ebitda - dep - am
        interest, principal = loan[t - 1]
        pbt = ebit - interest - wc_int
        if pbt <= 0:
            tax, pool = D(0), pool - pbt
        else:
            use = min(pool, pbt)
            tax, pool = r2((pbt - use) * tax_rate), pool - use
        pat = pbt - tax
        accr = pat + dep + am
        rows.append(dict(year=t, sales=sales, variableCost=var, contribution=contrib, fixedCashCost=fcc,
                         ebitda=ebitda, depreciation=dep, amortisation=am, ebit=ebit, interestTermLoan=interest,
                         pbt=pbt, tax=tax, pat=pat, cashAccruals=accr, tlRepayment=principal,
                         tlClosing=bal - principal, lossBroughtForwardClosing=pool,
                         num=accr + interest, den=principal + interest, cu=u,
                         fc=fcc + dep + am + interest + wc_int))
        bal -= principal
    land = scale(pc.get("landAndSiteDevelopment", 0))
    wcm = scale(pc.get("marginMoneyWorkingCapital", 0))
    residual = r2(land + wcm + sum(max(D(0), b - min(b, b / life * n)) for b, life in classes))
    flows = [-cost_total] + [r["ebitda"] - r2(max(r["ebit"], D(0)) * tax_rate) for r in rows]
    flows[-1] += residual
    return dict(rows=rows, flows=flows, residual=residual, cost=cost_total, tl=tl, instalment=instalment_per_rest(a, tl, rate))


RESTS = {"ANNUAL_REST": 1, "QUARTERLY_REST": 4, "MONTHLY_REST": 12}


def emi(principal, period_rate, periods):
    """DOMAIN §3.b: EMI = P·r·(1+r)^n / ((1+r)^n − 1), rounded to 0.01 lakh."""
    if period_rate == 0:
        return r2(principal / periods)
    growth = (1 + period_rate) ** periods
    return r2(principal * period_rate * growth / (growth - 1))


def loan_schedule(a, tl, rate, years):
    """(interest, principal) of each year: interest on the balance at every rest at rate ÷ rests,
    instalments at each rest after the moratorium, each figure rounded to 0.01 lakh; equal
    principal over all rests, each structured year's share split over its rests, or an EMI; the
    last instalment clears what is left."""
    rests = RESTS[a.get("interestMethod", "ANNUAL_REST")]
    r = rate / rests
    first = a["moratoriumYears"] * rests
    pcts = a.get("repaymentPctByYear") or []
    if pcts:
        yearly = [r2(tl * D(str(p)) / 100) for p in pcts]
        yearly[-1] = tl - sum(yearly[:-1])
        due = []
        for amount in yearly:
            part = [r2(amount / rests)] * rests
            part[-1] = amount - sum(part[:-1])
            due += part
    else:
        count = a["repaymentYears"] * rests
        due = [r2(tl / count)] * count
        due[-1] = tl - sum(due[:-1])
    level = emi(tl, r, len(due)) if a.get("repaymentMethod") == "EMI" and not pcts else None
    last = first + len(due) - 1
    bal, out = tl, []
    for t in range(years):
        interest, principal = D(0), D(0)
        for k in range(rests):
            q = t * rests + k
            i = r2(bal * r)
            p = D(0)
            if first <= q <= last:
                if level is None:
                    p = min(due[q - first], bal)
                else:
                    p = bal if q == last else min(level - i, bal)
            interest += i
            principal += p
            bal -= p
        out.append((interest, principal))
    return out


def instalment_per_rest(a, tl, rate):
    """The instalment due at each rest: the EMI, or equal principal; None when structured."""
    if a.get("repaymentPctByYear"):
        return None
    rests = RESTS[a.get("interestMethod", "ANNUAL_REST")]
    count = a["repaymentYears"] * rests
    return emi(tl, rate / rests, count) if a.get("repaymentMethod") == "EMI" else r2(tl / count)


def irr(flows):
    f = [float(x) for x in flows]
    npv = lambda r: sum(c / (1 + r) ** i for i, c in enumerate(f))
    lo, hi = -0.99, 10.0
    if npv(lo) * npv(hi) > 0:
        return None
    for _ in range(300):
        mid = (lo + hi) / 2
        if npv(lo) * npv(mid) <= 0:
            hi = mid
        else:
            lo = mid
    return (lo + hi) / 2


def summary(m, discount, bep_year=3):
    rep = [r for r in m["rows"] if r["tlRepayment"] > 0]
    ratios = [r["num"] / r["den"] for r in rep]
    f = irr(m["flows"])
    npv = sum(float(c) / (1 + float(discount) / 100) ** i for i, c in enumerate(m["flows"]))
    ref = m["rows"][min(bep_year, len(m["rows"])) - 1]
    bep = ref["fc"] / ref["contribution"] * ref["cu"] if ref["contribution"] > 0 else None
    cash = (ref["fc"] - ref["depreciation"] - ref["amortisation"]) / ref["contribution"] * ref["cu"] if ref["contribution"] > 0 else None
    cum, payback = D(0), None
    for r in m["rows"]:
        if r["cashAccruals"] > 0 and cum + r["cashAccruals"] >= m["cost"]:
            payback = num(r2(r["year"] - 1 + (m["cost"] - cum) / r["cashAccruals"]))
            break
        cum += r["cashAccruals"]
    return dict(
        avgDscr=num(r4(sum(r["num"] for r in rep) / sum(r["den"] for r in rep))) if rep else None,
        minDscr=num(r4(min(ratios))) if ratios else None,
        firrPct=round(f * 100, 2) if f is not None else None,
        npv=num(r2(D(npv))),
        paybackYears=payback,
        bepPctOfCapacity=num(r2(bep)) if bep is not None else None,
        cashBepPctOfCapacity=num(r2(cash)) if cash is not None else None,
        _min_raw=min(ratios) if ratios else None,
        _avg_raw=(sum(r["num"] for r in rep) / sum(r["den"] for r in rep)) if rep else None,
        _cash_bep_raw=cash,
        _firr_raw=f,
    )


def warnings(inp, m, s):
    a, mf, pc = inp["assumptions"], inp["meansOfFinance"], inp["projectCost"]
    codes = []
    heads = sum(D(str(pc.get(h, 0))) for h in ("landAndSiteDevelopment", "buildingAndCivilWorks", "plantAndMachinery",
                                               "miscFixedAssets", "preliminaryAndPreOperative", "contingency",
                                               "marginMoneyWorkingCapital"))
    means = sum(D(str(mf.get(h, 0))) for h in ("promoterShareCapital", "promoterUnsecuredLoanQuasiEquity", "termLoan",
                                               "subsidy", "others"))
    if abs(heads - D(str(pc["total"]))) > CENT:
        codes.append("COST_HEADS_NOT_TOTAL")
    if abs(means - heads) > CENT or abs(means - D(str(mf["total"]))) > CENT:
        codes.append("MEANS_NOT_EQUAL_COST")
    if "contingencyPctOnBuildingAndPM" in pc:
        want = r2((D(str(pc["buildingAndCivilWorks"])) + D(str(pc["plantAndMachinery"]))) * D(str(pc["contingencyPctOnBuildingAndPM"])) / 100)
        if abs(want - D(str(pc.get("contingency", 0)))) > CENT:
            codes.append("CONTINGENCY_MISMATCH")
    # Balance sheet: cash from the funds flow; the gap means − cost is the opening cash.
    cash = means - heads
    for r in m["rows"]:
        cash += r["cashAccruals"] - r["tlRepayment"]
        if cash < 0:
            codes.append("FUNDING_GAP")
            break
    own = D(str(mf["promoterShareCapital"])) + D(str(mf.get("promoterUnsecuredLoanQuasiEquity", 0)))
    msme = inp["borrower"].get("category") in ("Micro Enterprise", "Small Enterprise", "Medium Enterprise")
    if D(str(mf["termLoan"])) / own > (3 if msme else 2):
        codes.append("DEBT_EQUITY_ABOVE_NORM")
    if own / heads * 100 < 25:
        codes.append("PROMOTER_CONTRIBUTION_LOW")
    if any(r["den"] > 0 and r["num"] / r["den"] < 1 for r in m["rows"]):
        codes.append("DSCR_BELOW_ONE")
    if s["_min_raw"] is not None and (s["_min_raw"] < D("1.25") or s["_avg_raw"] < D("1.5")):
        codes.append("DSCR_BELOW_COMFORT")
    if s["_cash_bep_raw"] is not None and s["_cash_bep_raw"] > 60:
        codes.append("CASH_BEP_HIGH")
    if s["_firr_raw"] is None or s["_firr_raw"] * 100 < float(a["termLoanRatePct"]) or s["npv"] < 0:
        codes.append("FIRR_BELOW_COST")
    cus = a["capacityUtilisationPct"]
    if any(c > 100 for c in cus):
        codes.append("CAPACITY_ABOVE_100")
    if any(90 < c <= 100 for c in cus) or (cus[0] > 70 and not a.get("rampUpJustification")):
        codes.append("CAPACITY_HIGH")
    cases = inp.get("sensitivityCases") or [{"priceChangePct": -5}, {"variableCostChangePct": 5},
                                             {"priceChangePct": -5, "variableCostChangePct": 5}]
    shape = {(bool(c.get("priceChangePct", 0) < 0), bool(c.get("variableCostChangePct", 0) > 0)) for c in cases
             if not (c.get("capacityChangePct") or c.get("projectCostChangePct") or c.get("interestChangePp"))}
    if not {(True, False), (False, True), (True, True)} <= shape:
        codes.append("SENSITIVITY_CASES_MISSING")
    wc = inp["workingCapital"]
    margin = r2(D(str(wc["currentAssetsRequirement"])) * D(str(wc["marginPct"])) / 100)
    if (abs(D(str(wc.get("margin", margin))) - margin) > CENT or abs(D(str(pc.get("marginMoneyWorkingCapital", 0))) - margin) > CENT
            or abs(D(str(wc["bankFinance"])) - (D(str(wc["currentAssetsRequirement"])) - margin)) > CENT):
        codes.append("WORKING_CAPITAL_MISMATCH")
    pcts = a.get("repaymentPctByYear") or []
    tenor = a["moratoriumYears"] + (len(pcts) if pcts else a["repaymentYears"])
    if (pcts and sum(pcts) != 100) or a["projectionYears"] < tenor:
        codes.append("REPAYMENT_SCHEDULE_INVALID")
    typed = a.get("repaymentInstalment")
    if (pcts and a.get("repaymentMethod") == "EMI") or (typed is not None and (
            pcts or abs(D(str(typed)) - m["instalment"]) > CENT)):
        codes.append("REPAYMENT_INSTALMENT_MISMATCH")
    if inp["reportMeta"].get("unit") != "INR_LAKH":
        codes.append("UNIT_CAPTION_MISSING")
    return sorted(codes)


def expected_for(inp):
    a = inp["assumptions"]
    m = model(inp)
    s = summary(m, D(str(a["discountRatePct"])))
    rows = [{"year": r["year"], "sales": num(r["sales"]), "ebitda": num(r["ebitda"]), "depreciation": num(r["depreciation"]),
             "interestTermLoan": num(r["interestTermLoan"]), "pbt": num(r["pbt"]), "tax": num(r["tax"]), "pat": num(r["pat"]),
             "lossBroughtForwardClosing": num(r["lossBroughtForwardClosing"]),
             "tlRepayment": num(r["tlRepayment"]), "tlClosing": num(r["tlClosing"]),
             "dscrNumerator": num(r["num"]), "dscrDenominator": num(r["den"])} for r in m["rows"]]
    mf = inp["meansOfFinance"]
    own = D(str(mf["promoterShareCapital"])) + D(str(mf.get("promoterUnsecuredLoanQuasiEquity", 0)))
    values = {
        "projectCostTotal": num(m["cost"]),
        "debtEquityRatio": num(r2(D(str(mf["termLoan"])) / own)),
        "promoterContributionPct": num(r2(own / m["cost"] * 100)),
        "projections": rows,
        "avgDscr": s["avgDscr"], "minDscr": s["minDscr"], "firrPct": s["firrPct"], "npv": s["npv"],
        "paybackYears": s["paybackYears"], "residualValue": num(m["residual"]),
        "firrCashFlows": [num(f) for f in m["flows"]],
        "instalmentPerRest": num(m["instalment"]) if m["instalment"] is not None else None,
        "repaymentSchedule": [{"year": r["year"], "interest": num(r["interestTermLoan"]), "principal": num(r["tlRepayment"]),
                               "closing": num(r["tlClosing"])} for r in m["rows"]],
    }
    return {"now": "2025-07-01T06:00:00.000Z", "values": values, "warnings": warnings(inp, m, s), "tolerance": 0.005}


def main():
    for case in CASES:
        inp = json.loads((FIXTURES / f"{case}.input.json").read_text())
        (FIXTURES / f"{case}.expected.json").write_text(json.dumps(expected_for(inp), indent=2) + "\n")
        print(case, expected_for(inp)["warnings"])


if __name__ == "__main__":
    main()
