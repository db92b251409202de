#!/usr/bin/env bash
# A study of thousands of trials through the launcher: iris x 5 strategies x SEEDS seeds (default 400: 2000 trials,
# initial 6, batch 3, 4 rounds). Records wall time and peak RSS (GNU time), the report's time (from the run's own
# time line) and size, and checks results.csv is complete; then kills a second run with SIGKILL at half its trials,
# resumes it, and compares trials/ and results.csv byte for byte with the uninterrupted run.
#   benchmarks/load/load.sh [SEEDS]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
seeds="${1:-400}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
ab="$root/activebench"
"$ab" --version >/dev/null # builds if needed, outside the figures

python3 - "$seeds" >"$work/load.json" <<'PY'
import json, sys
n = int(sys.argv[1])
print(json.dumps({"name": "load", "datasets": [{"name": "iris"}], "learner": "logistic",
                  "strategies": ["random", "least_confidence", "entropy", "margin", {"name": "qbc", "params": {"committee": 3}}],
                  "seeds": list(range(1, n + 1)), "initial": {"size": 6}, "batch": 3, "budget": {"rounds": 4}}))
PY
trials=$((seeds * 5))
echo "machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) CPUs; $(date -u +%FT%TZ)"
echo "study: iris x 5 strategies x $seeds seeds = $trials trials (+ $seeds references)"

/usr/bin/time -v "$ab" run "$work/load.json" --out "$work/whole" --no-progress >"$work/whole.out" 2>"$work/whole.err"
wall="$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/whole.err")"
rss_kb="$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/whole.err")"
report_s="$(cat "$work/whole.out" "$work/whole.err" | sed -n 's/^time: .*; report \([0-9.]*\) s.*/\1/p' | head -1)"
report_bytes="$(du -sb "$work/whole/report" | cut -f1)"
html_bytes="$(stat -c %s "$work/whole/report/report.html")"
rows="$(($(wc -l <"$work/whole/results.csv") - 1))"
expected_rows=$((trials * 5 * 3)) # 5 rounds (initial + 4) x 3 metrics
echo "uninterrupted: wall $wall, peak RSS $((rss_kb / 1024)) MiB, report ${report_s} s, report/ $((report_bytes / 1024)) KiB (report.html $((html_bytes / 1024)) KiB), results.csv $rows rows of $expected_rows"
test "$rows" -eq "$expected_rows"

"$ab" run "$work/load.json" --out "$work/killed" --no-progress --threads 2 >"$work/killed.out" 2>&1 &
pid=$!
for _ in $(seq 1 6000); do # 60 s at most
  done_trials="$( (find "$work/killed/trials" -name 'seed-*.json' 2>/dev/null || true) | wc -l)"
  [ "$done_trials" -ge $((trials / 2)) ] && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.01
done
kill -9 "$pid" 2>/dev/null || true # the launcher execs the JVM: this is the JVM
wait "$pid" 2>/dev/null || true
at_kill="$(find "$work/killed/trials" -name 'seed-*.json' | wc -l)"
"$ab" run "$work/load.json" --out "$work/killed" --no-progress >"$work/resumed.out" 2>&1
same=yes
diff -r "$work/whole/trials" "$work/killed/trials" >/dev/null || same=no
cmp -s "$work/whole/results.csv" "$work/killed/results.csv" || same=no
echo "kill -9 at $at_kill of $trials trials, rerun: trials/ and results.csv byte-identical: $same"
test "$same" = yes
