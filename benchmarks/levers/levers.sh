#!/usr/bin/env bash
# What each training lever costs, whole process, interleaved (farm-bench): one letter trial (logistic, margin,
# 1 seed, 52 + 24 x 26 labels, one thread) with the lever vs the same trial without it, and one mnist10k trial with
# the pixels augmenter vs none. Each run writes a fresh results directory under /tmp (a resumed run would skip).
#   benchmarks/levers/levers.sh [RUNS]   (default 5; about 10 min on 2 cores)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
runs=${1:-5}
work=$(mktemp -d /tmp/activebench-levers.XXXXXX)
trap 'rm -rf "$work"' EXIT
"$root/activebench" --version >/dev/null # build once, outside the timings

config() { # NAME DATA LEVER_JSON LABELS
  cat > "$work/$1.json" <<JSON
{"name": "$1", "datasets": [{"name": "d", "path": "$root/examples/data/$2"}],
 "learner": "logistic", "strategies": ["margin"], "seeds": [1], "initial": {"size": 52},
 "batch": 26, "budget": {"labels": $4}, "reference": false$3}
JSON
}
run() { # NAME: the shell line that runs its config into a fresh directory
  echo "rm -rf $work/out-$1 && exec $root/activebench run $work/$1.json --out $work/out-$1 --threads 1"
}
config none letter.csv.gz "" 676
for lever in '"weighting": "focal"' '"weighting": "active_bias"' '"augment": "noise"' '"augment": "interpolation"' \
             '"augment": "mixup"'; do
  name=$(echo "$lever" | tr -dc 'a-z_' | sed 's/^weighting//; s/^augment//')
  config "$name" letter.csv.gz ", $lever" 676
  echo "== letter: $lever vs none"
  farm-bench -n "$runs" --timeout 600 --vs "sh -c '$(run none)'" -- sh -c "$(run "$name")"
done
config mnist-none mnist10k.csv.gz "" 312
config mnist-pixels mnist10k.csv.gz ', "augment": {"name": "pixels", "params": {"shape": "28x28"}}' 312
echo '== mnist10k: "augment": pixels vs none'
farm-bench -n "$runs" --timeout 900 --vs "sh -c '$(run mnist-none)'" -- sh -c "$(run mnist-pixels)"
