package org.activebench.core.learn;

import static org.activebench.core.learn.LinearKernels.axpy;
import static org.activebench.core.learn.LinearKernels.dot;

/**
 * Limited-memory BFGS (Nocedal and Wright, algorithms 7.4 and 7.5) with a backtracking line search on the Armijo
 * condition, for smooth convex objectives. Memory m = 10; a pair whose curvature s·y is not positive is skipped.
 * Near the optimum of an ill-conditioned objective the decrease per step falls to the rounding of f itself: after
 * {@link #STALL} steps in a row that neither lower f beyond its rounding nor bring the gradient norm below the best
 * so far, the search stops there, not converged but as close as double precision allows (measured on digits: with
 * a tolerance of 1e-8·n some fits end 1-3x above it, instead of running out of iterations).
 */
final class Lbfgs {
    private static final int MEMORY = 10;
    private static final int STALL = 2 * MEMORY;

    /** A smooth objective: returns f(w) and writes its gradient. */
    interface Objective {
        double evaluate(double[] w, double[] gradient);
    }

    /** The minimiser found, its value and gradient norm, and whether the norm reached the tolerance. */
    record Result(double[] w, double value, double gradientNorm, int iterations, boolean converged) {
    }

    private Lbfgs() {
    }

    /** Minimises from {@code start} (not modified) until ||gradient||₂ <= tolerance or maxIterations. */
    static Result minimize(Objective f, double[] start, double tolerance, int maxIterations) {
        int p = start.length;
        double[] w = start.clone();
        double[] g = new double[p];
        double value = f.evaluate(w, g);
        double[][] s = new double[MEMORY][p];
        double[][] y = new double[MEMORY][p];
        double[] rho = new double[MEMORY];
        double[] alpha = new double[MEMORY];
        double[] direction = new double[p];
        double[] next = new double[p];
        double[] nextGradient = new double[p];
        double[] sNew = new double[p];
        double[] yNew = new double[p];
        int stored = 0;
        int newest = -1;
        int iteration = 0;
        int stalled = 0;
        double norm = norm(g);
        double bestNorm = norm;
        while (norm > tolerance && iteration < maxIterations) {
            // two-loop recursion: direction = -H g
            System.arraycopy(g, 0, direction, 0, p);
            for (int j = 0; j < stored; j++) {
                int slot = Math.floorMod(newest - j, MEMORY);
                alpha[slot] = rho[slot] * dot(s[slot], direction);
                axpy(-alpha[slot], y[slot], direction);
            }
            double scale = stored == 0 ? 1 / norm : dot(s[newest], y[newest]) / dot(y[newest], y[newest]);
            for (int i = 0; i < p; i++) {
                direction[i] *= scale;
            }
            for (int j = stored - 1; j >= 0; j--) {
                int slot = Math.floorMod(newest - j, MEMORY);
                double beta = rho[slot] * dot(y[slot], direction);
                axpy(alpha[slot] - beta, s[slot], direction);
            }
            for (int i = 0; i < p; i++) {
                direction[i] = -direction[i];
            }
            double slope = dot(g, direction);
            if (slope >= 0) { // not a descent direction (rounding): restart from steepest descent
                stored = 0;
                for (int i = 0; i < p; i++) {
                    direction[i] = -g[i] / norm;
                }
                slope = -norm;
            }
            double step = 1;
            double nextValue;
            while (true) {
                for (int i = 0; i < p; i++) {
                    next[i] = w[i] + step * direction[i];
                }
                nextValue = f.evaluate(next, nextGradient);
                if (nextValue <= value + 1e-4 * step * slope || step < 1e-20) {
                    break;
                }
                step *= 0.5;
            }
            if (step < 1e-20) {
                break; // no decrease representable in double: as close as this precision allows
            }
            for (int i = 0; i < p; i++) {
                sNew[i] = next[i] - w[i];
                yNew[i] = nextGradient[i] - g[i];
            }
            double curvature = dot(sNew, yNew);
            if (curvature > 0) { // keep the pair, replacing the oldest
                newest = (newest + 1) % MEMORY;
                double[] swap = s[newest];
                s[newest] = sNew;
                sNew = swap;
                swap = y[newest];
                y[newest] = yNew;
                yNew = swap;
                rho[newest] = 1 / curvature;
                stored = Math.min(stored + 1, MEMORY);
            }
            System.arraycopy(next, 0, w, 0, p);
            System.arraycopy(nextGradient, 0, g, 0, p);
            norm = norm(g);
            stalled = value - nextValue <= 4 * Math.ulp(value) && norm >= bestNorm ? stalled + 1 : 0;
            bestNorm = Math.min(bestNorm, norm);
            value = nextValue;
            iteration++;
            if (stalled == STALL) {
                break;
            }
        }
        return new Result(w, value, norm, iteration, norm <= tolerance);
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }
}
