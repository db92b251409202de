package org.activebench.strategies;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.activebench.core.ActiveBenchException;

/** Creates strategies from their config specs. */
public final class Strategies {
    public static final List<String> NAMES = List.of("random", "least_confidence", "entropy", "margin", "qbc",
            "k_center", "badge", "density_entropy", "class_balanced_entropy", "teacher_entropy", "student_teacher_kl",
            OracleSkyline.NAME);

    private Strategies() {
    }

    /** Whether results under this strategy name come from a skyline (an upper bound that reads true labels). */
    public static boolean isSkyline(String strategyName) {
        return OracleSkyline.NAME.equals(strategyName);
    }

    /** @param key config path of the spec, for error messages */
    public static QueryStrategy create(StrategySpec spec, String key) {
        if (spec.name() == null) {
            throw new ActiveBenchException(key + ".name: required (valid: " + String.join(", ", NAMES) + ")");
        }
        only(spec.committee() != null || spec.disagreement() != null || spec.teacher() != null, "qbc",
                "\"committee\", \"disagreement\" and \"teacher\"", spec, key);
        only(spec.beta() != null, "density_entropy", "\"beta\"", spec, key);
        only(spec.skyline() != null, OracleSkyline.NAME, "\"skyline\"", spec, key);
        return switch (spec.name()) {
            case "random" -> new RandomSampling();
            case "least_confidence" -> new UncertaintySampling(UncertaintySampling.Measure.LEAST_CONFIDENCE, false);
            case "entropy" -> new UncertaintySampling(UncertaintySampling.Measure.ENTROPY, false);
            case "margin" -> new UncertaintySampling(UncertaintySampling.Measure.MARGIN, false);
            case "teacher_entropy" -> new UncertaintySampling(UncertaintySampling.Measure.ENTROPY, true);
            case "student_teacher_kl" -> new StudentTeacherDisagreement();
            case "k_center" -> new KCenterGreedy();
            case "badge" -> new Badge();
            case "class_balanced_entropy" -> new ClassBalanced();
            case "density_entropy" -> {
                double beta = spec.beta() == null ? 1 : spec.beta();
                if (!(beta > 0 && beta <= 100)) {
                    throw new ActiveBenchException(key + ".beta: " + beta + " outside (0, 100]");
                }
                yield new DensityWeighted(beta);
            }
            case OracleSkyline.NAME -> {
                if (!Boolean.TRUE.equals(spec.skyline())) {
                    throw new ActiveBenchException(key + ": " + OracleSkyline.NAME + " reads the pool's true labels, an upper"
                            + " bound no real strategy can reach; select it explicitly with {\"name\": \""
                            + OracleSkyline.NAME + "\", \"skyline\": true}");
                }
                yield new OracleSkyline();
            }
            case "qbc" -> {
                int members = spec.committee() == null ? 5 : spec.committee();
                if (members < 2 || members > 1000) {
                    throw new ActiveBenchException(key + ".committee: " + members + " outside [2, 1000]");
                }
                yield new QueryByCommittee(members, disagreement(spec.disagreement(), key), Boolean.TRUE.equals(spec.teacher()));
            }
            default -> throw new ActiveBenchException(key + ": unknown strategy '" + spec.name() + "' (valid: "
                    + String.join(", ", NAMES) + ")");
        };
    }

    /** Whether the strategy reads the teacher's predictions (its data sets must have them). */
    public static boolean needsTeacher(StrategySpec spec) {
        return List.of("teacher_entropy", "student_teacher_kl").contains(spec.name())
                || ("qbc".equals(spec.name()) && Boolean.TRUE.equals(spec.teacher()));
    }

    private static void only(boolean given, String owner, String what, StrategySpec spec, String key) {
        if (given && !owner.equals(spec.name())) {
            throw new ActiveBenchException(key + ": " + what + " only go with " + owner);
        }
    }

    private static QueryByCommittee.Disagreement disagreement(String text, String key) {
        if (text == null) {
            return QueryByCommittee.Disagreement.VOTE_ENTROPY;
        }
        for (QueryByCommittee.Disagreement d : QueryByCommittee.Disagreement.values()) {
            if (d.key().equals(text)) {
                return d;
            }
        }
        throw new ActiveBenchException(key + ".disagreement: unknown measure '" + text + "' (valid: "
                + Arrays.stream(QueryByCommittee.Disagreement.values()).map(QueryByCommittee.Disagreement::key)
                        .collect(Collectors.joining(", ")) + ")");
    }
}
