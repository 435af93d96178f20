"""Writes prim_reference.json: EMA Workbench's PRIM on a planted box, for PRIMTests.

Rerun with `python3 prim_reference.py` in this folder (needs `pip install ema-workbench`;
written with ema-workbench 2.x, numpy, pandas). 2,000 points of 6 independent uniform inputs
(numpy's default_rng(42)); the cases of interest are x1 < 0.3 and x2 > 0.6. EMA's peeling
uses the original objective (the density of the box, as iccsim's); the file keeps every point
and EMA's first box of density 1 (its step, mass, limits), where iccsim's peeling stops.
"""

import json

import numpy as np
import pandas as pd
from ema_workbench.analysis import prim

rng = np.random.default_rng(42)
n, d = 2000, 6
x = pd.DataFrame(rng.uniform(size=(n, d)), columns=[f"x{i + 1}" for i in range(d)])
y = ((x.x1 < 0.3) & (x.x2 > 0.6)).values
objective = prim.PRIMObjectiveFunctions.ORIGINAL  # the density of the box, as iccsim peels
box = prim.Prim(
    x, y, threshold=0.0, obj_function=objective, peel_alpha=0.05, paste_alpha=0.05, mass_min=0.05
).find_box()
# The first box of density 1 (EMA then goes on peeling to the minimum mass; iccsim stops there).
first = int(np.argmax(box.peeling_trajectory["mean"].values >= 1))
last = box.peeling_trajectory.iloc[first]
limits = box.box_lims[first]
reference = {
    "points": x.values.tolist(),
    "interest": [bool(v) for v in y],
    "steps": first + 1,
    "mass": float(last["mass"]),
    "density": float(last["mean"]),
    "restricted": int(last["res_dim"]),
    "x1_high": float(limits["x1"][1]),
    "x2_low": float(limits["x2"][0]),
}
with open("prim_reference.json", "w") as f:
    json.dump(reference, f)
