#!/usr/bin/env python3
"""Unscrambled Sobol points for Tests/StochasticsTests/SobolSequenceTests.swift.

Rerun from this folder with `python3 make_sobol.py` (scipy >= 1.11); it rewrites sobol.json:
the first 256 points of scipy.stats.qmc.Sobol(d=64, scramble=False), row per point. The
values are dyadic fractions, printed exactly by json.
"""
import json

from scipy.stats import qmc

points = qmc.Sobol(d=64, scramble=False).random(256)
with open("sobol.json", "w") as handle:
    json.dump({"points": points.tolist()}, handle)
    handle.write("\n")
print(points.shape)
