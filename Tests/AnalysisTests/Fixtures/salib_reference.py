"""Reference values for AnalysisTests, from SALib 1.6 and numpy/scipy.

Rerun from the repository root with `python3 Tests/AnalysisTests/Fixtures/salib_reference.py`;
it rewrites `salib_reference.json` beside this file.

The designs are rebuilt here exactly as iccsim builds them: iccsim's counter-based RandomStream
(SplitMix64 finaliser over a Weyl sequence keyed by FNV-1a of the input name) gives uniform k of
input i at base point j, inverted through the input's distribution (uniforms only here, so the
inversion `min + p (max - min)` is bit-identical in both languages). The rows are laid out as
SALib lays them out without second-order indices (A_j, AB_1j .. AB_Kj, B_j for each j), the
model is evaluated with SALib's own test functions, and `SALib.analyze.sobol.analyze` estimates
the indices. The Swift tests check that their design reproduces the first rows and the sum of Y
(so the two sides analyse the same numbers) and that their point estimates equal SALib's.

The regression case draws a plain Monte Carlo sample the same way (uniform 0 of each input's
stream) and computes SRCs with numpy's least squares and PRCCs from the inverse of the rank
correlation matrix, a different route from iccsim's residual regressions.
"""

import json
import math
import os

import numpy as np
from scipy.stats import rankdata
from SALib.analyze import sobol
from SALib.test_functions import Ishigami, Sobol_G

MASK = (1 << 64) - 1


def mix(z):
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return z ^ (z >> 31)


def key_hash(name):
    h = 0xCBF29CE484222325
    for byte in name.encode("utf-8"):
        h = ((h ^ byte) * 0x00000100000001B3) & MASK
    return h


def uniform(seed, run, name, index):
    base = mix((mix(seed ^ key_hash(name)) + run * 0x9E3779B97F4A7C15) & MASK)
    bits = mix(mix((base + (index + 1) * 0xD1B54A32D192ED03) & MASK))
    return ((bits >> 11) + 0.5) * 2.0**-53


def saltelli(names, bounds, groups, n, seed):
    """SALib's row layout without second-order terms; one factor per group (or per input)."""
    factors = list(dict.fromkeys(groups))
    d, k = len(names), len(factors)
    X = np.empty((n * (k + 2), d))
    for j in range(n):
        a = np.empty(d)
        b = np.empty(d)
        for i, (name, (lo, hi)) in enumerate(zip(names, bounds)):
            a[i] = lo + uniform(seed, j, name, 0) * (hi - lo)
            b[i] = lo + uniform(seed, j, name, 1) * (hi - lo)
        X[j * (k + 2)] = a
        for f, factor in enumerate(factors):
            row = a.copy()
            for i, g in enumerate(groups):
                if g == factor:
                    row[i] = b[i]
            X[j * (k + 2) + 1 + f] = row
        X[j * (k + 2) + k + 1] = b
    return X


def sobol_case(names, bounds, groups, n, seed, evaluate):
    X = saltelli(names, bounds, groups, n, seed)
    Y = evaluate(X)
    problem = {"num_vars": len(names), "names": names, "bounds": bounds}
    if groups != names:
        problem["groups"] = groups
    Si = sobol.analyze(problem, Y, calc_second_order=False, num_resamples=1000,
                       conf_level=0.95, seed=7)
    return {
        "seed": seed,
        "base_samples": n,
        "names": names,
        "groups": groups,
        "first_rows": [list(X[r]) + [Y[r]] for r in range(12)],
        "y_sum": float(np.sum(Y)),
        "s1": list(Si["S1"]),
        "st": list(Si["ST"]),
        "s1_conf": list(Si["S1_conf"]),
        "st_conf": list(Si["ST_conf"]),
    }


def regression_case(seed, count):
    names = ["x1", "x2", "x3", "x4"]
    bounds = [(0.0, 1.0), (0.0, 2.0), (-1.0, 1.0), (0.0, 1.0)]
    X = np.array([[lo + uniform(seed, j, name, 0) * (hi - lo) for name, (lo, hi) in zip(names, bounds)]
                  for j in range(count)])
    Y = np.exp(0.5 * X[:, 0] + 0.3 * X[:, 1]) + 0.2 * X[:, 2] ** 3
    Z = (X - X.mean(axis=0)) / X.std(axis=0, ddof=1)
    z = (Y - Y.mean()) / Y.std(ddof=1)
    src, *_ = np.linalg.lstsq(Z, z, rcond=None)
    r_squared = 1 - np.sum((z - Z @ src) ** 2) / np.sum(z ** 2)
    R = np.column_stack([rankdata(X[:, i]) for i in range(len(names))] + [rankdata(Y)])
    P = np.linalg.inv(np.corrcoef(R, rowvar=False))
    y = len(names)
    prcc = [-P[i, y] / math.sqrt(P[i, i] * P[y, y]) for i in range(len(names))]
    Rz = (R - R.mean(axis=0)) / R.std(axis=0, ddof=1)
    rank_coef, *_ = np.linalg.lstsq(Rz[:, :y], Rz[:, y], rcond=None)
    rank_r_squared = 1 - np.sum((Rz[:, y] - Rz[:, :y] @ rank_coef) ** 2) / np.sum(Rz[:, y] ** 2)
    return {
        "seed": seed,
        "count": count,
        "names": names,
        "first_rows": [list(X[r]) + [Y[r]] for r in range(5)],
        "src": list(src),
        "prcc": prcc,
        "r_squared": float(r_squared),
        "rank_r_squared": float(rank_r_squared),
    }


def main():
    pi = math.pi
    ishigami = sobol_case(["x1", "x2", "x3"], [(-pi, pi)] * 3, ["x1", "x2", "x3"], 1024, 2024,
                          lambda X: Ishigami.evaluate(X, A=7.0, B=0.1))
    g_a = np.array([0.0, 1.0, 4.5, 9.0, 99.0, 99.0])
    g_names = [f"x{i + 1}" for i in range(6)]
    g_groups = ["model", "index_method", "model", "index_method", "model", "index_method"]
    grouped = sobol_case(g_names, [(0.0, 1.0)] * 6, g_groups, 1024, 77,
                         lambda X: Sobol_G.evaluate(X, a=g_a))
    reference = {
        "source": "SALib 1.6.0 analyze.sobol (calc_second_order=False); numpy lstsq; scipy rankdata",
        "ishigami": ishigami,
        "sobol_g_grouped": grouped,
        "regression": regression_case(11, 400),
    }
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "salib_reference.json")
    with open(path, "w") as out:
        json.dump(reference, out, indent=1)
        out.write("\n")


if __name__ == "__main__":
    main()
