#!/usr/bin/env python3
"""A small panel on which two-way clustering gives an indefinite covariance of the drivers.

Writes, next to this script:
  two-way-indefinite-panel.csv   5 cities x 7 years (seeded random walks of metro_km,
                                 tourism_spending and retail_sales, the columns of panel-model.yaml)

For `retail_sales` of panel-model.yaml with city and year effects, the two-way (city, year)
cluster covariance V_city + V_year - V_both of the driver terms LD.metro_km and D.tourism_spending
has a negative eigenvalue (about -1.6e-4), which statsmodels reproduces (printed below); a model
reading that covariance refuses it. Rerun from this folder (needs numpy, pandas, statsmodels):
  python3 make_two_way_indefinite_panel.py
"""
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf

rng = np.random.default_rng(10)
rows = []
for c in range(5):
    metro = float(rng.integers(10, 200))
    tourism = float(np.exp(rng.normal(7, 0.5)))
    retail = float(np.exp(rng.normal(8.5, 0.4)))
    for year in range(2010, 2017):
        metro += max(0.0, float(rng.normal(25, 20)))
        tourism *= float(np.exp(rng.normal(0.07, 0.08)))
        retail *= float(np.exp(rng.normal(0.06, 0.03)))
        rows.append(f"c{c},{year},{metro!r},{tourism!r},{retail!r}")
with open("two-way-indefinite-panel.csv", "w") as f:
    f.write("city,year,metro_km,tourism_spending,retail_sales\n" + "\n".join(rows) + "\n")

# The equation iccsim builds: differences of logs (metro_km + 1 for the stock), metro lagged once.
panel = pd.read_csv("two-way-indefinite-panel.csv").sort_values(["city", "year"])
z = pd.DataFrame({"city": panel.city, "year": panel.year, "retail": np.log(panel.retail_sales),
                  "metro": np.log(panel.metro_km + 1), "tourism": np.log(panel.tourism_spending)})
g = z.groupby("city")
z["D_retail"] = g.retail.diff()
z["D_tourism"] = g.tourism.diff()
z["LD_metro"] = g.metro.diff().groupby(z.city).shift(1)
eq = z.dropna()
groups = np.column_stack([pd.factorize(eq.city)[0], pd.factorize(eq.year)[0]])
fit = smf.ols("D_retail ~ C(city) + C(year) + LD_metro + D_tourism", eq).fit(cov_type="cluster", cov_kwds={"groups": groups})
drivers = fit.cov_params().loc[["LD_metro", "D_tourism"], ["LD_metro", "D_tourism"]].to_numpy()
print("driver covariance eigenvalues (statsmodels):", np.linalg.eigvalsh(drivers))
