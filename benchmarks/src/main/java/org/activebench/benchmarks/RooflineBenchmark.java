package org.activebench.benchmarks;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * The roofline: the fastest one thread can read the same number of floats (a vector sum with four accumulators,
 * nothing else). {@link BenchMain} runs it for every input size of the run, so each kernel is reported as a
 * fraction of what the memory (or cache, for small inputs) of this machine allows.
 */
public class RooflineBenchmark extends KernelBenchmark {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

    @Param({"10000000"})
    public long floats;

    private float[] data;

    @Setup
    public void setup() {
        data = Inputs.gaussian(Math.toIntExact(floats), 5);
    }

    @Benchmark
    public float sum() {
        int lanes = F.length();
        FloatVector a0 = FloatVector.zero(F);
        FloatVector a1 = FloatVector.zero(F);
        FloatVector a2 = FloatVector.zero(F);
        FloatVector a3 = FloatVector.zero(F);
        int i = 0;
        for (int end = data.length - 4 * lanes; i <= end; i += 4 * lanes) {
            a0 = a0.add(FloatVector.fromArray(F, data, i));
            a1 = a1.add(FloatVector.fromArray(F, data, i + lanes));
            a2 = a2.add(FloatVector.fromArray(F, data, i + 2 * lanes));
            a3 = a3.add(FloatVector.fromArray(F, data, i + 3 * lanes));
        }
        float sum = a0.add(a1).add(a2.add(a3)).reduceLanes(VectorOperators.ADD);
        for (; i < data.length; i++) {
            sum += data[i];
        }
        return sum;
    }
}
