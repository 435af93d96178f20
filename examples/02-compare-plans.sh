#!/usr/bin/env bash
# Compare three plans for Shanghai with its baseline, run by run under common random numbers.
#
# Every plan is projected over the same 2,000 runs as the baseline, so the uncertain quantities
# they share (drifts, elasticities, shocks, disruptions) take the same values in both and the
# paired difference isolates what the plan itself changes.
#
# Run from the repository root with `iccsim` on PATH (the test suite does exactly that).
set -euo pipefail
cd "$(dirname "$0")/.."

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# 1. One plan on its own: key indicators at milestone years, P50 [P5–P95], and its targets.
iccsim run scenarios/shanghai-districts-first.yaml --runs 2000 --seed 7

# 2. All three plans against the baseline, as a table and as JSON for scripts.
iccsim compare scenarios/shanghai-baseline.yaml \
  scenarios/shanghai-districts-first.yaml \
  scenarios/shanghai-transport-first.yaml \
  scenarios/shanghai-policy-first.yaml --runs 2000 --seed 7

iccsim compare scenarios/shanghai-baseline.yaml scenarios/shanghai-policy-first.yaml \
  --runs 2000 --seed 7 --format json > "$out/compare.json"

# 3. The same seed gives the same numbers, whatever the number of threads.
iccsim run scenarios/shanghai-baseline.yaml --runs 2000 --seed 7 --threads 1 --format csv > "$out/one.csv"
iccsim run scenarios/shanghai-baseline.yaml --runs 2000 --seed 7 --threads 2 --format csv > "$out/two.csv"
cmp "$out/one.csv" "$out/two.csv" && echo "identical results at 1 and 2 threads"
