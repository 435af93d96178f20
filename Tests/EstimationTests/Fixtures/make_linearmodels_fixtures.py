#!/usr/bin/env python3
"""Reference fits with absorbed fixed effects for EstimationTests, by linearmodels' PanelOLS.

Writes linearmodels.json next to this script: the simulator's equation for panel-model.yaml
(retail_sales on metro_km at lag 1 and tourism_spending) on simulated-panel.csv, in differences
and in levels, with city, year or city and year effects absorbed (entity_effects, time_effects),
and classical, heteroskedasticity-robust and city-clustered covariances: the coefficients, their
standard errors and covariance, the residual degrees of freedom and the full model's R^2
(rsquared_inclusive), printed with 17 significant digits.

PanelOLS options: debiased=True, and for the clustered case group_debias=True,
count_effects=True, auto_df=False. These are the conventions of a regression on dummies
(statsmodels, Stata's areg): residual df n - k - (absorbed levels), HC1's n/(n - k - a), the
cluster factor G/(G - 1) (n - 1)/(n - k - a). linearmodels' default (auto_df=True) leaves the
effects nested in the clusters out of that factor, as reghdfe does, and its clustered errors
are then smaller by sqrt((n - k - a)/(n - k)).

Rerun from this folder (needs numpy, pandas, linearmodels >= 6):
  python3 make_linearmodels_fixtures.py
"""
import json

import linearmodels
import numpy as np
import pandas as pd
from linearmodels.panel import PanelOLS


def full(x):
    return float(f"{x:.17g}")


sim = pd.read_csv("simulated-panel.csv")
z = sim.set_index(["city", "year"])
# The model's transforms: ln(Y + 1) for the count metro_km (offset 1), ln Y for the others.
u = pd.DataFrame({"retail": np.log(z.retail_sales), "metro": np.log(z.metro_km + 1),
                  "tourism": np.log(z.tourism_spending)})


def lagged(frame, k):
    shifted = frame.copy()
    shifted.index = pd.MultiIndex.from_arrays([frame.index.get_level_values(0), frame.index.get_level_values(1) + k])
    return shifted.reindex(frame.index)


d = u - lagged(u, 1)
forms = {
    "differences": (pd.DataFrame({"D.retail_sales": d.retail, "LD.metro_km": lagged(d, 1).metro,
                                  "D.tourism_spending": d.tourism}).dropna(), "D.retail_sales"),
    "levels": (pd.DataFrame({"retail_sales": u.retail, "L.metro_km": lagged(u, 1).metro,
                             "tourism_spending": u.tourism}).dropna(), "retail_sales"),
}
covariances = {
    "classical": dict(cov_type="unadjusted", debiased=True),
    "hc1": dict(cov_type="robust", debiased=True),
    "cluster:city": dict(cov_type="clustered", cluster_entity=True, debiased=True, group_debias=True,
                         count_effects=True, auto_df=False),
}
cases = []
for form, (frame, response) in forms.items():
    regressors = [c for c in frame.columns if c != response]
    for fe, (entity, time) in {"city": (True, False), "year": (False, True), "city,year": (True, True)}.items():
        model = PanelOLS(frame[response], frame[regressors], entity_effects=entity, time_effects=time)
        for name, options in covariances.items():
            r = model.fit(**options)
            cases.append(dict(
                name=f"{form}-{fe}-{name}", form=form, fe=fe, covariance=name, n_obs=int(r.nobs),
                df_resid=full(r.df_resid), r_squared=full(r.rsquared_inclusive), terms=regressors,
                estimate=[full(v) for v in r.params], std_error=[full(v) for v in r.std_errors],
                covariance_matrix=[[full(v) for v in row] for row in r.cov.values]))

with open("linearmodels.json", "w") as f:
    json.dump(dict(generator="make_linearmodels_fixtures.py", linearmodels=linearmodels.__version__,
                   pandas=pd.__version__, numpy=np.__version__, cases=cases), f, indent=1)
    f.write("\n")
