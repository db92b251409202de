package org.activebench.core.learn;

import static org.activebench.core.learn.LinearKernels.axpy;
import static org.activebench.core.learn.LinearKernels.dot;

import java.util.Arrays;

/**
 * Truncated (inexact) Newton with conjugate gradients and a backtracking line search, for smooth strictly convex
 * objectives with an exact Hessian-vector product (Nocedal and Wright, algorithm 7.1; the method of LIBLINEAR's
 * logistic regression without its trust region). Each outer step solves H s = -∇f by preconditioned CG to a
 * relative residual of min(0.1, max(1e-2, ||∇f||)), so convergence is quadratic until each step gains two digits.
 * <p>
 * Stopping means what it says: once a full Newton step moves no fitted row's output (a probability) by more than
 * the tolerance, to first order ({@link Objective#outputChange}), that step is taken and the search stops; the
 * Newton step is the estimate of the remaining distance to the optimum, and after it the error is of the order of
 * its square. Near the optimum f cannot see the decrease of a step (below 1e-10 relative, the rounding of a sum
 * of many losses); a full step is then accepted when it lowers ||∇f||. A step that neither lowers f beyond its
 * rounding nor ||∇f|| by a tenth means rounding has stopped progress: the search stops there, as close as double
 * precision allows (converged if that last proposed step was within the tolerance).
 */
final class NewtonCg {
    private static final double ARMIJO = 1e-4;
    /** Relative decreases of f below this are left to the gradient norm to judge. */
    private static final double HIDDEN = 1e-10;
    private static final double MAX_FORCING = 0.1;
    /**
     * CG stops at this relative residual at the latest: each Newton step then still gains two digits or more, and
     * the model after the last step is within about 1e-2 · tolerance of the optimum; tighter solves cost more
     * products than the Newton steps they save (measured on digits: 1e-4 doubles the products of a warm fit).
     */
    private static final double MIN_FORCING = 1e-2;
    /** The preconditioner is rebuilt after a step that moved some output by more than this; below, H barely changes. */
    private static final double REFRESH = 0.2;

    /** A twice differentiable objective. */
    interface Objective {
        /** f(w), writing ∇f(w); also fixes the point at which the other methods are taken. */
        double evaluate(double[] w, double[] gradient);

        /** out = ∇²f(w) v at the point of the last {@link #evaluate}. */
        void hessianTimes(double[] v, double[] out);

        /** The largest first-order change of a fitted output along {@code step}: what the tolerance bounds. */
        double outputChange(double[] step);

        /** Rebuilds the preconditioner at the point of the last {@link #evaluate}. */
        void refreshPreconditioner();

        /** Whether a preconditioner is in place already (one handed over by a warm start). */
        boolean preconditioned();

        /** z = M⁻¹ r for the symmetric positive definite M of the last refresh, close to the Hessian. */
        void precondition(double[] r, double[] z);
    }

    /**
     * @param iterations Newton steps taken
     * @param products   Hessian-vector products, the CG work (each costs about one gradient)
     * @param lastChange the output change of the last step
     */
    record Result(double[] w, double value, double gradientNorm, double lastChange, int iterations, int products,
                  boolean converged) {
    }

    private NewtonCg() {
    }

    /** Minimises from {@code start} (not modified) until a full step changes no output by more than {@code tolerance}. */
    static Result minimize(Objective f, double[] start, double tolerance, int maxIterations) {
        int p = start.length;
        double[] w = start.clone();
        double[] g = new double[p];
        double value = f.evaluate(w, g);
        double norm = Math.sqrt(dot(g, g));
        double[] step = new double[p];
        double[] next = new double[p];
        double[] nextGradient = new double[p];
        Cg cg = new Cg(p);
        int products = 0;
        double change = Double.POSITIVE_INFINITY;
        boolean refresh = !f.preconditioned();
        for (int iteration = 1; iteration <= maxIterations && norm > 0; iteration++) {
            if (refresh) {
                f.refreshPreconditioner();
            }
            products += cg.solve(f, g, norm, Math.min(MAX_FORCING, Math.max(MIN_FORCING, norm)), step);
            change = f.outputChange(step);
            refresh = change > REFRESH;
            double slope = dot(g, step);
            double t = 1;
            double nextValue;
            double nextNorm;
            while (true) {
                for (int i = 0; i < p; i++) {
                    next[i] = w[i] + t * step[i];
                }
                nextValue = f.evaluate(next, nextGradient);
                nextNorm = Math.sqrt(dot(nextGradient, nextGradient));
                // a sum of n losses is accurate to ~n ulps at best: below this, f cannot tell a decrease from noise
                boolean hidden = -t * slope <= HIDDEN * Math.max(1, Math.abs(value));
                if (nextValue <= value + ARMIJO * t * slope || hidden && nextNorm < norm || t < 1e-10) {
                    break;
                }
                t *= 0.5;
            }
            if (!(nextValue < value - 4 * Math.ulp(value) || nextNorm <= 0.9 * norm)) {
                f.evaluate(w, g); // no progress: rounding has the last word; w stays, and so does the evaluation point
                return new Result(w, value, norm, change, iteration, products, change <= tolerance);
            }
            System.arraycopy(next, 0, w, 0, p);
            System.arraycopy(nextGradient, 0, g, 0, p);
            value = nextValue;
            norm = nextNorm;
            if (t == 1 && change <= tolerance) {
                return new Result(w, value, norm, change, iteration, products, true);
            }
        }
        return new Result(w, value, norm, change, maxIterations, products, false);
    }

    /** Preconditioned conjugate gradients on H s = -g, with its work vectors. */
    private static final class Cg {
        private final double[] r;
        private final double[] z;
        private final double[] d;
        private final double[] hd;

        Cg(int p) {
            r = new double[p];
            z = new double[p];
            d = new double[p];
            hd = new double[p];
        }

        /** Solves to ||H s + g|| <= forcing · ||g||; returns the Hessian-vector products spent. */
        int solve(Objective f, double[] g, double gNorm, double forcing, double[] s) {
            int p = g.length;
            Arrays.fill(s, 0);
            for (int i = 0; i < p; i++) {
                r[i] = -g[i];
            }
            f.precondition(r, z);
            System.arraycopy(z, 0, d, 0, p);
            double rz = dot(r, z);
            double target = forcing * gNorm;
            int products = 0;
            while (products < 2 * p) { // in exact arithmetic CG ends within p products
                f.hessianTimes(d, hd);
                products++;
                double curvature = dot(d, hd);
                if (!(curvature > 0)) {
                    break; // rounding on a flat direction: the step so far is a descent direction
                }
                double alpha = rz / curvature;
                axpy(alpha, d, s);
                axpy(-alpha, hd, r);
                if (Math.sqrt(dot(r, r)) <= target) {
                    break;
                }
                f.precondition(r, z);
                double next = dot(r, z);
                double beta = next / rz;
                rz = next;
                for (int i = 0; i < p; i++) {
                    d[i] = z[i] + beta * d[i];
                }
            }
            if (dot(s, s) == 0) { // no curvature seen: steepest descent
                for (int i = 0; i < p; i++) {
                    s[i] = -g[i];
                }
            }
            return products;
        }
    }
}
