package org.activebench.experiment;

import java.util.List;
import org.activebench.core.annotate.Annotator;
import org.activebench.core.annotate.AnnotatorProvider;
import org.activebench.core.annotate.Routing;
import org.activebench.core.annotate.RoutingProvider;
import org.activebench.core.learn.Learner;
import org.activebench.core.learn.LearnerProvider;
import org.activebench.core.spi.Provider;
import org.activebench.core.stop.StoppingCriterion;
import org.activebench.core.stop.StoppingProvider;
import org.activebench.core.train.Augmenter;
import org.activebench.core.train.AugmenterProvider;
import org.activebench.core.train.Weighting;
import org.activebench.core.train.WeightingProvider;
import org.activebench.strategies.QueryStrategy;
import org.activebench.strategies.StrategyProvider;

/**
 * A kind of component a study names: its word in {@code activebench list} and the README's tables, its word in
 * messages, and the provider interface that built-ins and plugins register under in {@code META-INF/services}. A new
 * kind is one constant here and one provider interface; the catalogue, plugin loading, {@code list} and the README
 * check go over {@link #ALL}.
 *
 * @param <T> the component type
 */
public record ComponentKind<T>(String plural, String singular, Class<? extends Provider<T>> service) {
    public static final ComponentKind<QueryStrategy> STRATEGIES =
            new ComponentKind<>("strategies", "strategy", StrategyProvider.class);
    public static final ComponentKind<Learner> LEARNERS = new ComponentKind<>("learners", "learner", LearnerProvider.class);
    public static final ComponentKind<StoppingCriterion> STOPPING =
            new ComponentKind<>("stopping", "stopping criterion", StoppingProvider.class);
    public static final ComponentKind<Annotator> ANNOTATORS =
            new ComponentKind<>("annotators", "annotator", AnnotatorProvider.class);
    public static final ComponentKind<Routing> ROUTING = new ComponentKind<>("routing", "routing policy", RoutingProvider.class);
    public static final ComponentKind<Weighting> WEIGHTING =
            new ComponentKind<>("weighting", "weighting scheme", WeightingProvider.class);
    public static final ComponentKind<Augmenter> AUGMENTERS = new ComponentKind<>("augmenters", "augmenter", AugmenterProvider.class);

    /** Every kind, in the order {@code list} prints them. */
    public static final List<ComponentKind<?>> ALL = List.of(STRATEGIES, LEARNERS, STOPPING, ANNOTATORS, ROUTING, WEIGHTING,
            AUGMENTERS);

    /** The kind whose plural is {@code plural}, or null. */
    public static ComponentKind<?> named(String plural) {
        return ALL.stream().filter(k -> k.plural.equals(plural)).findFirst().orElse(null);
    }
}
