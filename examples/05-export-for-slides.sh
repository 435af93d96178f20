#!/usr/bin/env bash
# 05 · Export for slides — turn a run and a comparison into the tables and charts a
# presentation needs: Markdown and LaTeX tables, CSV and an Excel workbook for further work,
# and one self-contained HTML page (manifest, tables, fan charts) to open, print or email.
#
# Run from the repository root with `iccsim` on PATH (the test suite does exactly that).
set -euo pipefail
cd "$(dirname "$0")/.."

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# 1. Run once and keep the machine-readable result; every export reads this file.
iccsim run scenarios/shanghai-districts-first.yaml --runs 2000 --seed 7 --format json > "$out/run.json"
iccsim compare scenarios/shanghai-baseline.yaml scenarios/shanghai-districts-first.yaml \
  scenarios/shanghai-policy-first.yaml --runs 2000 --seed 7 --format json > "$out/compare.json"

# 2. The projection table on the terminal, in English, every year, with the mean in each cell.
iccsim export "$out/run.json" --lang en --years all --stat mean

# 3. One file per format, in Chinese (--lang zh; English is the default); --bom helps Excel read UTF-8 CSV,
#    --standalone makes the LaTeX a whole document (compile with xelatex).
iccsim export "$out/run.json" --format md   --out "$out/projection.md" --lang zh
iccsim export "$out/run.json" --format csv  --out "$out/projection.csv" --lang zh --bom
iccsim export "$out/run.json" --format tex  --out "$out/projection.tex" --lang zh --standalone
iccsim export "$out/run.json" --format xlsx --out "$out/projection.xlsx" --lang zh
iccsim export "$out/run.json" --format html --out "$out/report.html" --lang zh
iccsim export "$out/compare.json" --format html --lang en --out "$out/compare.html"
# Every chart of the page as its own SVG file for slides (fan-retail_sales.svg, …), in a new folder.
iccsim export "$out/run.json" --format svg --out "$out/charts" --lang zh
ls -l "$out" "$out/charts"

# 4. Outputs are never overwritten by accident: without --force the export stops with 73.
status=0
iccsim export "$out/run.json" --format md --out "$out/projection.md" || status=$?
echo "exit status: $status (73: the output exists; pass --force to replace it)"
test "$status" -eq 73
iccsim export "$out/run.json" --format md --out "$out/projection.md" --force
head -n 8 "$out/projection.md"

# 5. One self-contained HTML report straight from scenarios: each plan's projection and fan
#    charts, the paired comparison with the baseline, and the run manifest.
iccsim report scenarios/shanghai-baseline.yaml scenarios/shanghai-transport-first.yaml \
  --runs 2000 --seed 7 --lang zh --out "$out/shanghai-report.html"
grep -c "<svg" "$out/shanghai-report.html"
