#!/usr/bin/env python3
"""Growth rates from the shipped panel that the default model cites as its basis.

Run from anywhere:  python3 scenarios/data/panel-estimates.py
Each line: what, cities, years, value. Average annual growth is (ln Y1 - ln Y0) / (t1 - t0);
average annual addition is (Y1 - Y0) / (t1 - t0). Only rows whose indicator is exactly the
concept are used (no `_min`, `_asof` or other variants), and only rows marked `use = fit` (one
vintage and one definition per series, nothing across a known break; see sources.md).
"""
import csv
import math
import os

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "city-panel.csv"), encoding="utf-8-sig") as panel:
    rows = [r for r in csv.DictReader(panel) if r["use"] == "fit"]


def value(city, indicator, year, source_contains=""):
    for r in rows:
        if r["city"] == city and r["indicator"] == indicator and int(r["year"]) == year and source_contains in r["source"]:
            return float(r["value"])
    raise KeyError((city, indicator, year))


def growth(city, indicator, y0, y1, source=""):
    return (math.log(value(city, indicator, y1, source)) - math.log(value(city, indicator, y0, source))) / (y1 - y0)


def addition(city, indicator, y0, y1):
    return (value(city, indicator, y1) - value(city, indicator, y0)) / (y1 - y0)


nbs = "long-yj"
print(f"retail_sales growth, beijing 2011-2019: {growth('beijing', 'retail_sales', 2011, 2019):.4f}")
print(f"retail_sales growth, shanghai 2011-2019: {growth('shanghai', 'retail_sales', 2011, 2019):.4f}")
print(f"retail_sales growth, beijing 2019-2023: {growth('beijing', 'retail_sales', 2019, 2023):.4f}")
# Tianjin's and Chongqing's NBS series change definition after 2010 and 2012: their growth is
# measured from the first year on the current definition.
for city, first in [("shanghai", 2010), ("beijing", 2010), ("chongqing", 2013), ("tianjin", 2011)]:
    print(f"inbound_overnight_tourists growth (NBS), {city} {first}-2019: "
          f"{growth(city, 'inbound_overnight_tourists', first, 2019):.4f}")
for city in ["shanghai", "beijing", "chongqing", "tianjin"]:
    print(f"gdp growth (NBS export), {city} 2015-2022: {growth(city, 'gdp', 2015, 2022, nbs):.4f}")
print(f"domestic_tourism_revenue growth, beijing 2015-2018: {growth('beijing', 'domestic_tourism_revenue', 2015, 2018):.4f}")
print(f"tourism_total_revenue change, beijing 2019-2020: {growth('beijing', 'tourism_total_revenue', 2019, 2020):.4f}")
print(f"metro_km addition, shanghai 2011-2021: {addition('shanghai', 'metro_km', 2011, 2021):.1f} km/yr")
print(f"metro_km addition, beijing 2011-2021: {addition('beijing', 'metro_km', 2011, 2021):.1f} km/yr")
print(f"tax_refund_stores addition, beijing 2015-2021: {addition('beijing', 'tax_refund_stores', 2015, 2021):.1f} stores/yr")
