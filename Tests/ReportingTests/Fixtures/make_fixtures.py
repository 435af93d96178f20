#!/usr/bin/env python3
"""Write the hand-made TEST FIXTURES run-shanghai-flagship.json and compare-shanghai.json.

These are not model output: they are plausible, internally consistent summaries (quantiles of a
normal spread in each indicator's modelling space around a made-up median path) that decode
into `RunResult` and `PlanComparison`, so the exporters can be tested before and apart from
the simulation engine.  Rerun with `python3 make_fixtures.py` from this folder; the output is
deterministic (no randomness, fixed rounding).
"""
import hashlib
import json
import math

BASE, HORIZON = 2023, 10
YEARS = list(range(BASE, BASE + HORIZON + 1))
Z = {"p5": -1.6448536269514722, "p25": -0.6744897501960817, "p50": 0.0,
     "p75": 0.6744897501960817, "p95": 1.6448536269514722}

# id, zh, en, dimension, unit, scale, base value, growth per year (model space), sd growth per sqrt(year)
INDICATORS = [
    ("global_city_rank", "全球城市竞争力排名", "Global city competitiveness rank", "renown", "rank", "log", 12, -0.03, 0.06),
    ("inbound_tourists", "入境游客接待量（/国别）", "Inbound tourist arrivals (and source countries)", "renown", "万人次", "log", 364.5, 0.09, 0.08),
    ("retail_sales", "社会消费品零售总额", "Total retail sales of consumer goods", "prosperity", "亿元", "log", 18515.5, 0.045, 0.025),
    ("landmark_districts", "标志性商业街区数量", "Landmark commercial districts and streets", "vitality", "count", "count", 14, 0.6, 0.5),
    ("consumer_satisfaction", "消费者满意度", "Consumer satisfaction", "vitality", "score 0–100", "logit", 81.3, 0.04, 0.05),
    ("metro_km", "地铁运营总里程", "Metro route length in operation", "accessibility", "km", "count", 831, 25.0, 9.0),
    ("policy_innovation", "政策创新和配套措施", "Policy innovation and supporting measures", "policy", "score 0–100", "logit", 72.0, 0.08, 0.06),
]
DIMENSIONS = [
    ("renown", "国际知名度", "International renown", 61.2, 1.4),
    ("prosperity", "消费繁荣度", "Consumption prosperity", 74.8, 1.1),
    ("vitality", "商业活跃度", "Commercial vitality", 66.5, 1.6),
    ("accessibility", "到达便利度", "Accessibility", 70.1, 1.2),
    ("policy", "政策引领度", "Policy leadership", 58.9, 2.0),
]


def forward(scale, z):
    if scale == "log":
        return math.exp(z)
    if scale == "logit":
        return 100 / (1 + math.exp(-z))
    return max(0.0, z)


def backward(scale, y):
    if scale == "log":
        return math.log(y)
    if scale == "logit":
        return math.log(y / (100 - y))
    return y


def stats(scale, centre, spread, digits):
    q = {k: round(forward(scale, centre + z * spread), digits) for k, z in Z.items()}
    # mean and sd of the transformed normal by 64-point Gauss-Hermite quadrature
    import numpy as np
    x, w = np.polynomial.hermite_e.hermegauss(64)
    w = w / w.sum()
    v = np.array([forward(scale, centre + xi * spread) for xi in x])
    mean = float((w * v).sum())
    sd = float(math.sqrt(max(0.0, (w * (v - mean) ** 2).sum())))
    return {"mean": round(mean, digits), "sd": round(sd, digits), **q}


def digits_for(unit):
    return 1 if unit in ("score 0–100", "score", "km", "万人次", "亿元") else 2


def indicator_series(ind, shift=0.0):
    oid, _, _, _, unit, scale, y0, g, s = ind
    out = []
    for t, year in enumerate(YEARS):
        centre = backward(scale, y0) + (g + shift) * t
        spread = s * math.sqrt(t)
        out.append({"indicator": oid, "year": year, **stats(scale, centre, spread, digits_for(unit))})
    return out


