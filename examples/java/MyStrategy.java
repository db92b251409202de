// A single-file program: your strategy as a lambda, next to margin and random on a bundled data set.
//   java --add-modules jdk.incubator.vector -cp "cli/target/activebench.jar:cli/target/lib/*" examples/java/MyStrategy.java [OUT]
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.activebench.experiment.Experiment;
import org.activebench.experiment.Study;
import org.activebench.experiment.TrialResult;
import org.activebench.strategies.QueryStrategy;

public class MyStrategy {
    public static void main(String[] args) throws Exception {
        // smallest margin p1 - p2, but only among rows whose top class is not the labelled set's majority
        QueryStrategy minorityMargin = (context, batch) -> {
            int k = context.k();
            int[] seen = new int[k];
            for (int label : context.labels()) {
                seen[label]++;
            }
            int majority = 0;
            for (int c = 1; c < k; c++) {
                majority = seen[c] > seen[majority] ? c : majority;
            }
            float[] p = context.probabilities();
            double[] scores = new double[context.unlabelled().length];
            for (int i = 0; i < scores.length; i++) {
                int top = 0;
                for (int c = 1; c < k; c++) {
                    top = p[i * k + c] > p[i * k + top] ? c : top;
                }
                double second = 0;
                for (int c = 0; c < k; c++) {
                    second = c != top ? Math.max(second, p[i * k + c]) : second;
                }
                scores[i] = (top == majority ? -1 : 0) - (p[i * k + top] - second);
            }
            return context.top(scores, batch);
        };
        Path out = Path.of(args.length > 0 ? args[0] : "results/my-strategy");
        Experiment.Result result = Study.named("my-strategy").dataset("wine").learner("logistic")
                .strategies("random", "margin").strategy("minority_margin", minorityMargin)
                .seeds(1, 2, 3).initial(6).batch(3).rounds(10).run(out);
        Map<String, Double> aubc = new TreeMap<>();
        for (TrialResult r : result.results()) {
            aubc.merge(r.strategy(), r.aubc().get("accuracy").trapezoid() / 3, Double::sum);
        }
        aubc.forEach((strategy, mean) -> System.out.printf("%-16s mean AUBC %.4f%n", strategy, mean));
        System.out.println(result.trials() + " trials in " + out);
    }
}
