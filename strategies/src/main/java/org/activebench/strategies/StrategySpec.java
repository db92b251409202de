package org.activebench.strategies;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * A strategy as written in a config: either a bare name ({@code "margin"}) or an object with parameters
 * ({@code {"name": "qbc", "committee": 5, "disagreement": "kl_mean"}}).
 *
 * @param committee    QBC only: number of members (default 5)
 * @param disagreement QBC only: vote_entropy (default), kl_mean or kl_max
 */
public record StrategySpec(String name, Integer committee, String disagreement) {

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public StrategySpec {
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static StrategySpec of(String name) {
        return new StrategySpec(name, null, null);
    }
}
