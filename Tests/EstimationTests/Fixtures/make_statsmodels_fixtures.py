#!/usr/bin/env python3
"""Reference regressions for EstimationTests, computed by statsmodels.

Writes, next to this script:
  synthetic-panel.csv    a city x year panel with known structure (seeded), some cells missing
  statsmodels.json       estimates, standard errors, t, p, CI, R^2, F, condition number and the
                         covariance matrix of every case, printed with 17 significant digits

Rerun from this folder (needs numpy, pandas, scipy, statsmodels >= 0.14):
  python3 make_statsmodels_fixtures.py
The output is deterministic for a given statsmodels/numpy version.
"""
import json
import numpy as np
import pandas as pd
import scipy
import statsmodels
import statsmodels.formula.api as smf
from numpy import log  # so that formulas read `log(x)` as our formulas do


rng = np.random.default_rng(20261126)

# (a) Synthetic panel: 12 cities x 15 years, city and year effects, heteroskedastic errors
# correlated within city, and three missing cells (dropped listwise).
cities = [f"c{i:02d}" for i in range(1, 13)]
years = list(range(2008, 2023))
rows = []
city_effect = dict(zip(cities, rng.normal(0, 0.5, len(cities))))
year_effect = dict(zip(years, rng.normal(0, 0.2, len(years))))
city_shock = dict(zip(cities, rng.normal(0, 0.3, len(cities))))
for c in cities:
    for t in years:
        x1 = rng.normal(1.0, 1.0)
        x2 = float(np.exp(rng.normal(2.0, 0.5)))
        x3 = rng.uniform(0.0, 2.0)
        w = rng.uniform(0.5, 2.0)
        e = rng.normal(0, 0.3 * (1 + abs(x1))) + city_shock[c] * x3
        y = 1 + 0.5 * x1 - 0.3 * np.log(x2) + 0.2 * x3 ** 2 + 0.1 * x1 * x3 + city_effect[c] + year_effect[t] + e
        rows.append(dict(city=c, year=t, y=y, x1=x1, x2=x2, x3=x3, w=w))
panel = pd.DataFrame(rows)
panel.loc[[5, 77, 140], "x1"] = np.nan
with open("synthetic-panel.csv", "w") as f:
    f.write("city,year,y,x1,x2,x3,w\n")
    for r in panel.itertuples():
        cells = [r.city, str(r.year)] + ["" if np.isnan(v) else repr(float(v)) for v in (r.y, r.x1, r.x2, r.x3, r.w)]
        f.write(",".join(cells) + "\n")
panel = pd.read_csv("synthetic-panel.csv")

# (b) The city panel shipped with the project (tidy), pivoted keeping the first of repeated
# figures, as `DataTable.read(path:duplicates: .first)` does.
tidy = pd.read_csv("city-panel.csv")
shipped = tidy.pivot_table(index=["city", "year"], columns="indicator", values="value", aggfunc="first").reset_index()


def full(x):
    return float(repr(float(x))) if x is not None else None


def record(name, data_name, formula, model, cov, result):
    names = list(result.params.index)
    ci = result.conf_int(0.05)
    try:
        fvalue, fp = float(np.squeeze(result.fvalue)), float(np.squeeze(result.f_pvalue))
    except Exception:
        fvalue, fp = None, None
    return dict(
        name=name, data=data_name, formula=formula, model=model, covariance=cov,
        n_obs=int(result.nobs), df_resid=float(result.df_resid), df_model=float(result.df_model),
        terms=names,
        estimate=[full(v) for v in result.params],
        std_error=[full(v) for v in result.bse],
        t=[full(v) for v in result.tvalues],
        p_value=[full(v) for v in result.pvalues],
        ci_low=[full(v) for v in ci[0]], ci_high=[full(v) for v in ci[1]],
        r_squared=full(result.rsquared), adj_r_squared=full(result.rsquared_adj),
        residual_std_error=full(np.sqrt(result.scale)),
        f_statistic=fvalue, f_p_value=fp,
        condition_number=full(result.condition_number),
        cov_params=[[full(v) for v in row] for row in np.asarray(result.cov_params())],
    )


