package org.example;

import java.util.Map;
import org.activebench.experiment.Catalog;
import org.activebench.experiment.StrategyContract;
import org.junit.jupiter.api.Test;

/**
 * The contract ActiveBench holds every strategy to (batch distinct unlabelled rows, the same for the same seed on
 * every kernel backend, binary and multiclass data from one label per class), run against this plugin's strategy.
 */
class StrategyContractTest {
    @Test
    void marginDensityKeepsTheStrategyContract() {
        StrategyContract.check(Catalog.builtIn(), "margin_density", Map.of());
        StrategyContract.check(Catalog.builtIn(), "margin_density", Map.of("beta", 0.0));
    }
}
