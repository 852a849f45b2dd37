"""Independent reference computation for the TEV edge-case fixtures (DOMAIN.md §5.b, §5.d with §3.d).

Written from DOMAIN.md alone, not from the pack's TypeScript: Decimal arithmetic with half-up
rounding to 0.01 lakh on every printed line, IRR by bisection, and the warning codes by the
checks DOMAIN.md lists. It writes fixtures/<case>.expected.json for every case in CASES below,
whose inputs are fixtures/<case>.input.json. Run from the repository root:
    python3 template-packs/tev-v1/reference/tev_reference.py
"""
import json
from decimal import Decimal as D, ROUND_HALF_UP
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
CASES = ["arpob-shock-viable-verdict", "long-tenor-no-declaration", "loss-ramp-up"]
STOP_AT_END_OF_LIFE = True
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
    arpob1, growth_a = D(str(a["arpobYear1Rs"])), D(str(a.get("arpobGrowthPct", 0))) / 100
    beds = D(str(inp["project"]["beds"]))
    pc = inp["projectCost"]
    cost_total = scale(sum(D(str(pc.get(h, 0))) for h in (
        "landLeasePremium", "buildingAndCivil", "medicalEquipment", "nonMedicalEquipmentAndUtilities",
        "furnitureFixturesIt", "preOperativeInclIdc", "contingency", "marginMoneyWorkingCapital")))
    tl = scale(inp["meansOfFinance"]["termLoan"])
    rate = (D(str(a["termLoanRatePct"])) + rate_pp) / 100
    mor = a["moratoriumYears"]
    assert a.get("interestMethod", "ANNUAL_REST") == "ANNUAL_REST", "the reference models annual rests only"
    pcts = a.get("repaymentPctByYear") or []
    inst = [r2(tl * D(str(p)) / 100) for p in pcts]
    inst[-1] = tl - sum(inst[:-1])
    classes = [(scale(c["base"]), D(str(c["lifeYears"]))) for c in a["depreciationClasses"]]
    am_years, amort = 0, D(0)  # pre-operative expenses are capitalised into the building class
    tax_rate = D(str(a["taxRatePct"])) / 100
    wc_int = D(str(a.get("workingCapitalInterestPerYear", 0)))
    fcc1 = D(str(a["fixedCashCostYear1"]))
    growth = D(str(a.get("fixedCostGrowthPct", 0))) / 100
    rows, bal, pool, charged = [], tl, D(0), [D(0)] * len(classes)
    for t in range(1, n + 1):
        u = D(str(a["occupancyPct"][t - 1])) * (1 + cu / 100)
        base_sales = beds * 365 * u / 100 * arpob1 * (1 + growth_a) ** (t - 1) / D(100000)
        sales = r2(base_sales * (1 + price / 100))
        var = r2(base_sales * D(str(a["variableCostPctOfRevenue"])) / 100 * (1 + vc / 100))
        contrib = sales - var
        fcc = r2(fcc1 * (1 + growth) ** (t - 1))
        ebitda = contrib - fcc
        charges = []
        for i, (b, life) in enumerate(classes):
            c = b / life if not STOP_AT_END_OF_LIFE else max(min(b / life, b - charged[i]), D(0))
            charged[i] += c
            charges.append(c)
        dep = r2(sum(charges))
        am = amort if t <= am_years else D(0)
        ebit = ebitda - dep - am
        interest = r2(bal * rate)
        principal = inst[t - 1 - mor] if t > mor and t - 1 - mor < len(inst) else D(0)
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
                         interestWorkingCapital=wc_int,
                         pbt=pbt, tax=tax, pat=pat, cashAccruals=accr, tlRepayment=principal,
                         tlClosing=bal - principal, lossBroughtForwardClosing=pool,
                         num=accr + interest, den=principal + interest, cu=u,
                         fc=fcc + dep + am + interest + wc_int))
        bal -= principal
    land = scale(pc.get("landLeasePremium", 0))
    wcm = scale(pc.get("marginMoneyWorkingCapital", 0))
    residual = r2(land + wcm + sum(max(D(0), b - min(b, b / life * n)) for b, life in classes))
    flows = [-cost_total] + [r["ebitda"] - r2(max(r["ebit"], D(0)) * tax_rate) for r in rows]
    flows[-1] += residual
    return dict(rows=rows, flows=flows, residual=residual, cost=cost_total, tl=tl)


def working_capital(inp):
    """Current assets and the cash credit financing them: as given, else the working-capital margin
    of the cost of project + the cash credit proposed to the lender (margin and bank finance
    together fund the current assets), the cash credit being the proposed one."""
    wc = inp.get("workingCapital", {})
    cc = D(str(wc.get("bankFinance", inp.get("lender", {}).get("proposedExposure", {}).get("cashCredit", 0))))
    ca = D(str(wc["currentAssetsRequirement"])) if "currentAssetsRequirement" in wc else \
        D(str(inp["projectCost"].get("marginMoneyWorkingCapital", 0))) + cc
    return ca, cc


