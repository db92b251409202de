package org.activebench.experiment;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The long-format table of every learning curve: one line per trial, round and metric. */
final class TidyCsv {
    private TidyCsv() {
    }

    static byte[] of(List<TrialResult> results) {
        StringBuilder out = new StringBuilder("dataset,learner,strategy,seed,round,labelled,metric,value\n");
        for (TrialResult r : results) {
            String prefix = quote(r.dataset()) + "," + quote(r.learner()) + "," + quote(r.strategy()) + "," + r.seed() + ",";
            for (TrialResult.Round round : r.rounds()) {
                for (Map.Entry<String, Double> m : round.metrics().entrySet()) {
                    out.append(prefix).append(round.round()).append(',').append(round.labelled()).append(',')
                            .append(m.getKey()).append(',').append(m.getValue()).append('\n');
                }
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String quote(String field) {
        return field.matches("[^,\"\\r\\n]*") ? field : "\"" + field.replace("\"", "\"\"") + "\"";
    }
}
