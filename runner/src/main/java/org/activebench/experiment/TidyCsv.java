package org.activebench.experiment;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The long-format table of every learning curve: one line per trial, round and metric; in studies that name their
 * annotators also a routing column and the ledger's cost, label error rate, abstentions, labels and cost by annotator
 * ({@code labels_by[NAME]}, {@code cost_by[NAME]}).
 */
final class TidyCsv {
    private TidyCsv() {
    }

    static byte[] of(List<TrialResult> results) {
        boolean routed = results.stream().anyMatch(r -> r.routing() != null);
        boolean levered = results.stream().anyMatch(r -> r.levers() != null);
        StringBuilder out = new StringBuilder("dataset,learner," + (routed ? "routing," : "") + (levered ? "levers," : "")
                + "strategy,seed,round,labelled,metric,value\n");
        for (TrialResult r : results) {
            String prefix = quote(r.dataset()) + "," + quote(r.learner()) + "," + (routed ? quote(r.routing()) + "," : "")
                    + (levered ? quote(r.levers()) + "," : "") + quote(r.strategy()) + "," + r.seed() + ",";
            for (TrialResult.Round round : r.rounds()) {
                String at = prefix + round.round() + "," + round.labelled() + ",";
                for (Map.Entry<String, Double> m : round.metrics().entrySet()) {
                    out.append(at).append(m.getKey()).append(',').append(m.getValue()).append('\n');
                }
                TrialResult.Ledger ledger = round.ledger();
                if (ledger != null) { // annotated studies only, after the metrics: what labelling cost and how wrong
                    out.append(at).append("cost,").append(ledger.cost()).append('\n');
                    out.append(at).append("label_error_rate,").append(ledger.errorRate()).append('\n');
                    out.append(at).append("abstained,").append((double) ledger.abstained()).append('\n');
                    ledger.labelsBy().forEach((annotator, count) -> out.append(at).append(quote("labels_by[" + annotator + "]"))
                            .append(',').append((double) count).append('\n'));
                    ledger.costBy().forEach((annotator, cost) -> out.append(at).append(quote("cost_by[" + annotator + "]"))
                            .append(',').append(cost).append('\n'));
                }
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String quote(String field) {
        return field.matches("[^,\"\\r\\n]*") ? field : "\"" + field.replace("\"", "\"\"") + "\"";
    }
}
