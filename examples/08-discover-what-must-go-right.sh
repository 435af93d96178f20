#!/usr/bin/env bash
# 08 · Discover what must go right — the conditions under which Shanghai misses a target.
#
# `discover` runs a plan, marks the runs where a target is missed, and looks with PRIM for a box
# (a range on a few uncertain quantities) in which those runs are concentrated. Every run sees one
# common path of yearly shocks and disruptions, so whether the target is met depends on the
# uncertain quantities alone. The run count is small so that the example is quick; use the
# default (5,000) or more for conclusions.
#
# Run from the repository root with `iccsim` on PATH (the test suite does exactly that).
set -euo pipefail
cd "$(dirname "$0")/.."

plan=scenarios/shanghai-districts-first.yaml
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

echo "== 1. When is the 2030 retail-sales target missed? The trajectory and the chosen box, as a table"
iccsim discover "$plan" --target retail_sales:2030 --runs 2000 > "$out/discover.txt"
sed -n '1,3p' "$out/discover.txt"
sed -n '/^Chosen box/,$p' "$out/discover.txt"

echo
echo "== 2. The same analysis as an HTML page: the peeling trajectory plot and the box's limits"
iccsim discover "$plan" --target retail_sales:2030 --runs 2000 --format html --out "$out/discover.html"
grep -c "<svg" "$out/discover.html" | sed 's/^/charts in the page: /'

