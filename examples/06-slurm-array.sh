#!/usr/bin/env bash
# Run a scenario on a Slurm cluster: an array of N shard tasks, then a merge job that waits for
# all of them. Prints the merge job's id; the result appears in OUT_DIR/result.json.
#
#   examples/06-slurm-array.sh SCENARIO N OUT_DIR [run options…]
#   e.g. examples/06-slurm-array.sh scenarios/shanghai-baseline.yaml 16 /shared/sh-1m --runs 1000000
#
# OUT_DIR must be on a file system every node sees. Set ICCSIM to the binary's absolute path if
# it is not on the nodes' PATH. `.ci/slurm-test` runs this on a one-node Slurm and compares the
# result with a single-process run.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -lt 3 ]; then
  echo "usage: $0 SCENARIO N OUT_DIR [run options…]" >&2
  exit 64
fi
scenario=$(realpath "$1")
shards=$2
out=$3
shift 3
mkdir -p "$out/parts" "$out/logs"
out=$(realpath "$out")

array=$(sbatch --parsable --array="1-$shards" --chdir="$out/logs" \
  examples/slurm/shards.sbatch "$scenario" "$out/parts" "$@")
array=${array%%;*}
merge=$(sbatch --parsable --dependency="afterok:$array" --kill-on-invalid-dep=yes --chdir="$out/logs" \
  examples/slurm/merge.sbatch "$out/parts" "$out/result.json")
merge=${merge%%;*}
echo "submitted shards as job $array (tasks 1-$shards) and the merge as job $merge" >&2
echo "$merge"
