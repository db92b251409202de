package org.activebench.strategies;

import java.util.Set;
import org.activebench.core.spi.Capability;
import org.activebench.core.spi.Parameters;

/**
 * Student-teacher disagreement: KL(teacher || student) per pool row, largest first: the rows where the large
 * model's belief is least explained by the learner's. The student's probabilities are floored at 1e-6 (and
 * renormalised) so that a class the learner has not seen yet gives a large, finite divergence; 0·log 0 = 0. Computed
 * in double from the two probability arrays, so the picks do not depend on the backend.
 */
final class StudentTeacherDisagreement implements QueryStrategy {
    static final double FLOOR = 1e-6;

    @Override
    public int[] select(QueryContext context, int batch) {
        int n = context.unlabelled().length;
        int k = context.k();
        float[] teacher = context.teacherProbabilities();
        float[] student = context.probabilities();
        float[] scores = new float[n];
        for (int i = 0; i < n; i++) {
            scores[i] = (float) divergence(teacher, student, i * k, k);
        }
        return context.rowsAt(Selection.top(context.kernels(), scores, n, batch, true, Selection.exact(scores),
                context.tieBreak(0)));
    }

    /** KL(t || s) over one row, in nats, with s floored at {@link #FLOOR} and renormalised. */
    static double divergence(float[] t, float[] s, int offset, int k) {
        double mass = 0;
        for (int c = 0; c < k; c++) {
            mass += Math.max(s[offset + c], FLOOR);
        }
        double kl = 0;
        for (int c = 0; c < k; c++) {
            double tc = t[offset + c];
            if (tc > 0) {
                kl += tc * Math.log(tc * mass / Math.max(s[offset + c], FLOOR));
            }
        }
        return Math.max(0, kl);
    }

    /** Declares {@code student_teacher_kl}. */
    public static final class Provider implements StrategyProvider {
        @Override
        public String name() {
            return "student_teacher_kl";
        }

        @Override
        public String description() {
            return "largest KL(teacher || model), the model floored at 1e-6";
        }

        @Override
        public Set<Capability> capabilities(Parameters p) {
            return Set.of(Capability.NEEDS_TEACHER);
        }

        @Override
        public QueryStrategy create(Parameters p) {
            return new StudentTeacherDisagreement();
        }
    }
}
