#!/usr/bin/python3
"""Whole-process loop benchmark: ActiveBench against the plain numpy/scikit-learn loop (sklearn_loop.py) on the
same synthetic pool and protocol, one core each (taskset), interleaved, median of the repetitions.

    benchmarks/loop/compare.py N D [--reps 5] [--work /tmp/activebench-loop] [--activebench ./activebench]

Prints a markdown table of phase times (seconds) and the ratio numpy/scikit-learn time / ActiveBench time (> 1:
ActiveBench is faster), with lscpu's model and the load average. Pools are generated once per (N, D) into --work.
"""
import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
CONFIG = """{{"name": "loop", "datasets": [{{"name": "blobs", "path": "{pool}"}}],
 "learner": {{"name": "logistic", "params": {{"C": 1.0}}}}, "strategies": ["margin"], "seeds": [1],
 "testFraction": 0.3, "initial": {{"size": {initial}, "mode": "random", "atLeastOnePerClass": false}},
 "batch": {batch}, "budget": {{"rounds": {rounds}}}, "metrics": ["accuracy"]{extra}}}
"""
TIME_LINE = re.compile(r"time: fit ([\d.]+) s, predict ([\d.]+) s, query ([\d.]+) s, loop ([\d.]+) s, "
                       r"references ([\d.]+) s .*; setup ([\d.]+) s; run ([\d.]+) s wall; report ([\d.]+) s")


def timed(cmd, env):
    began = time.perf_counter()
    out = subprocess.run(cmd, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - began
    if out.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({out.returncode}):\n{out.stdout}\n{out.stderr}")
    return wall, out.stdout + out.stderr


def activebench(args, config, out, env):
    shutil.rmtree(out, ignore_errors=True)
    wall, text = timed(["taskset", "-c", "0", args.activebench, "run", config, "--out", out, "--threads", "1",
                        "--no-progress"], env)
    m = TIME_LINE.search(text)
    if not m:
        sys.exit("no time line in ActiveBench's output:\n" + text)
    fit, predict, query, loop, ref, setup, run, report = map(float, m.groups())
    return {"load + setup": setup, "fit": fit, "predict": predict, "query": query + loop, "reference": ref,
            "report": report, "start, exit, rest": wall - run - report - 0, "whole process": wall,
            "_check": run - setup - fit - predict - query - loop - ref}


def sklearn(args, pool, env):
    wall, text = timed(["taskset", "-c", "0", "/usr/bin/python3", os.path.join(HERE, "sklearn_loop.py"), pool,
                        "--initial", str(args.initial), "--batch", str(args.batch), "--rounds", str(args.rounds)], env)
    t = json.loads(text.strip().splitlines()[-1])
    phases = {"load + setup": t["load"] + t["setup"], "fit": t["fit"], "predict": t["predict"], "query": t["query"],
              "reference": t["reference"], "report": 0.0}
    phases["start, exit, rest"] = wall - sum(phases.values())
    phases["whole process"] = wall
    return phases


def main():
    p = argparse.ArgumentParser()
    p.add_argument("n", type=int)
    p.add_argument("d", type=int)
    p.add_argument("--reps", type=int, default=5)
    p.add_argument("--initial", type=int, default=100)
    p.add_argument("--batch", type=int, default=100)
    p.add_argument("--rounds", type=int, default=10)
    p.add_argument("--work", default="/tmp/activebench-loop")
    p.add_argument("--activebench", default=os.path.join(HERE, "..", "..", "activebench"))
    p.add_argument("--extra", default="", help="more config keys, e.g. ', \"reference\": false'")
    p.add_argument("--pool", help="an existing numeric CSV (label last) instead of generated blobs; N and D are ignored")
    args = p.parse_args()
    os.makedirs(args.work, exist_ok=True)
    pool = os.path.abspath(args.pool) if args.pool else os.path.join(args.work, f"blobs-{args.n}x{args.d}.csv")
    if not os.path.exists(pool):
        subprocess.run(["/usr/bin/python3", os.path.join(HERE, "make_pool.py"), str(args.n), str(args.d), pool],
                       check=True)
    config = os.path.join(args.work, f"loop-{args.n}x{args.d}.json")
    with open(config, "w") as f:
        f.write(CONFIG.format(pool=pool, initial=args.initial, batch=args.batch, rounds=args.rounds, extra=args.extra))
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    out = os.path.join(args.work, "results")
    runs = {"ActiveBench": [], "numpy/scikit-learn": []}
    for rep in range(args.reps):  # interleaved, alternating which goes first
        order = ["ActiveBench", "numpy/scikit-learn"] if rep % 2 == 0 else ["numpy/scikit-learn", "ActiveBench"]
        for side in order:
            runs[side].append(activebench(args, config, out, env) if side == "ActiveBench" else sklearn(args, pool, env))
    cpu = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
    model = re.search(r"Model name:\s*(.*)", cpu).group(1)
    flags = "AVX-512" if "avx512f" in cpu else "AVX2" if "avx2" in cpu else "no AVX2"
    print(f"{os.path.basename(pool) if args.pool else f'{args.n:g} x {args.d}, 10 classes'}, margin, {args.initial} initial, {args.rounds} rounds of {args.batch}; "
          f"{model}, {flags}; load average {os.getloadavg()[0]:.2f}; median of {args.reps} interleaved pairs, "
          f"one core each (taskset -c 0)\n")
    print("| phase | ActiveBench s | numpy/scikit-learn s | ratio (sklearn / ActiveBench) |")
    print("|---|---:|---:|---:|")
    for phase in ["load + setup", "fit", "predict", "query", "reference", "report", "start, exit, rest",
                  "whole process"]:
        a = statistics.median(r[phase] for r in runs["ActiveBench"])
        s = statistics.median(r[phase] for r in runs["numpy/scikit-learn"])
        ratio = f"{s / a:.2f}" if a > 0.005 else "n/a"
        bold = "**" if phase == "whole process" else ""
        print(f"| {bold}{phase}{bold} | {a:.3f} | {s:.3f} | {bold}{ratio}{bold} |")


if __name__ == "__main__":
    main()