def balance_sheet(inp, rows):
    """Year-end balance sheets from the projected rows (DOMAIN §3.d: balances every year). Cash is
    carried by the funds flow (means − cost, then + cash accruals − principal), never plugged;
    the fixed assets are land + Σ depreciation bases less the depreciation charged."""
    mf, pc = inp["meansOfFinance"], inp["projectCost"]
    equity = D(str(mf["promoterEquity"]))
    quasi = D(str(mf.get("promoterUnsecuredLoanQuasiEquity", 0)))
    others = D(str(mf.get("subsidy", 0))) + D(str(mf.get("others", 0)))
    means = equity + quasi + D(str(mf["termLoan"])) + others
    cost = sum(D(str(v)) for k, v in pc.items() if k not in ("total", "contingencyPctOnBuildingAndEquipment"))
    gross = D(str(pc.get("landLeasePremium", 0))) + sum(D(str(c["base"])) for c in inp["assumptions"]["depreciationClasses"])
    land = D(str(pc.get("landLeasePremium", 0)))
    ca, cc = working_capital(inp)
    cash, reserves, charged, out = means - cost, D(0), D(0), []
    for r in rows:
        cash += r["cashAccruals"] - r["tlRepayment"]
        reserves += r["pat"]
        charged += r["depreciation"]
        liabilities = {"shareCapital": equity, "reservesSurplus": reserves, "unsecuredLoansPromoters": quasi,
                       "subsidyAndOthers": others, "termLoan": r["tlClosing"], "cashCredit": cc}
        assets = {"netFixedAssets": gross - charged, "preOperativeUnamortised": D(0), "inventoryAndReceivables": ca,
                  "cashAndBank": cash}
        worth = equity + reserves + quasi
        ratio = lambda a, b: num(r2(a / b)) if b else None
        out.append({
            "year": r["year"],
            "liabilities": {k: num(v) for k, v in liabilities.items()},
            "assets": {k: num(v) for k, v in assets.items()},
            "totalLiabilities": num(sum(liabilities.values())),
            "totalAssets": num(sum(assets.values())),
            "currentRatio": ratio(ca + cash, cc),
            "tolTnw": ratio(r["tlClosing"] + cc, worth),
            "facr": ratio(gross - charged - land, r["tlClosing"]),
            "iscr": ratio(r["ebitda"], r["interestTermLoan"] + r["interestWorkingCapital"]),
        })
    return out


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


def summary(m, discount, bep_year=5):
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


def warnings(inp, m, s, sensitivity):
    a, mf, pc = inp["assumptions"], inp["meansOfFinance"], inp["projectCost"]
    codes = []
    heads = sum(D(str(pc.get(h, 0))) for h in ("landLeasePremium", "buildingAndCivil", "medicalEquipment",
                                               "nonMedicalEquipmentAndUtilities", "furnitureFixturesIt",
                                               "preOperativeInclIdc", "contingency", "marginMoneyWorkingCapital"))
    means = sum(D(str(mf.get(h, 0))) for h in ("promoterEquity", "promoterUnsecuredLoanQuasiEquity", "termLoan",
                                               "subsidy", "others"))
    if abs(heads - D(str(pc["total"]))) > CENT:
        codes.append("COST_HEADS_NOT_TOTAL")
    if abs(means - heads) > CENT or abs(means - D(str(mf["total"]))) > CENT:
        codes.append("MEANS_NOT_EQUAL_COST")
    if "contingencyPctOnBuildingAndEquipment" in pc:
        base = sum(D(str(pc.get(h, 0))) for h in ("buildingAndCivil", "medicalEquipment", "nonMedicalEquipmentAndUtilities"))
        if abs(r2(base * D(str(pc["contingencyPctOnBuildingAndEquipment"])) / 100) - D(str(pc.get("contingency", 0)))) > CENT:
            codes.append("CONTINGENCY_MISMATCH")
    sheets = balance_sheet(inp, m["rows"])
    if any(sheet["assets"]["cashAndBank"] < 0 for sheet in sheets):
        codes.append("FUNDING_GAP")
    if any(abs(D(str(sheet["totalAssets"])) - D(str(sheet["totalLiabilities"]))) > CENT for sheet in sheets):
        codes.append("BALANCE_SHEET_MISMATCH")
    bases = sum(D(str(c["base"])) for c in a["depreciationClasses"])
    if abs(bases - (heads - D(str(pc.get("landLeasePremium", 0))) - D(str(pc.get("marginMoneyWorkingCapital", 0))))) > CENT:
        codes.append("DEPRECIATION_BASES_NOT_COST")
    if inp["reportMeta"].get("unit") != "INR_LAKH":
        codes.append("UNIT_CAPTION_MISSING")
    own = D(str(mf["promoterEquity"])) + D(str(mf.get("promoterUnsecuredLoanQuasiEquity", 0)))
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
    occ = a["occupancyPct"]
    if any(c > 100 for c in occ):
        codes.append("CAPACITY_ABOVE_100")
    sustained = any(85 < occ[i] <= 100 and 85 < occ[i + 1] <= 100 for i in range(len(occ) - 1))
    if sustained or (occ[0] > 70 and not inp.get("market", {}).get("rampUpJustification")):
        codes.append("CAPACITY_HIGH")
    pcts = a["repaymentPctByYear"]
    tenor = a["moratoriumYears"] + len(pcts)
    if sum(pcts) != 100 or a["projectionYears"] < tenor:
        codes.append("REPAYMENT_SCHEDULE_INVALID")
    meta = inp["reportMeta"]
    if not meta.get("siteVisitDate") or meta["siteVisitDate"] > meta["reportDate"]:
        codes.append("SITE_VISIT_INVALID")
    if inp.get("declarations", {}).get("independence") is not True:
        codes.append("INDEPENDENCE_DECLARATION_MISSING")
    if D(tenor) / D(str(inp["project"]["economicLifeYears"])) * 100 > 85:
        codes.append("REPAYMENT_TENOR_TOO_LONG")
    if inp.get("verdict") == "VIABLE" and (s["_min_raw"] < D("1.25") or s["_avg_raw"] < D("1.5")):
        codes.append("VERDICT_INCONSISTENT")
    covered = {r.get("sensitivityCaseKey") for r in inp.get("riskMatrix", []) if r.get("mitigant")}
    if any(row["minDscr"] is not None and row["_min_raw"] < 1 and key not in covered for key, row in sensitivity.items()):
        codes.append("SENSITIVITY_RISK_UNMITIGATED")
    return sorted(codes)


