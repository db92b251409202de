#!/usr/bin/env python3
"""The loop benchmark's reference side: the same protocol as benchmarks/loop/config.json, in plain numpy and
scikit-learn, one thread. Prints one JSON line of phase times in seconds (process start to exit included).

    OMP_NUM_THREADS=1 sklearn_loop.py POOL.csv [--initial 100] [--batch 100] [--rounds 10] [--seed 1]

Protocol: stratified 70/30 split, z-scoring fitted on the pool, 100 random initial rows, LogisticRegression(C=1),
margin (difference of the two largest probabilities, by np.partition) over the unlabelled rows, the 100 smallest
picked each round, accuracy on the test set after every fit, and one fit on the whole pool (the reference).
"""
import argparse
import json
import time

START = time.perf_counter()

import numpy as np  # noqa: E402  (imports are part of the process's start-up, timed as such)
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.model_selection import train_test_split  # noqa: E402


def main():
    p = argparse.ArgumentParser()
    p.add_argument("pool")
    p.add_argument("--initial", type=int, default=100)
    p.add_argument("--batch", type=int, default=100)
    p.add_argument("--rounds", type=int, default=10)
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args()
    t = {"start": time.perf_counter() - START}

    began = time.perf_counter()
    with open(a.pool) as f:
        header = f.readline().rstrip("\n").split(",")
    data = np.loadtxt(a.pool, delimiter=",", skiprows=1, usecols=range(len(header) - 1), dtype=np.float32)
    labels = np.loadtxt(a.pool, delimiter=",", skiprows=1, usecols=[len(header) - 1], dtype=str)
    classes, y = np.unique(labels, return_inverse=True)
    t["load"] = time.perf_counter() - began

    began = time.perf_counter()
    pool, test = train_test_split(np.arange(len(y)), test_size=0.3, stratify=y, random_state=a.seed)
    mean, std = data[pool].mean(axis=0), data[pool].std(axis=0)
    std[std == 0] = 1
    x = (data - mean) / std
    rng = np.random.default_rng(a.seed)
    labelled = rng.choice(pool, size=a.initial, replace=False)
    unlabelled = np.setdiff1d(pool, labelled)
    t["setup"] = time.perf_counter() - began

    fit = predict = query = 0.0
    accuracy = []
    for r in range(a.rounds + 1):
        began = time.perf_counter()
        model = LogisticRegression(C=1.0, max_iter=1000).fit(x[labelled], y[labelled])
        fit += time.perf_counter() - began
        began = time.perf_counter()
        accuracy.append(float((model.predict(x[test]) == y[test]).mean()))
        if r == a.rounds:
            predict += time.perf_counter() - began
            break
        proba = model.predict_proba(x[unlabelled])
        predict += time.perf_counter() - began
        began = time.perf_counter()
        top2 = np.partition(proba, -2, axis=1)[:, -2:]
        margin = top2[:, 1] - top2[:, 0]
        picked = np.argpartition(margin, a.batch)[:a.batch]
        labelled = np.concatenate([labelled, unlabelled[picked]])
        unlabelled = np.delete(unlabelled, picked)
        query += time.perf_counter() - began
    t.update(fit=fit, predict=predict, query=query)

    began = time.perf_counter()
    reference = LogisticRegression(C=1.0, max_iter=1000).fit(x[pool], y[pool])
    t["reference"] = time.perf_counter() - began
    t["referenceAccuracy"] = float((reference.predict(x[test]) == y[test]).mean())
    t["finalAccuracy"] = accuracy[-1]
    t["total"] = time.perf_counter() - START
    print(json.dumps(t))


if __name__ == "__main__":
    main()
