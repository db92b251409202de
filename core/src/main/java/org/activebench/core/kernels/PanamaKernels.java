package org.activebench.core.kernels;

import static jdk.incubator.vector.VectorOperators.EXP;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LOG;
import static jdk.incubator.vector.VectorOperators.LT;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The kernels on the Panama Vector API (preferred species). Probability kernels put one row in each lane: a
 * block of L rows is read class by class with gathers, so every k (1, 2, 10, 1000) uses full vectors and each
 * lane does exactly the scalar reference's comparisons; rows of two vectors or more are read along the row
 * instead. Feature kernels (dot, distances) run along a row with several accumulators. A last block with fewer
 * than L rows is copied into a zero-padded scratch block. Logarithms and exponentials are the intrinsified
 * {@link VectorOperators#LOG} and {@link VectorOperators#EXP} (SVML on x86-64): an inline cephes polynomial log
 * measured slower here (benchmarks/RESULTS.md).
 * Loaded only through {@link KernelProvider}, after it checked that {@code jdk.incubator.vector} is readable.
 */
final class PanamaKernels implements ScoreKernels {
    static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> I = F.withShape(F.vectorShape()).withLanes(int.class);
    private static final int L = F.length();

    /** Per-thread scratch, so that no call allocates once a thread has warmed up. */
    private static final class Scratch {
        final int[] rowOffsets = new int[L];
        int[] votes = new int[0];
        float[] divergences = new float[0];
        double[] divergenceSums = new double[0];
        long[] keys = new long[0];
        float[][] tails = new float[0][];
        float[][] memberTails = new float[0][];

        /** Gather offsets of one class across the L rows of a block: {0, k, 2k, ...}. */
        int[] rows(int k) {
            for (int j = 0; j < L; j++) {
                rowOffsets[j] = j * k;
            }
            return rowOffsets;
        }

        /** Rows {@code [from, to)} of {@code p}, fewer than L, copied into a zero-padded block of L rows. */
        float[] tail(int slot, float[] p, int k, int from, int to) {
            if (tails.length <= slot) {
                tails = Arrays.copyOf(tails, slot + 1);
            }
            if (tails[slot] == null || tails[slot].length < L * k) {
                tails[slot] = new float[L * k];
            }
            float[] block = tails[slot];
            System.arraycopy(p, from * k, block, 0, (to - from) * k);
            Arrays.fill(block, (to - from) * k, L * k, 0f);
            return block;
        }

        /** The tails of every member of a committee, in slots 1..C (slot 0 serves single arrays). */
        float[][] tails(float[][] members, int k, int from, int to) {
            if (memberTails.length != members.length) {
                memberTails = new float[members.length][];
            }
            for (int m = 0; m < members.length; m++) {
                memberTails[m] = tail(m + 1, members[m], k, from, to);
            }
            return memberTails;
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);
    private final RowChunks chunks;

    PanamaKernels(int threads) {
        this.chunks = new RowChunks(threads, L);
    }

    @Override
    public String name() {
        return "panama";
    }

    /** The vector shape in words, for {@code activebench kernels}. */
    static String shape() {
        return F.vectorBitSize() + "-bit vectors, " + L + " float lanes";
    }

    /**
     * Rows with at least this many classes are read along the row with contiguous loads, narrower rows a block of
     * L rows at a time with gathers, one row per lane. Along the row every row ends in horizontal reductions,
     * which cost more than the gathers save until a row fills two vectors (measured in benchmarks/RESULTS.md);
     * least confidence, one reduction per row, pays from one vector on ({@code k >= L}).
     */
    static final int WIDE = 2 * L;
    /** Classes summed in float before a KL partial sum is carried on in double. */
    private static final int FLUSH = 256;

    /** Writes the first {@code live} lanes of a block's result. Results are stored where they are computed: a
     * vector returned from a method that C2 does not inline is boxed, and kernels must not allocate. */
    private static void store(FloatVector v, float[] out, int i, int live) {
        if (live == L) {
            v.intoArray(out, i);
        } else {
            v.intoArray(out, i, F.indexInRange(0, live));
        }
    }

    /** The largest value of a row of k >= L floats; overlapping the last load is harmless for a maximum. */
    private static float rowMax(float[] p, int offset, int k) {
        FloatVector max = FloatVector.fromArray(F, p, offset + k - L);
        for (int c = 0; c < k - L; c += L) {
            max = max.max(FloatVector.fromArray(F, p, offset + c));
        }
        return max.reduceLanes(VectorOperators.MAX);
    }

    @Override
    public void argmax(float[] p, int n, int k, int[] out) {
        chunks.run(n, chunks.chunks(n, k), (chunk, from, to) -> argmax(p, k, from, to, out));
    }

    private static void argmax(float[] p, int k, int from, int to, int[] out) {
        if (k >= WIDE) {
            for (int i = from; i < to; i++) {
                out[i] = rowArgmax(p, i * k, k);
            }
            return;
        }
        Scratch scratch = SCRATCH.get();
        int[] rows = scratch.rows(k);
        for (int i = from; i < to; i += L) {
            int live = Math.min(L, to - i);
            IntVector index = live == L ? argmaxBlock(p, i * k, k, rows) : argmaxBlock(scratch.tail(0, p, k, i, to), 0, k, rows);
            if (live == L) {
                index.intoArray(out, i);
            } else {
                index.intoArray(out, i, I.indexInRange(0, live));
            }
        }
    }

    /** The first class holding the row's maximum. */
    private static int rowArgmax(float[] p, int offset, int k) {
        float max = rowMax(p, offset, k);
        int c = 0;
        for (; c + L <= k; c += L) {
            int lane = FloatVector.fromArray(F, p, offset + c).eq(max).firstTrue();
            if (lane < L) {
                return c + lane;
            }
        }
        return k - L + FloatVector.fromArray(F, p, offset + k - L).blend(Float.NEGATIVE_INFINITY, F.indexInRange(0, L - k % L)).eq(max).firstTrue();
    }

    /** The first maximum's class in each lane: strictly greater replaces, so ties keep the lower class. */
    private static IntVector argmaxBlock(float[] p, int base, int k, int[] rows) {
        FloatVector best = FloatVector.fromArray(F, p, base, rows, 0);
        IntVector index = IntVector.zero(I);
        for (int c = 1; c < k; c++) {
            FloatVector v = FloatVector.fromArray(F, p, base + c, rows, 0);
            VectorMask<Float> better = v.compare(GT, best);
            best = best.blend(v, better);
            index = index.blend(c, better.cast(I));
        }
        return index;
    }

    @Override
    public void leastConfidence(float[] p, int n, int k, float[] out) {
        chunks.run(n, chunks.chunks(n, k), (chunk, from, to) -> leastConfidence(p, k, from, to, out));
    }

    private static void leastConfidence(float[] p, int k, int from, int to, float[] out) {
        if (k >= L) {
            for (int i = from; i < to; i++) {
                out[i] = 1f - rowMax(p, i * k, k);
            }
            return;
        }
        Scratch scratch = SCRATCH.get();
        int[] rows = scratch.rows(k);
        for (int i = from; i < to; i += L) {
            int live = Math.min(L, to - i);
            if (live == L) {
                leastConfidenceBlock(p, i * k, k, rows, out, i, live);
            } else {
                leastConfidenceBlock(scratch.tail(0, p, k, i, to), 0, k, rows, out, i, live);
            }
        }
    }

    private static void leastConfidenceBlock(float[] p, int base, int k, int[] rows, float[] out, int i, int live) {
        FloatVector max = FloatVector.fromArray(F, p, base, rows, 0);
        for (int c = 1; c < k; c++) {
            max = max.max(FloatVector.fromArray(F, p, base + c, rows, 0));
        }
        store(FloatVector.broadcast(F, 1f).sub(max), out, i, live);
    }

    @Override
    public void margin(float[] p, int n, int k, float[] out) {
        chunks.run(n, chunks.chunks(n, k), (chunk, from, to) -> margin(p, k, from, to, out));
    }

    private static void margin(float[] p, int k, int from, int to, float[] out) {
        if (k >= WIDE) {
            for (int i = from; i < to; i++) {
                out[i] = rowMargin(p, i * k, k);
            }
            return;
        }
        Scratch scratch = SCRATCH.get();
        int[] rows = scratch.rows(k);
        for (int i = from; i < to; i += L) {
            int live = Math.min(L, to - i);
            if (live == L) {
                marginBlock(p, i * k, k, rows, out, i, live);
            } else {
                marginBlock(scratch.tail(0, p, k, i, to), 0, k, rows, out, i, live);
            }
        }
    }

    /**
     * Each lane keeps the two largest of its classes; the row's second largest is then the best of the lanes'
     * seconds and of the other lanes' firsts, or the maximum itself when two lanes share it.
     */
    private static float rowMargin(float[] p, int offset, int k) {
        FloatVector first = FloatVector.broadcast(F, Float.NEGATIVE_INFINITY);
        FloatVector second = first;
        int c = 0;
        for (; c + L <= k; c += L) {
            FloatVector v = FloatVector.fromArray(F, p, offset + c);
            second = second.max(v.min(first));
            first = first.max(v);
        }
        if (c < k) {
            // The row's last L floats, the lanes already covered by the full vectors set to -inf: no masked load.
            FloatVector v = FloatVector.fromArray(F, p, offset + k - L).blend(Float.NEGATIVE_INFINITY, F.indexInRange(0, L - k % L));
            second = second.max(v.min(first));
            first = first.max(v);
        }
        float top = first.reduceLanes(VectorOperators.MAX);
        VectorMask<Float> winners = first.eq(top);
        float runnerUp = winners.trueCount() > 1 ? top : Math.max(second.reduceLanes(VectorOperators.MAX),
                first.blend(Float.NEGATIVE_INFINITY, winners).reduceLanes(VectorOperators.MAX));
        return top - Math.max(runnerUp, 0f);
    }

    /** The reference's update in lanes: a new maximum pushes the old one to second place. */
    private static void marginBlock(float[] p, int base, int k, int[] rows, float[] out, int i, int live) {
        FloatVector first = FloatVector.broadcast(F, Float.NEGATIVE_INFINITY);
        FloatVector second = first;
        for (int c = 0; c < k; c++) {
            FloatVector v = FloatVector.fromArray(F, p, base + c, rows, 0);
            second = second.max(v.min(first));
            first = first.max(v);
        }
        store(first.sub(second.max(0f)), out, i, live);
    }

    @Override
    public void entropy(float[] p, int n, int k, float[] out) {
        chunks.run(n, chunks.chunks(n, k), (chunk, from, to) -> entropy(p, k, from, to, out));
    }

    private static void entropy(float[] p, int k, int from, int to, float[] out) {
        if (k >= WIDE) {
            for (int i = from; i < to; i++) {
                out[i] = rowEntropy(p, i * k, k);
            }
            return;
        }
        Scratch scratch = SCRATCH.get();
        int[] rows = scratch.rows(k);
        for (int i = from; i < to; i += L) {
            int live = Math.min(L, to - i);
            if (live == L) {
                entropyBlock(p, i * k, k, rows, out, i, live);
            } else {
                entropyBlock(scratch.tail(0, p, k, i, to), 0, k, rows, out, i, live);
            }
        }
    }

    private static float rowEntropy(float[] p, int offset, int k) {
        FloatVector h = FloatVector.zero(F);
        int c = 0;
        for (; c + L <= k; c += L) {
            FloatVector v = FloatVector.fromArray(F, p, offset + c);
            // 0·log 0 = 0: lanes with p = 0 are left out (their product would be NaN).
            h = h.sub(v.mul(v.lanewise(LOG)), v.compare(GT, 0f));
        }
        if (c < k) {
            FloatVector v = FloatVector.fromArray(F, p, offset + k - L).blend(0f, F.indexInRange(0, L - k % L));
            h = h.sub(v.mul(v.lanewise(LOG)), v.compare(GT, 0f));
        }
        return h.reduceLanes(VectorOperators.ADD);
    }

    private static void entropyBlock(float[] p, int base, int k, int[] rows, float[] out, int i, int live) {
        FloatVector h = FloatVector.zero(F);
        for (int c = 0; c < k; c++) {
            FloatVector v = FloatVector.fromArray(F, p, base + c, rows, 0);
            h = h.sub(v.mul(v.lanewise(LOG)), v.compare(GT, 0f));
        }
        store(h, out, i, live);
    }

    @Override
    public void entropyFromLogits(float[] logits, int n, int k, float[] out) {
        chunks.run(n, chunks.chunks(n, 2 * k), (chunk, from, to) -> entropyFromLogits(logits, k, from, to, out));
    }

    private static void entropyFromLogits(float[] logits, int k, int from, int to, float[] out) {
        if (k >= WIDE) {
            for (int i = from; i < to; i++) {
                out[i] = rowLogitEntropy(logits, i * k, k);
            }
            return;
        }
        Scratch scratch = SCRATCH.get();
        int[] rows = scratch.rows(k);
        for (int i = from; i < to; i += L) {
            int live = Math.min(L, to - i);
            if (live == L) {
                logitEntropyBlock(logits, i * k, k, rows, out, i, live);
            } else {
                logitEntropyBlock(scratch.tail(0, logits, k, i, to), 0, k, rows, out, i, live);
            }
        }
    }

    private static float rowLogitEntropy(float[] logits, int offset, int k) {
        float max = rowMax(logits, offset, k);
        FloatVector sum = FloatVector.zero(F);
        FloatVector weighted = FloatVector.zero(F);
        int c = 0;
        for (; c + L <= k; c += L) {
            FloatVector z = FloatVector.fromArray(F, logits, offset + c).sub(max);
            FloatVector e = z.lanewise(EXP);
            sum = sum.add(e);
            weighted = weighted.add(z.mul(e), e.compare(GT, 0f));
        }
        if (c < k) {
            // Lanes already covered read as -inf: e = 0, and their z·e (NaN) is masked out.
            FloatVector z = FloatVector.fromArray(F, logits, offset + k - L)
                    .blend(Float.NEGATIVE_INFINITY, F.indexInRange(0, L - k % L)).sub(max);
            FloatVector e = z.lanewise(EXP);
            sum = sum.add(e);
            weighted = weighted.add(z.mul(e), e.compare(GT, 0f));
        }
        float s = sum.reduceLanes(VectorOperators.ADD);
        return Math.max((float) Math.log(s) - weighted.reduceLanes(VectorOperators.ADD) / s, 0f);
    }

    private static void logitEntropyBlock(float[] logits, int base, int k, int[] rows, float[] out, int i, int live) {
        FloatVector max = FloatVector.fromArray(F, logits, base, rows, 0);
        for (int c = 1; c < k; c++) {
            max = max.max(FloatVector.fromArray(F, logits, base + c, rows, 0));
        }
        FloatVector sum = FloatVector.zero(F);
        FloatVector weighted = FloatVector.zero(F);
        for (int c = 0; c < k; c++) {
            FloatVector z = FloatVector.fromArray(F, logits, base + c, rows, 0).sub(max);
            FloatVector e = z.lanewise(EXP);
            sum = sum.add(e);
            weighted = weighted.add(z.mul(e), e.compare(GT, 0f));
        }
        store(sum.lanewise(LOG).sub(weighted.div(sum)).max(0f), out, i, live);
    }

    @Override
    public void voteEntropy(float[][] members, int n, int k, float[] out) {
        chunks.run(n, chunks.chunks(n, k * members.length),
                (chunk, from, to) -> voteEntropy(members, k, from, to, out));
    }

    private static void voteEntropy(float[][] members, int k, int from, int to, float[] out) {
        Scratch scratch = SCRATCH.get();
        int[] rows = scratch.rows(k);
        int committee = members.length;
        if (scratch.votes.length < committee * L) {
            scratch.votes = new int[committee * L];
        }
        int[] votes = scratch.votes;
        for (int i = from; i < to; i += L) {
            int live = Math.min(L, to - i);
            float[][] block = live == L ? members : scratch.tails(members, k, i, to);
            int base = live == L ? i * k : 0;
            for (int m = 0; m < committee; m++) {
                if (k >= WIDE) {
                    for (int j = 0; j < L; j++) {
                        votes[m * L + j] = rowArgmax(block[m], base + j * k, k);
                    }
                } else {
                    argmaxBlock(block[m], base, k, rows).intoArray(votes, m * L);
                }
            }
            voteEntropyBlock(committee, votes, out, i, live);
        }
    }

    /**
     * Uses sum_c (v_c/C) ln(v_c/C) = (1/C) sum_m ln(v_(vote of m)/C): each member adds the log of its own class's
     * share of the votes, and the share is counted by comparing the members' votes lane by lane.
     */
    private static void voteEntropyBlock(int committee, int[] votes, float[] out, int i, int live) {
        float share = 1f / committee;
        FloatVector sum = FloatVector.zero(F);
        for (int m = 0; m < committee; m++) {
            IntVector mine = IntVector.fromArray(I, votes, m * L);
            IntVector agreeing = IntVector.zero(I);
            for (int other = 0; other < committee; other++) {
                agreeing = agreeing.add(1, mine.eq(IntVector.fromArray(I, votes, other * L)));
            }
            FloatVector count = (FloatVector) agreeing.convert(VectorOperators.I2F, 0);
            sum = sum.add(count.mul(share).lanewise(LOG));
        }
        store(sum.mul(-share).max(0f), out, i, live);
    }

    @Override
    public void klToConsensus(float[][] members, int n, int k, boolean max, float[] out) {
        chunks.run(n, chunks.chunks(n, k * members.length),
                (chunk, from, to) -> klToConsensus(members, k, max, from, to, out));
    }

    private static void klToConsensus(float[][] members, int k, boolean max, int from, int to, float[] out) {
        Scratch scratch = SCRATCH.get();
        int[] rows = scratch.rows(k);
        if (scratch.divergences.length < members.length * L) {
            scratch.divergences = new float[members.length * L];
            scratch.divergenceSums = new double[members.length * L];
        }
        for (int i = from; i < to; i += L) {
            int live = Math.min(L, to - i);
            if (live == L) {
                klBlock(members, i * k, k, rows, scratch.divergences, scratch.divergenceSums);
            } else {
                klBlock(scratch.tails(members, k, i, to), 0, k, rows, scratch.divergences, scratch.divergenceSums);
            }
            combineDivergences(members.length, max, scratch.divergences, out, i, live);
        }
    }

    /**
     * KL(p_m || mean) = sum_c p_mc (ln p_mc - ln mean_c): one log of the consensus per class serves all members.
     * Terms of both signs cancel, so float partial sums of {@value #FLUSH} classes are carried on in double.
     */
    private static void klBlock(float[][] members, int base, int k, int[] rows, float[] divergence, double[] sums) {
        int committee = members.length;
        float share = 1f / committee;
        Arrays.fill(divergence, 0, committee * L, 0f);
        Arrays.fill(sums, 0, committee * L, 0);
        for (int c = 0; c < k; c++) {
            if (c % FLUSH == FLUSH - 1) {
                for (int j = 0; j < committee * L; j++) {
                    sums[j] += divergence[j];
                    divergence[j] = 0f;
                }
            }
            FloatVector mean = FloatVector.zero(F);
            for (float[] member : members) {
                mean = mean.add(FloatVector.fromArray(F, member, base + c, rows, 0));
            }
            FloatVector logMean = mean.mul(share).lanewise(LOG);
            for (int m = 0; m < committee; m++) {
                FloatVector v = FloatVector.fromArray(F, members[m], base + c, rows, 0);
                FloatVector term = v.mul(v.lanewise(LOG).sub(logMean));
                FloatVector.fromArray(F, divergence, m * L)
                        .add(term, v.compare(GT, 0f))
                        .intoArray(divergence, m * L);
            }
        }
        for (int j = 0; j < committee * L; j++) {
            divergence[j] = (float) (sums[j] + divergence[j]);
        }
    }

    private static void combineDivergences(int committee, boolean max, float[] divergence, float[] out, int i, int live) {
        FloatVector result = FloatVector.zero(F);
        for (int m = 0; m < committee; m++) {
            // Rounding can push a zero divergence slightly negative.
            FloatVector kl = FloatVector.fromArray(F, divergence, m * L).max(0f);
            result = max ? result.max(kl) : result.add(kl);
        }
        store(max ? result : result.mul(1f / committee), out, i, live);
    }

    @Override
    public void topB(float[] scores, int n, int b, boolean largest, int[] out) {
        if (b < 1 || b > n) {
            throw new IllegalArgumentException("b = " + b + " outside [1, " + n + "]");
        }
        int pieces = chunks.chunks(n, 1);
        if (pieces == 1) {
            Scratch scratch = SCRATCH.get();
            scratch.keys = bestKeys(scores, 0, n, b, largest, scratch.keys);
            writeIndices(scratch.keys, b, out);
            return;
        }
        long[][] best = new long[pieces][];
        chunks.run(n, pieces, (chunk, from, to) -> best[chunk] = bestKeys(scores, from, to, b, largest, new long[0]));
        long[] merged = new long[pieces * b];
        int size = 0;
        for (int c = 0; c < pieces; c++) {
            int count = Math.min(b, best[c].length);
            System.arraycopy(best[c], 0, merged, size, count);
            size += count;
        }
        SortKeys.sort(merged, size);
        writeIndices(merged, b, out);
    }

    /**
     * The best min(b, to - from) keys of {@code scores[from, to)}, sorted best first, at the start of the returned
     * buffer ({@code buffer} or a larger replacement). A vector filter drops every score that cannot beat the
     * current b-th best; survivors collect in a 2b buffer that is cut back to the best b when full.
     */
    private static long[] bestKeys(float[] scores, int from, int to, int b, boolean largest, long[] buffer) {
        long[] keys = buffer.length >= 2 * b + L ? buffer : new long[2 * b + L];
        int size = 0;
        int i = from;
        for (; i < to && size < b; i++) {
            keys[size++] = key(scores[i], i, largest);
        }
        if (size < b) {
            SortKeys.sort(keys, size);
            return keys;
        }
        float threshold = worst(scores, keys, b, largest);
        int end = i + (to - i) / L * L;
        for (; i < end; i += L) {
            FloatVector v = FloatVector.fromArray(F, scores, i);
            long passing = v.compare(largest ? GT : LT, threshold).toLong();
            while (passing != 0) {
                int lane = Long.numberOfTrailingZeros(passing);
                keys[size++] = key(scores[i + lane], i + lane, largest);
                passing &= passing - 1;
            }
            if (size >= 2 * b) {
                SortKeys.selectSmallest(keys, size, b);
                size = b;
                threshold = worst(scores, keys, b, largest);
            }
        }
        for (; i < to; i++) {
            if (largest ? scores[i] > threshold : scores[i] < threshold) {
                keys[size++] = key(scores[i], i, largest);
            }
        }
        SortKeys.selectSmallest(keys, size, b);
        SortKeys.sort(keys, b);
        return keys;
    }

    /** The score of the worst of the b kept keys: what a later row must beat (a tie loses on its higher index). */
    private static float worst(float[] scores, long[] keys, int b, boolean largest) {
        long worst = keys[0];
        for (int j = 1; j < b; j++) {
            worst = Math.max(worst, keys[j]);
        }
        return scores[index(worst)];
    }

    private static long key(float score, int index, boolean largest) {
        return ScalarKernels.sortKey(score, index, largest);
    }

    private static int index(long key) {
        return (int) key;
    }

    private static void writeIndices(long[] keys, int b, int[] out) {
        for (int j = 0; j < b; j++) {
            out[j] = index(keys[j]);
        }
    }

    @Override
    public void dot(float[] x, int n, int d, float[] v, int vOffset, float[] out) {
        chunks.run(n, chunks.chunks(n, d), (chunk, from, to) -> {
            for (int i = from; i < to; i++) {
                out[i] = dot(x, i * d, v, vOffset, d);
            }
        });
    }

    @Override
    public void squaredDistances(float[] x, int n, int d, float[] q, int qOffset, float[] out) {
        chunks.run(n, chunks.chunks(n, d), (chunk, from, to) -> {
            for (int i = from; i < to; i++) {
                out[i] = squaredDistance(x, i * d, q, qOffset, d);
            }
        });
    }

    @Override
    public int updateMinDistances(float[] x, int n, int d, float[] c, int cOffset, float[] minDist) {
        int pieces = chunks.chunks(n, d);
        if (pieces == 1) {
            return updateMinDistances(x, d, c, cOffset, minDist, 0, n);
        }
        int[] best = new int[pieces];
        chunks.run(n, pieces, (chunk, from, to) -> best[chunk] = updateMinDistances(x, d, c, cOffset, minDist, from, to));
        int winner = best[0];
        for (int piece = 1; piece < pieces; piece++) {
            if (minDist[best[piece]] > minDist[winner]) {
                winner = best[piece];
            }
        }
        return winner;
    }

    private static int updateMinDistances(float[] x, int d, float[] c, int cOffset, float[] minDist, int from, int to) {
        int best = from;
        float bestDistance = Float.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            float updated = Math.min(minDist[i], squaredDistance(x, i * d, c, cOffset, d));
            minDist[i] = updated;
            if (updated > bestDistance) {
                bestDistance = updated;
                best = i;
            }
        }
        return best;
    }

    /** Two accumulators: the body is light (one fma), so the loop is bound by the add latency otherwise. */
    private static float dot(float[] x, int offset, float[] v, int vOffset, int d) {
        FloatVector a0 = FloatVector.zero(F);
        FloatVector a1 = FloatVector.zero(F);
        int j = 0;
        for (int end = d - 2 * L; j <= end; j += 2 * L) {
            a0 = FloatVector.fromArray(F, x, offset + j).fma(FloatVector.fromArray(F, v, vOffset + j), a0);
            a1 = FloatVector.fromArray(F, x, offset + j + L).fma(FloatVector.fromArray(F, v, vOffset + j + L), a1);
        }
        if (j <= d - L) {
            a0 = FloatVector.fromArray(F, x, offset + j).fma(FloatVector.fromArray(F, v, vOffset + j), a0);
            j += L;
        }
        float sum = a0.add(a1).reduceLanes(VectorOperators.ADD);
        for (; j < d; j++) {
            sum = Math.fma(x[offset + j], v[vOffset + j], sum);
        }
        return sum;
    }

    private static float squaredDistance(float[] x, int offset, float[] q, int qOffset, int d) {
        FloatVector a0 = FloatVector.zero(F);
        FloatVector a1 = FloatVector.zero(F);
        int j = 0;
        for (int end = d - 2 * L; j <= end; j += 2 * L) {
            FloatVector d0 = FloatVector.fromArray(F, x, offset + j).sub(FloatVector.fromArray(F, q, qOffset + j));
            FloatVector d1 = FloatVector.fromArray(F, x, offset + j + L).sub(FloatVector.fromArray(F, q, qOffset + j + L));
            a0 = d0.fma(d0, a0);
            a1 = d1.fma(d1, a1);
        }
        if (j <= d - L) {
            FloatVector d0 = FloatVector.fromArray(F, x, offset + j).sub(FloatVector.fromArray(F, q, qOffset + j));
            a0 = d0.fma(d0, a0);
            j += L;
        }
        float sum = a0.add(a1).reduceLanes(VectorOperators.ADD);
        for (; j < d; j++) {
            float diff = x[offset + j] - q[qOffset + j];
            sum = Math.fma(diff, diff, sum);
        }
        return sum;
    }
}
