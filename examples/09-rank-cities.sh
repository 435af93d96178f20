#!/usr/bin/env bash
# 09 · Rank the cities — which city leads on the ICC index, year by year, and how sure is that.
#
# `rank` projects one scenario per city over the same runs, so the quantities the cities share
# (the common model's elasticities, the index weights and goalposts) take the same value for
# every city in a run, and ranks each run. The shipped city baselines serve as the demo.
#
# Run from the repository root with `iccsim` on PATH (the test suite does exactly that).
set -euo pipefail
cd "$(dirname "$0")/.."

cities=(scenarios/shanghai-baseline.yaml scenarios/beijing-baseline.yaml scenarios/chongqing-baseline.yaml)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

echo "== 1. The index: each city's median, rank P5/P50/P95 and chance of ranking first"
iccsim rank "${cities[@]}" --runs 1000

echo
echo "== 2. One indicator, as JSON for scripts: the chances of ranking first add up to one each year"
iccsim rank "${cities[@]}" --runs 1000 --indicator retail_sales --format json --out "$out/rank.json"
python3 - "$out/rank.json" <<'PY'
import json, sys
from collections import defaultdict
document = json.load(open(sys.argv[1]))
first = defaultdict(float)
for row in document["ranks"]:
    first[row["year"]] += row["probability_first"]
last = max(first)
print(f'{document["indicator"]}: {len(first)} years; chances of ranking first sum to '
      f'{min(first.values()):.3f}–{max(first.values()):.3f}')
leader = max((r for r in document["ranks"] if r["year"] == last), key=lambda r: r["probability_first"])
print(f'most likely first in {last}: {leader["city"]} ({leader["probability_first"]:.0%})')
PY
