#!/usr/bin/env bash
# 04 · What drives the result — which uncertain quantities matter for Shanghai's ICC index.
#
# Inputs are the scenario's quantities that carry a distribution (drifts, elasticities, policy
# effects, stock additions, delays, costs, shock and disruption parameters, index weights), named
# by their stable paths. Yearly shocks are not inputs: every run sees one common path of them, so
# the index is a function of the inputs alone. Sample sizes here are small so that the example is
# quick; use the defaults (or more) for conclusions.
#
# Run from the repository root with `iccsim` on PATH (the test suite does exactly that).
set -euo pipefail
cd "$(dirname "$0")/.."

scenario=scenarios/shanghai-baseline.yaml
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== 1. Tornado: each input at its P5 and P95, the others at their medians (2d + 1 runs)"
iccsim sensitivity "$scenario" --method tornado > "$work/tornado.txt"
head -n 12 "$work/tornado.txt"

echo
echo "== 2. Regression on a Monte Carlo sample: SRC (with R²) and PRCC, for retail sales in 2030"
iccsim sensitivity "$scenario" --method src --output retail_sales --year 2030 --samples 1000 > "$work/src.txt"
head -n 10 "$work/src.txt"

echo
echo "== 3. Sobol first- and total-order indices with 95% intervals, every year at once, as JSON"
iccsim sensitivity "$scenario" --method sobol --samples 128 --all-years --format json > "$work/sobol.json"
python3 - "$work/sobol.json" <<'PY'
import json, sys
document = json.load(open(sys.argv[1]))
last = max(row["year"] for row in document["rows"])
rows = sorted((r for r in document["rows"] if r["year"] == last), key=lambda r: -r["st"])[:3]
print(f'{document["runs"]} runs; largest total-order indices of the index in {last}:')
for r in rows:
    print(f'  {r["input"]}: S1 {r["s1"]:.2f} [{r["s1_low"]:.2f}, {r["s1_high"]:.2f}], ST {r["st"]:.2f}')
print(f'{len(document["warnings"])} warning(s), e.g.: {document["warnings"][0]["message"]}' if document["warnings"] else "no warnings")
PY

echo
echo "== 4. One uncertainty budget: model against index method"
# The shipped model weighs the five dimensions equally and for certain; here a copy of it lets
# each dimension weight range over [0.1, 0.3], and grouped Sobol indices split the variance of
# the index between the model's uncertainty and the index method's.
mkdir -p "$work/scenarios/models"
ln -s "$PWD/scenarios/data" "$work/scenarios/data"
cp "$scenario" "$work/scenarios/"
weight='{uniform: {min: 0.1, max: 0.3}}'
sed "s|dimension_weights: {.*}|dimension_weights: {renown: $weight, prosperity: $weight, vitality: $weight, accessibility: $weight, policy: $weight}|" \
  scenarios/models/icc-default.yaml > "$work/scenarios/models/icc-default.yaml"
iccsim sensitivity "$work/scenarios/shanghai-baseline.yaml" --method sobol --groups --samples 256