def score_series(oid, s0, gain, shift=0.0, spread_per_year=6.0):
    out = []
    for t, year in enumerate(YEARS):
        centre = backward("logit", s0) + (gain + shift) / 100 * t
        spread = spread_per_year / 100 * math.sqrt(t)
        out.append({"indicator": oid, "year": year, **stats("logit", centre, spread, 1)})
    return out


def outputs():
    rows = [{"id": i[0], "kind": "indicator", "name": {"zh": i[1], "en": i[2]}, "unit": i[4], "dimension": i[3],
             "better": "lower" if i[4] == "rank" else "higher"} for i in INDICATORS]
    rows += [{"id": d[0], "kind": "dimension", "name": {"zh": d[1], "en": d[2]}, "unit": "score", "better": "higher"}
             for d in DIMENSIONS]
    rows.append({"id": "index", "kind": "index", "name": {"zh": "国际消费中心城市指数", "en": "ICC index"}, "unit": "score",
                 "better": "higher"})
    return rows


def run_series(shift=0.0):
    series = []
    for ind in INDICATORS:
        series += indicator_series(ind, shift * ind[7])
    for d in DIMENSIONS:
        series += score_series(d[0], d[3], d[4] * 8, shift * 8)
    series += score_series("index", 66.3, 11.0, shift * 8, 4.0)
    return series


def sha(text):
    return hashlib.sha256(text.encode()).hexdigest()


def meta(command):
    return {"version": "0.1.0", "command": command, "seed": 20261126,
            "inputs": [{"path": "scenarios/shanghai-flagship.yaml", "sha256": sha("scenario fixture")},
                       {"path": "scenarios/models/icc-default.yaml", "sha256": sha("model fixture")},
                       {"path": "scenarios/data/cities.csv", "sha256": sha("data fixture")}],
            "threads": 2, "elapsed_seconds": 3.21, "host": "fixture-host", "date": "2026-11-26T12:00:00Z"}


def run():
    return {
        "scenario": "shanghai-flagship",
        "title": {"zh": "上海·旗舰方案（测试数据）", "en": "Shanghai flagship plan (test fixture)"},
        "city": "shanghai", "base_year": BASE, "horizon": HORIZON, "runs": 10000, "seed": 20261126,
        "outputs": outputs(),
        "series": run_series(),
        "targets": [
            {"indicator": "retail_sales", "year": 2030, "at_least": 25000, "probability": 0.6214,
             "first_met": [{"year": 2029, "probability": 0.2102}, {"year": 2030, "probability": 0.4112}]},
            {"indicator": "global_city_rank", "year": 2028, "at_most": 11, "probability": 0.6712,
             "first_met": [{"year": 2026, "probability": 0.2873}, {"year": 2027, "probability": 0.2311},
                           {"year": 2028, "probability": 0.1528}]},
            {"indicator": "index", "year": 2033, "at_least": 85, "probability": 0.5871,
             "first_met": [{"year": 2032, "probability": 0.2100}, {"year": 2033, "probability": 0.3771}]},
        ],
        "cost": [{"year": y, "mean": round(c, 1), "sd": round(c * 0.18, 1), "p5": round(c * 0.72, 1),
                  "p50": round(c * 0.97, 1), "p95": round(c * 1.33, 1)}
                 for y, c in zip(YEARS, [0, 38.5, 112.0, 164.2, 151.7, 96.3, 45.0, 20.0, 12.5, 0, 0])],
        "meta": meta(["iccsim", "run", "scenarios/shanghai-flagship.yaml", "--format", "json"]),
    }


def differences(shift):
    base, alt = run_series(0.0), run_series(shift)
    out = []
    for b, a in zip(base, alt):
        d = a["p50"] - b["p50"]
        spread = abs(d) * 0.35 + 1e-9
        dig = 1 if abs(d) >= 1 else 3
        higher = round(0.5 if d == 0 else min(0.999, 0.5 + 0.5 * math.erf(abs(d) / spread)) if d > 0
                       else max(0.001, 0.5 - 0.5 * math.erf(abs(d) / spread)), 4)
        out.append({"indicator": b["indicator"], "year": b["year"], "mean": round(d * 1.01, dig),
                    "sd": round(spread / 1.645, dig), "p5": round(d - spread, dig), "p50": round(d, dig),
                    "p95": round(d + spread, dig), "probability_higher": higher,
                    # No ties where the plans differ; where they do not, half above and half below.
                    "probability_lower": 0.5 if d == 0 else round(1 - higher, 4)})
    return out


