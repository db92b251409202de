package org.activebench.core.stop;

import java.util.List;
import org.activebench.core.metrics.Metric;
import org.activebench.core.spi.ParamSpec;
import org.activebench.core.spi.Parameters;

/** Stops once the test accuracy reaches a target: a simulation's yardstick (it reads the held-out labels). */
public final class TargetAccuracy implements StoppingProvider {
    static final ParamSpec<Double> ACCURACY = ParamSpec.realAbove("accuracy", 0.95, 0, 1,
            "stop once test accuracy >= this");

    @Override
    public String name() {
        return "target_accuracy";
    }

    @Override
    public String description() {
        return "stop once the test accuracy reaches a target (reads the held-out labels: a simulation's yardstick)";
    }

    @Override
    public List<ParamSpec<?>> params() {
        return List.of(ACCURACY);
    }

    @Override
    public StoppingCriterion create(Parameters p) {
        double target = p.get(ACCURACY);
        return context -> context.metrics().getLast().get(Metric.ACCURACY.key()) >= target;
    }
}
