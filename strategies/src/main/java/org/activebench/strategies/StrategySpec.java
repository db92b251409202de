package org.activebench.strategies;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * A strategy as written in a config: either a bare name ({@code "margin"}) or an object with parameters
 * ({@code {"name": "qbc", "committee": 5, "disagreement": "kl_mean", "teacher": true}}).
 *
 * @param committee    qbc only: number of members (default 5)
 * @param disagreement qbc only: vote_entropy (default), kl_mean or kl_max
 * @param teacher      qbc only: the teacher's predictions join the committee (default false)
 * @param beta         density_entropy only: exponent of the density (default 1)
 * @param skyline      oracle_skyline only: must be true, to say that this upper bound reads the true labels
 */
public record StrategySpec(String name, Integer committee, String disagreement, Boolean teacher, Double beta,
                           Boolean skyline) {

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public StrategySpec {
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static StrategySpec of(String name) {
        return new StrategySpec(name, null, null, null, null, null);
    }
}
