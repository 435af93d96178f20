#!/usr/bin/env python3
"""numpy percentiles for Tests/StochasticsTests/QuantileSummaryTests.swift.

Rerun from this folder with `python3 make_quantiles.py` (numpy >= 1.22); it rewrites
quantiles.json: data sets (with ties, negative values, one and two points) and
numpy.quantile(data, p, method="linear") for each p, to full precision.
"""
import json

import numpy as np

rng = np.random.default_rng(20240611)
P = [0.0, 0.001, 0.05, 0.1, 0.25, 1 / 3, 0.5, 0.6, 0.75, 0.9, 0.95, 0.999, 1.0]
data_sets = [
    [42.0],
    [1.0, -1.0],
    [3.0, 1.0, 2.0, 2.0, 5.0],
    rng.normal(100, 15, size=101).tolist(),
    np.round(rng.lognormal(0, 1, size=1000), 2).tolist(),
    (rng.standard_t(3, size=4999) * 1e6).tolist(),
]
fixture = [
    {"data": data, "p": P, "quantiles": [float(q) for q in np.quantile(np.array(data), P, method="linear")]}
    for data in data_sets
]
with open("quantiles.json", "w") as handle:
    json.dump(fixture, handle)
    handle.write("\n")
print([len(d) for d in data_sets])
