#!/usr/bin/env bash
# Builds one libFuzzer target with -sanitize=fuzzer,address and runs it for SECONDS on its
# corpus (Fuzz/Corpus/TARGET, extended in place). A crash reproducer is copied into
# Fuzz/Regressions/TARGET, where the regular test suite replays it (Tests/CLITests/FuzzRegressionTests).
#   Fuzz/run.sh FuzzScenarioLoader|FuzzCSVReader|FuzzFormulaParser SECONDS
# Leak checking is off: the only leak LeakSanitizer reports is one 4 KiB buffer inside the
# toolchain's Foundation (Data(contentsOf:)), at exit; ASan's own exit check is off too.
export ASAN_OPTIONS=detect_leaks=0
set -euo pipefail
target=${1:?target}
seconds=${2:-60}
cd "$(dirname "$0")"
swift build -c debug --scratch-path ../.build-fuzz -Xswiftc -sanitize=fuzzer,address --product "$target" >&2
mkdir -p "Corpus/$target" "Regressions/$target" "../.build-fuzz/artifacts/$target"
status=0
../.build-fuzz/debug/"$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -detect_leaks=0 -print_final_stats=1 \
  -artifact_prefix="../.build-fuzz/artifacts/$target/" "Corpus/$target" || status=$?
for crash in ../.build-fuzz/artifacts/"$target"/*; do
  [ -e "$crash" ] || continue
  cp "$crash" "Regressions/$target/"
  echo "finding kept as Fuzz/Regressions/$target/$(basename "$crash")" >&2
done
exit "$status"
