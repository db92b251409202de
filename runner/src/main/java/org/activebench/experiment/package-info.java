/**
 * ActiveBench's API: run studies and read their results.
 * <ul>
 *   <li>{@link org.activebench.experiment.Study}: a study built in Java, run into a results directory and returned
 *       in memory; {@link org.activebench.experiment.ActiveLoop}: one loop step by step (JShell, notebooks).</li>
 *   <li>{@link org.activebench.experiment.Experiment} and {@link org.activebench.experiment.ExperimentConfig}: a
 *       study from a JSON config, as the CLI runs it; {@link org.activebench.experiment.Catalog}: the components a
 *       study can name (built-ins, plugins, objects).</li>
 *   <li>{@link org.activebench.experiment.ResultsDirectory}, {@link org.activebench.experiment.TrialResult},
 *       {@link org.activebench.experiment.PoolReference}, {@link org.activebench.experiment.TrialTimings}: what a run
 *       wrote.</li>
 * </ul>
 * Internal, public only for ActiveBench's other modules and free to change: {@code AtomicFiles}, {@code JsonFiles},
 * {@code DatasetSource}, {@code TimeSplit}, {@code TrialFailure}, {@code ComponentListing}, {@code ConfigReader}.
 * Everything else here is package-private.
 */
package org.activebench.experiment;
