#!/usr/bin/env python3
"""Reference quantiles and CDF values for Tests/StochasticsTests/DistributionTests.swift.

Rerun from this folder with `python3 make_distributions.py` (scipy >= 1.11); it rewrites
distributions.json. Each family maps to a list of {"parameters": [...], "rows": [[p, ppf(p),
cdf(ppf(p))], ...]} using the scipy.stats distribution named beside it. PERT is scipy's beta
with alpha = 1 + 4(mode-min)/(max-min), beta = 1 + 4(max-mode)/(max-min) on [min, max].
"""
import json

from scipy import stats

P = [1e-12, 1e-6, 0.001, 0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99, 0.999, 1 - 1e-6]


def table(parameters, dist):
    rows = []
    for p in P:
        x = float(dist.ppf(p))
        rows.append([p, x, float(dist.cdf(x))])
    return {"parameters": [float(v) for v in parameters], "rows": rows}


def pert(lo, mode, hi):
    alpha = 1 + 4 * (mode - lo) / (hi - lo)
    beta = 1 + 4 * (hi - mode) / (hi - lo)
    return stats.beta(alpha, beta, loc=lo, scale=hi - lo)


fixture = {
    # normal(mean, sd): stats.norm(loc=mean, scale=sd)
    "normal": [table((m, s), stats.norm(m, s)) for m, s in [(0, 1), (0.05, 0.01), (-3, 250)]],
    # lognormal(median, sd_log): stats.lognorm(s=sd_log, scale=median)
    "lognormal": [table((m, s), stats.lognorm(s, scale=m)) for m, s in [(50, 0.2), (1, 1.5)]],
    # uniform(min, max): stats.uniform(loc=min, scale=max-min)
    "uniform": [table((a, b), stats.uniform(a, b - a)) for a, b in [(0, 1), (-2, 7)]],
    # triangular(min, mode, max): stats.triang(c=(mode-min)/(max-min), loc=min, scale=max-min)
    "triangular": [table((a, c, b), stats.triang((c - a) / (b - a), loc=a, scale=b - a))
                   for a, c, b in [(40, 50, 80), (0, 0, 1), (0, 1, 1)]],
    "pert": [table((a, c, b), pert(a, c, b)) for a, c, b in [(40, 50, 80), (0, 0.5, 1), (0, 0, 10)]],
    # beta(alpha, beta, min, max): stats.beta(a, b, loc=min, scale=max-min)
    "beta": [table((a, b, lo, hi), stats.beta(a, b, loc=lo, scale=hi - lo))
             for a, b, lo, hi in [(2, 5, 0, 1), (0.5, 0.5, -1, 1), (30, 0.7, 10, 20)]],
    # poisson(mean): stats.poisson(mean)
    "poisson": [table((m,), stats.poisson(m)) for m in [0.5, 3, 19.5, 25, 1000]],
}

with open("distributions.json", "w") as handle:
    json.dump(fixture, handle, indent=0)
    handle.write("\n")
print({name: len(entries) for name, entries in fixture.items()})
