#!/usr/bin/env python3
"""References for formulas that use one column both in C() and as a number, computed by
patsy and statsmodels.

Writes, next to this script:
  mixed-terms.csv    8 firms x 6 years (seeded): invest, value, capital, AVGEXP, OWNRENT (0/1), INCOME
  mixed-terms.json   per formula: patsy's column names, the rank, the columns that are linear
                     combinations of the columns before them (aliased, as iccsim names them), the
                     residual sum of squares, and statsmodels' classical fit on the other columns

patsy accepts these formulas and leaves the duplicate information in the design (statsmodels
then fits by pseudo-inverse); iccsim drops each column that is a combination of earlier ones, so
the reference estimates and standard errors are those of statsmodels on the kept columns, and
the residual sum of squares is the same either way.

Rerun from this folder (needs numpy, pandas, patsy, statsmodels >= 0.14):
  python3 make_mixed_term_fixtures.py
"""
import json
import numpy as np
import pandas as pd
import patsy
import statsmodels
import statsmodels.api as sm
import warnings
from numpy import log  # so that formulas read `log(x)` as our formulas do

FORMULAS = [
    "AVGEXP ~ C(OWNRENT) + OWNRENT + INCOME",
    "invest ~ value + C(year):capital + year",
    "invest ~ year + C(year)",
    "invest ~ log(year) + C(year)",
    "invest ~ C(year) + year:capital",
]

rng = np.random.default_rng(20261205)
rows = []
for firm in [f"f{i}" for i in range(1, 9)]:
    for year in range(2015, 2021):
        rows.append(dict(firm=firm, year=year, value=float(np.exp(rng.normal(5, 1))),
                         capital=float(np.exp(rng.normal(4, 1))), OWNRENT=int(rng.integers(0, 2)),
                         INCOME=float(rng.uniform(1.5, 10))))
data = pd.DataFrame(rows)
data["invest"] = 0.1 * data.value + 0.3 * data.capital + rng.normal(0, 10, len(data))
data["AVGEXP"] = 50 + 30 * data.INCOME + 40 * data.OWNRENT + rng.normal(0, 60, len(data))
columns = ["firm", "year", "invest", "value", "capital", "AVGEXP", "OWNRENT", "INCOME"]
with open("mixed-terms.csv", "w") as f:
    f.write(",".join(columns) + "\n")
    for r in data.itertuples():
        f.write(",".join(repr(v) if isinstance(v, float) else str(v) for v in (getattr(r, c) for c in columns)) + "\n")
data = pd.read_csv("mixed-terms.csv")


def full(x):
    return float(repr(float(x)))


# statsmodels warns that the full patsy design is rank-deficient, which is the point here.
warnings.simplefilter("ignore")
cases = []
for formula in FORMULAS:
    y, x = patsy.dmatrices(formula, data)
    names = x.design_info.column_names
    x = np.asarray(x)
    kept = []
    for j in range(x.shape[1]):
        if np.linalg.matrix_rank(x[:, kept + [j]]) > len(kept):
            kept.append(j)
    fit = sm.OLS(np.asarray(y).ravel(), x[:, kept]).fit()
    cases.append(dict(
        formula=formula, terms=names, rank=len(kept), aliased=[names[j] for j in range(len(names)) if j not in kept],
        kept=[names[j] for j in kept], estimate=[full(v) for v in fit.params], std_error=[full(v) for v in fit.bse],
        residual_sum_of_squares=full(fit.ssr),
        pinv_residual_sum_of_squares=full(sm.OLS(np.asarray(y).ravel(), x).fit().ssr)))

with open("mixed-terms.json", "w") as f:
    json.dump(dict(generator="make_mixed_term_fixtures.py",
                   versions=dict(statsmodels=statsmodels.__version__, patsy=patsy.__version__, numpy=np.__version__),
                   data="mixed-terms.csv", cases=cases), f, indent=1)
print(f"wrote {len(cases)} cases")
