#!/usr/bin/env python3
"""Synthetic pools for the whole-process loop benchmark: Gaussian blobs, seeded, written as numeric CSV.

    make_pool.py N D OUT.csv [--classes 10] [--seed 1]

Each class centre is drawn from N(0, s^2 I) in D dimensions with s = 2.5 / sqrt(D), each row is its centre plus
N(0, I) noise: two centres are about 3.5 apart whatever D, so the classes overlap (the full-pool accuracy is about
0.75) and active learning has something to do. The label is the last column, named "label", values c0, c1, ...
"""
import argparse

import numpy as np


def main():
    p = argparse.ArgumentParser()
    p.add_argument("n", type=int)
    p.add_argument("d", type=int)
    p.add_argument("out")
    p.add_argument("--classes", type=int, default=10)
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args()
    rng = np.random.default_rng(a.seed)
    centres = rng.normal(0.0, 2.5 / np.sqrt(a.d), size=(a.classes, a.d))
    y = rng.integers(0, a.classes, size=a.n)
    x = (centres[y] + rng.normal(size=(a.n, a.d))).astype(np.float32)
    with open(a.out, "w") as f:
        f.write(",".join(f"f{j}" for j in range(a.d)) + ",label\n")
        for start in range(0, a.n, 65536):
            block = x[start:start + 65536]
            labels = y[start:start + 65536]
            f.write("".join(",".join(f"{v:.6g}" for v in row) + f",c{c}\n" for row, c in zip(block.tolist(), labels)))


if __name__ == "__main__":
    main()
