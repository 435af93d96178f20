#!/usr/bin/env python3
"""References for HC standard errors when one observation has leverage 1, computed by statsmodels.

Writes, next to this script:
  leverage-one.csv    cities a, b, c over 2011-2020 and one row of city zz (2015), with x and y
                      (seeded); in `y ~ x + C(city)` the dummy C(city)[T.zz] is 1 on that row only,
                      so the row has leverage 1 and is fitted exactly whatever its y
  leverage-one.json   statsmodels' HC0-HC3 standard errors for the rows in file order and reversed

HC2 and HC3 divide the squared residual by 1 - h (and its square): 0/0 on that row. statsmodels
prints whatever the rounding leaves (the zz standard error changes with the row order); the
other standard errors do not depend on the row at all, and are the references for iccsim, which
reports the zz standard error as undefined. Rerun from this folder (needs numpy, pandas,
statsmodels >= 0.14):
  python3 make_leverage_fixtures.py
"""
import json
import numpy as np
import pandas as pd
import statsmodels
import statsmodels.formula.api as smf

rng = np.random.default_rng(20261205)
rows = [dict(city=c, year=t, x=float(rng.normal())) for c in ["a", "b", "c"] for t in range(2011, 2021)]
rows.insert(17, dict(city="zz", year=2015, x=float(rng.normal())))
data = pd.DataFrame(rows)
data["y"] = 1 + 0.5 * data.x + rng.normal(0, 1, len(data)) * (1 + abs(data.x))
with open("leverage-one.csv", "w") as f:
    f.write("city,year,x,y\n")
    for r in data.itertuples():
        f.write(f"{r.city},{r.year},{r.x!r},{r.y!r}\n")
data = pd.read_csv("leverage-one.csv")

formula = "y ~ x + C(city)"
fits = {}
for order, frame in [("file", data), ("reversed", data.iloc[::-1].reset_index(drop=True))]:
    for cov in ["HC0", "HC1", "HC2", "HC3"]:
        r = smf.ols(formula, frame).fit(cov_type=cov)
        fits[f"{cov}-{order}"] = dict(zip(r.model.exog_names, (float(repr(float(v))) for v in r.bse)))

with open("leverage-one.json", "w") as f:
    json.dump(dict(generator="make_leverage_fixtures.py",
                   versions=dict(statsmodels=statsmodels.__version__, numpy=np.__version__),
                   data="leverage-one.csv", formula=formula, leverage_one_line=19, undefined_term="C(city)[T.zz]",
                   std_error=fits), f, indent=1)
print(json.dumps(fits, indent=1))
