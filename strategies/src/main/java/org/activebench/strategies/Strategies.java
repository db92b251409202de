package org.activebench.strategies;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.activebench.core.ActiveBenchException;

/** Creates strategies from their config specs. */
public final class Strategies {
    public static final List<String> NAMES = List.of("random", "least_confidence", "entropy", "margin", "qbc");

    private Strategies() {
    }

    /** @param key config path of the spec, for error messages */
    public static QueryStrategy create(StrategySpec spec, String key) {
        if (spec.name() == null) {
            throw new ActiveBenchException(key + ".name: required (valid: " + String.join(", ", NAMES) + ")");
        }
        if (!spec.name().equals("qbc") && (spec.committee() != null || spec.disagreement() != null)) {
            throw new ActiveBenchException(key + ": \"committee\" and \"disagreement\" apply to qbc only");
        }
        return switch (spec.name()) {
            case "random" -> new RandomSampling();
            case "least_confidence" -> new UncertaintySampling(UncertaintySampling.Measure.LEAST_CONFIDENCE);
            case "entropy" -> new UncertaintySampling(UncertaintySampling.Measure.ENTROPY);
            case "margin" -> new UncertaintySampling(UncertaintySampling.Measure.MARGIN);
            case "qbc" -> {
                int members = spec.committee() == null ? 5 : spec.committee();
                if (members < 2 || members > 1000) {
                    throw new ActiveBenchException(key + ".committee: " + members + " outside [2, 1000]");
                }
                yield new QueryByCommittee(members, disagreement(spec.disagreement(), key));
            }
            default -> throw new ActiveBenchException(key + ": unknown strategy '" + spec.name() + "' (valid: "
                    + String.join(", ", NAMES) + ")");
        };
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