SHOCKS = {"arpobMinus10": dict(price=D(-10)), "occupancyMinus10pctRel": dict(cu=D(-10)),
          "variableCostPlus10": dict(vc=D(10)), "arpobMinus5AndCostPlus5": dict(price=D(-5), vc=D(5)),
          "projectCostPlus10": dict(cost=D(10)), "interestPlus1pp": dict(rate_pp=D(1))}


def expected_for(inp):
    a = inp["assumptions"]
    disc = D(str(a["discountRatePct"]))
    m = model(inp)
    s = summary(m, disc)
    sensitivity = {"base": s, **{key: summary(model(inp, **shock), disc) for key, shock in SHOCKS.items()}}
    rows = [{"year": r["year"], "sales": num(r["sales"]), "variableCost": num(r["variableCost"]),
             "fixedCashCost": num(r["fixedCashCost"]), "ebitda": num(r["ebitda"]), "depreciation": num(r["depreciation"]),
             "interestTermLoan": num(r["interestTermLoan"]), "pbt": num(r["pbt"]), "tax": num(r["tax"]), "pat": num(r["pat"]),
             "lossBroughtForwardClosing": num(r["lossBroughtForwardClosing"]),
             "tlRepayment": num(r["tlRepayment"]), "tlClosing": num(r["tlClosing"]),
             "dscrNumerator": num(r["num"]), "dscrDenominator": num(r["den"])} for r in m["rows"]]
    mf = inp["meansOfFinance"]
    own = D(str(mf["promoterEquity"])) + D(str(mf.get("promoterUnsecuredLoanQuasiEquity", 0)))
    tenor = a["moratoriumYears"] + len(a["repaymentPctByYear"])
    public = lambda row: {k: v for k, v in row.items() if not k.startswith("_") and k != "paybackYears"}
    values = {
        "projectCostTotal": num(m["cost"]),
        "debtEquityRatio": num(r2(D(str(mf["termLoan"])) / own)),
        "promoterContributionPct": num(r2(own / m["cost"] * 100)),
        "projections": rows,
        "avgDscr": s["avgDscr"], "minDscr": s["minDscr"], "firrPct": s["firrPct"], "npv": s["npv"],
        "paybackYears": s["paybackYears"], "residualValue": num(m["residual"]),
        "firrCashFlows": [num(f) for f in m["flows"]],
        "repaymentTenorYears": tenor,
        "repaymentTenorPctOfEconomicLife": num(r2(D(tenor) / D(str(inp["project"]["economicLifeYears"])) * 100)),
        "sensitivity": {key: public(row) for key, row in sensitivity.items()},
        "balanceSheet": balance_sheet(inp, m["rows"]),
    }
    return {"now": "2025-10-15T06:00:00.000Z", "values": values, "warnings": warnings(inp, m, s, sensitivity),
            "tolerance": 0.005}


def main():
    for case in CASES:
        inp = json.loads((FIXTURES / f"{case}.input.json").read_text())
        (FIXTURES / f"{case}.expected.json").write_text(json.dumps(expected_for(inp), indent=2) + "\n")
        print(case, expected_for(inp)["warnings"])


if __name__ == "__main__":
    main()