# Programme cost per year (亿元): the base's small running programme, and the flagship's build-out.
BASE_COST = [0, 2.0, 2.0, 1.5, 1.0, 0, 0, 0, 0, 0, 0]
FLAGSHIP_COST = [0, 38.5, 112.0, 164.2, 151.7, 96.3, 45.0, 20.0, 12.5, 0, 0]
TARGETS = [("retail_sales", 2030), ("global_city_rank", 2028), ("index", 2033)]
BASE_PROBABILITIES = [0.48, 0.55, 0.41]


def cost_summary(per_year):
    total = sum(per_year)
    return {"total": {"mean": round(total, 1), "sd": round(abs(total) * 0.12, 1), "p5": round(total * 0.8, 1),
                      "p50": round(total * 0.99, 1), "p95": round(total * 1.21, 1)},
            "by_year": [{"year": y, "mean": round(c, 1), "sd": round(abs(c) * 0.18, 1), "p5": round(c * 0.72, 1),
                         "p50": round(c * 0.97, 1), "p95": round(c * 1.33, 1)} for y, c in zip(YEARS, per_year)]}


def costed(entry, plan_cost, plan_probabilities):
    """Adds `cost` and `cost_effectiveness` as compare writes them: 100 · mean change / mean cost difference."""
    difference = cost_summary([p - b for p, b in zip(plan_cost, BASE_COST)])
    delta = difference["total"]["mean"]
    undefined = abs(delta) < 1e-9

    def change(indicator, year):
        return next(d["mean"] for d in entry["differences"] if d["indicator"] == indicator and d["year"] == year)

    def per100(value):
        return None if undefined else 100 * value / delta

    entry["cost"] = {"base": cost_summary(BASE_COST), "plan": cost_summary(plan_cost), "difference": difference}
    entry["cost_effectiveness"] = {
        "cost_difference": delta, "index_per100": per100(change("index", YEARS[-1])),
        "undefined_reason": "zero cost difference" if undefined else None,
        "indicators": [{"indicator": i, "year": y, "change": change(i, y), "per100": per100(change(i, y))}
                       for i, y in TARGETS],
        "targets": [{"indicator": i, "year": y, "base_probability": b, "plan_probability": p,
                     "probability_change": round(p - b, 4)}
                    for (i, y), b, p in zip(TARGETS, BASE_PROBABILITIES, plan_probabilities)],
    }
    return entry


def comparison():
    return {
        "base": "shanghai-baseline",
        "base_title": {"zh": "上海·基准方案（测试数据）", "en": "Shanghai baseline (test fixture)"},
        "outputs": outputs(),
        "comparisons": [
            costed({"scenario": "shanghai-flagship", "title": {"zh": "上海·旗舰方案（测试数据）", "en": "Shanghai flagship plan (test fixture)"},
             "differences": differences(0.25)}, FLAGSHIP_COST, [0.6214, 0.6712, 0.5871]),
            costed({"scenario": "shanghai-lean", "title": {"zh": "上海·精简方案（测试数据）", "en": "Shanghai lean plan (test fixture)"},
             "differences": differences(-0.1)}, BASE_COST, [0.43, 0.52, 0.37]),
        ],
        "meta": meta(["iccsim", "compare", "scenarios/shanghai-baseline.yaml", "scenarios/shanghai-flagship.yaml",
                      "scenarios/shanghai-lean.yaml", "--format", "json"]),
    }


for name, doc in [("run-shanghai-flagship.json", run()), ("compare-shanghai.json", comparison())]:
    with open(name, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=2, sort_keys=True)
        f.write("\n")