cases = []
basic = "y ~ x1 + log(x2) + I(x3**2) + x1:x3"
fe = "y ~ x1 + log(x2) + C(city) + C(year)"
for cov in ["nonrobust", "HC0", "HC1", "HC2", "HC3"]:
    r = smf.ols(basic, panel).fit(cov_type=cov)
    cases.append(record(f"ols-{cov}", "synthetic-panel.csv", basic, "ols", cov, r))
sub = panel.dropna()
r = smf.ols(basic, panel).fit(cov_type="cluster", cov_kwds={"groups": sub["city"]})
cases.append(record("ols-cluster", "synthetic-panel.csv", basic, "ols", "cluster:city", r))
for cov in ["nonrobust", "HC1"]:
    r = smf.ols(fe, panel).fit(cov_type=cov)
    cases.append(record(f"fe-{cov}", "synthetic-panel.csv", fe, "ols", cov, r))
r = smf.ols(fe, panel).fit(cov_type="cluster", cov_kwds={"groups": sub["city"]})
cases.append(record("fe-cluster", "synthetic-panel.csv", fe, "ols", "cluster:city", r))
for cov in ["nonrobust", "HC1", "HC3"]:
    r = smf.wls(basic, panel, weights=panel["w"]).fit(cov_type=cov)
    cases.append(record(f"wls-{cov}", "synthetic-panel.csv", basic, "wls:w", cov, r))
r = smf.wls(basic, panel, weights=panel["w"]).fit(cov_type="cluster", cov_kwds={"groups": sub["city"]})
cases.append(record("wls-cluster", "synthetic-panel.csv", basic, "wls:w", "cluster:city", r))
noint = "y ~ x1 + x3 - 1"
r = smf.ols(noint, panel).fit()
cases.append(record("noint-nonrobust", "synthetic-panel.csv", noint, "ols", "nonrobust", r))

shipped_formula = "log(intl_tourism_receipts) ~ log(inbound_overnight_tourists) + log(gdp) + C(city)"
ship = shipped.dropna(subset=["intl_tourism_receipts", "inbound_overnight_tourists", "gdp"])
for cov in ["nonrobust", "HC1"]:
    r = smf.ols(shipped_formula, ship).fit(cov_type=cov)
    cases.append(record(f"shipped-{cov}", "city-panel.csv", shipped_formula, "ols", cov, r))
r = smf.ols(shipped_formula, ship).fit(cov_type="cluster", cov_kwds={"groups": ship["city"]})
cases.append(record("shipped-cluster", "city-panel.csv", shipped_formula, "ols", "cluster:city", r))

# Ridge has no statsmodels standard errors; its point estimate is checked against the
# augmented least-squares problem [X; sqrt(lambda) D] b = [y; 0] (intercept unpenalised).
X = np.column_stack([np.ones(len(sub)), sub.x1, np.log(sub.x2), sub.x3 ** 2, sub.x1 * sub.x3])
lam = 2.5
D = np.sqrt(lam) * np.eye(5)[1:]
beta = np.linalg.lstsq(np.vstack([X, D]), np.concatenate([sub.y, np.zeros(4)]), rcond=None)[0]
ridge = dict(name="ridge", formula=basic, ridge=lam, estimate=[full(v) for v in beta])

with open("statsmodels.json", "w") as f:
    json.dump(dict(
        generator="make_statsmodels_fixtures.py",
        versions=dict(statsmodels=statsmodels.__version__, numpy=np.__version__, scipy=scipy.__version__, pandas=pd.__version__),
        cases=cases, ridge=ridge), f, indent=1)
print(f"wrote {len(cases)} cases")
