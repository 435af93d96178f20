"""Reference values for the wild cluster bootstrap (WildClusterBootstrapTests.swift).

Writes wild-bootstrap-enumerated.csv (8 cities, 40 rows), wild-bootstrap-random.csv (20 cities
of 3 to 8 rows) and wild-bootstrap.json with, for `y ~ x + z` clustered on city, the reference
package `wildboottest` 0.3.2 (pip install wildboottest; the WCR "11" bootstrap of Roodman et al.
2019, as boottest) for each slope: the cluster-robust t, its bootstrap p-value of β = 0 and the
95 % interval by test inversion.

wildboottest tests β_j = 0 only; the test of β_j = c is the test of β_j = 0 on the response
y − c·x_j (the same design, coefficient shifted by c), so the interval is found here by bisection
on c, from the estimate outwards, with the reference's own p-values. Its p-value counts
|t*| > |t| with a strict comparison of raw numbers; the sign vectors ±(1, …, 1) reproduce ±t
exactly, so whether they count depends on rounding. The p-values here are therefore counted
from the reference's t* with the tie rule of iccsim (|t*| > |t|·(1 + 1e-10)); the package's own
p-value is written beside it (`p_value_package`) and differs by at most 2/B.

Cases: Rademacher with 8 clusters, every one of the 2^8 sign vectors (exact: iccsim must agree
to rounding); Rademacher and Webb with 20 clusters and B = 9,999 random draws (seed 20260101
here; iccsim's draws are its own, so agreement is within Monte Carlo error).
"""
import json
import os

import numpy as np
import statsmodels.api as sm
import wildboottest.wildboottest as package
from numba import njit
from wildboottest.wildboottest import WildboottestCL

# The package compiles its denominator loop anew at every call (a closure under numba's njit);
# caching the compiled code makes the hundreds of calls of the interval search take seconds.
# The computation is the package's own.
package.njit = lambda **options: njit(cache=True, **options)

HERE = os.path.dirname(os.path.abspath(__file__))
TIE = 1e-10


def panel(rng, cities, sizes):
    rows = []
    for g in range(cities):
        effect = rng.normal(0, 0.8)
        for t in range(sizes[g]):
            x = rng.normal(0, 1) + 0.5 * effect
            z = rng.uniform(0, 2)
            y = 1 + 0.15 * x - 0.4 * z + effect + rng.normal(0, 1)
            rows.append((f"c{g + 1:02d}", 2010 + t, y, x, z))
    return rows


def write_csv(name, rows):
    with open(os.path.join(HERE, name), "w") as f:
        f.write("city,year,y,x,z\n")
        for city, year, y, x, z in rows:
            f.write(f"{city},{year},{y!r},{x!r},{z!r}\n")


def reference_t(X, y, cluster, j, c, B, weights, seed):
    """(t, t*, p with the tie rule, the package's p) for β_j = c."""
    R = np.zeros(X.shape[1])
    R[j] = 1
    boot = WildboottestCL(X=X, Y=y - c * X[:, j], cluster=cluster, R=R, B=B, seed=seed, parallel=False)
    boot.get_scores(bootstrap_type="11", impose_null=True)
    boot.get_weights(weights_type=weights)
    boot.get_numer()
    boot.get_denom()
    boot.get_tboot()
    boot.get_vcov()
    boot.get_tstat()
    boot.get_pvalue(pval_type="two-tailed")
    t = float(np.squeeze(boot.t_stat))
    t_star = np.asarray(boot.t_boot).ravel()
    p = float(np.mean(np.abs(t_star) > abs(t) * (1 + TIE)))
    return t, t_star, p, float(boot.pvalue)


def interval(X, y, cluster, j, B, weights, seed, se):
    beta = np.linalg.lstsq(X, y, rcond=None)[0][j]

    def rejected(c):
        return reference_t(X, y, cluster, j, c, B, weights, seed)[2] <= 0.05

    ends = []
    for direction in (-1, 1):
        inside, outside = 0.0, se
        while not rejected(beta + direction * outside):
            inside, outside = outside, 2 * outside
        for _ in range(200):
            middle = (inside + outside) / 2
            if middle <= inside or middle >= outside:
                break
            if rejected(beta + direction * middle):
                outside = middle
            else:
                inside = middle
        ends.append(beta + direction * (inside + outside) / 2)
    return ends


def case(name, rows, weights, B, seed):
    cities = sorted({r[0] for r in rows})
    cluster = np.array([cities.index(r[0]) for r in rows])
    y = np.array([r[2] for r in rows])
    X = np.column_stack([np.ones(len(rows)), [r[3] for r in rows], [r[4] for r in rows]])
    fit = sm.OLS(y, X).fit(cov_type="cluster", cov_kwds={"groups": cluster})
    tests = []
    for j, term in ((1, "x"), (2, "z")):
        t, t_star, p, p_package = reference_t(X, y, cluster, j, 0.0, B, weights, seed)
        low, high = interval(X, y, cluster, j, B, weights, seed, fit.bse[j])
        tests.append({
            "term": term, "t": t, "p_value": p, "p_value_package": p_package, "ci_low": low, "ci_high": high,
            "draws": int(t_star.size), "cluster_se": float(fit.bse[j]),
        })
    return {"file": name, "formula": "y ~ x + z", "weights": weights, "draws": B, "tests": tests}


def main():
    rng = np.random.default_rng(20260101)
    enumerated = panel(rng, 8, [5] * 8)
    random_rows = panel(rng, 20, list(rng.integers(3, 9, size=20)))
    write_csv("wild-bootstrap-enumerated.csv", enumerated)
    write_csv("wild-bootstrap-random.csv", random_rows)
    cases = {
        # B above 2^8: the package enumerates every sign vector, as iccsim does for G <= 12.
        "rademacher_enumerated": case("wild-bootstrap-enumerated.csv", enumerated, "rademacher", 1000, 1),
        "rademacher_random": case("wild-bootstrap-random.csv", random_rows, "rademacher", 9999, 20260101),
        "webb_random": case("wild-bootstrap-random.csv", random_rows, "webb", 9999, 20260101),
    }
    with open(os.path.join(HERE, "wild-bootstrap.json"), "w") as f:
        json.dump(cases, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
