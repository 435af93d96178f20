"""Reference CRPS and PIT values for iccsim's ForecastScore, from properscoring.

Run: pip install properscoring numpy && python3 forecast_scores_reference.py
Writes forecast_scores_reference.json beside this script: ensembles (with ties and
observations inside, below and above them), observations, properscoring.crps_ensemble and
numpy's linear percentiles.
"""
import json

import numpy as np
import properscoring as ps

rng = np.random.default_rng(20261205)
cases = []
for size, observed in [(1, 3.0), (2, 0.5), (5, 10.0), (50, 0.0), (1000, 1.3), (7, -4.0), (400, 2.0)]:
    ensemble = rng.normal(1.0, 2.0, size)
    if size == 7:
        ensemble = np.array([-4.0, -4.0, 1.0, 1.0, 2.0, 2.0, 2.0])  # ties, observation on a tie
    if size == 400:
        ensemble = np.round(rng.lognormal(0.5, 0.4, size), 1)  # many ties
    cases.append({
        "ensemble": ensemble.tolist(),
        "observed": observed,
        "crps": float(ps.crps_ensemble(observed, ensemble)),
        "pit": float((np.sum(ensemble < observed) + 0.5 * np.sum(ensemble == observed)) / size),
        "quantiles": [float(np.percentile(ensemble, q)) for q in (5, 25, 50, 75, 95)],
    })
with open("forecast_scores_reference.json", "w") as f:
    json.dump({"generator": "properscoring " + ps.__version__ if hasattr(ps, "__version__") else "properscoring",
               "cases": cases}, f, indent=1)
