#!/usr/bin/env python3
"""statsmodels' time for the fit EstimationBenchmark times: OLS on 200 000 rows x 50 regressors
plus intercept, with HC1 and with one-way cluster-robust (1 000 clusters) standard errors.

Run on the same machine as the Swift benchmark, for the comparison printed in its README:
  python3 Benchmarks/Scripts/estimation_statsmodels_timing.py
Only the fit is timed (model construction and fit, as Regression(fitting:) does), best of 3.
"""
import time
import numpy as np
import statsmodels
import statsmodels.api as sm

rows, regressors, clusters = 200_000, 50, 1_000
rng = np.random.default_rng(20261126)
X = np.column_stack([np.ones(rows), rng.standard_normal((rows, regressors))])
beta = np.array([(j % 7) * 0.1 - 0.3 for j in range(regressors + 1)])
groups = np.arange(rows) % clusters
y = X @ beta + rng.normal(0, 0.5, clusters)[groups] + rng.standard_normal(rows) * (1 + np.abs(X[:, 1]))

for name, kwargs in [("HC1", dict(cov_type="HC1")),
                     ("cluster", dict(cov_type="cluster", cov_kwds={"groups": groups}))]:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        result = sm.OLS(y, X).fit(use_t=True, **kwargs)
        _ = result.bse, result.fvalue
        best = min(best, time.perf_counter() - start)
    print(f"statsmodels {statsmodels.__version__} {name}: {rows} x {regressors + 1}, {best:.3f} s (best of 3)")
