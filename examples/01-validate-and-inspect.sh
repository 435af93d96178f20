#!/usr/bin/env bash
# 01 · Validate and inspect — check scenario files before running them, read the indicator
# catalogue, and start a scenario of your own. Uses `iccsim` from PATH; run from the
# repository root (the test suite runs it with the freshly built binary first on PATH).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== The indicator catalogue (国际消费中心城市评估指标体系), in Chinese"
iccsim indicators --lang zh

echo
echo "== Validate every shipped scenario and the default model (exit status 0: all valid)"
iccsim validate scenarios/*.yaml scenarios/models/*.yaml

echo
echo "== A broken scenario: every problem is reported at once, with file:line:column"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/scenarios"
ln -s "$PWD/scenarios/models" "$work/scenarios/models"
ln -s "$PWD/scenarios/data" "$work/scenarios/data"
cat > "$work/scenarios/broken.yaml" <<'YAML'
scenario: broken
city: shanghai
base_year: 2023
horizn: 10                        # misspelt key
runs: 0                           # impossible
model: models/icc-default.yaml
baseline: data/cities.csv
interventions:
  - id: metro
    adds: {metro_kms: 60}         # unknown indicator id
    start: 2025
    ramp: 0                       # ramp must be at least one year
YAML
status=0
iccsim validate "$work/scenarios/broken.yaml" || status=$?
echo "exit status: $status (65: the input data is wrong)"
test "$status" -eq 65

echo
echo "== Start your own scenario: a commented starter for Tianjin, which validates as written"
iccsim init --city tianjin > "$work/scenarios/tianjin-baseline.yaml"
head -n 12 "$work/scenarios/tianjin-baseline.yaml"
iccsim validate "$work/scenarios/tianjin-baseline.yaml"
