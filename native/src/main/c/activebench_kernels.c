/*
 * ActiveBench native scoring kernels: the ScoreKernels operations in C, each compiled three times (AVX-512,
 * AVX2+FMA, baseline x86-64) with GCC's target_clones; the loader of the shared object picks the variant for the
 * CPU at run time (ifunc, from CPUID). Semantics are those of the Java reference (ScalarKernels): double
 * accumulation, 0·log 0 = 0, ties to the lower index. Copyright ActiveBench contributors, GPL-3.0-or-later.
 */
#include <jni.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define CLONES __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))

CLONES static void argmax_rows(const float *p, int n, int k, jint *out) {
    for (int i = 0; i < n; i++) {
        const float *row = p + (size_t) i * k;
        int best = 0;
        for (int c = 1; c < k; c++) {
            if (row[c] > row[best]) best = c;
        }
        out[i] = best;
    }
}

CLONES static void least_confidence(const float *p, int n, int k, float *out) {
    for (int i = 0; i < n; i++) {
        const float *row = p + (size_t) i * k;
        float max = row[0];
        for (int c = 1; c < k; c++) max = row[c] > max ? row[c] : max;
        out[i] = 1.0f - max;
    }
}

CLONES static void margin(const float *p, int n, int k, float *out) {
    for (int i = 0; i < n; i++) {
        const float *row = p + (size_t) i * k;
        float first = -INFINITY, second = -INFINITY;
        for (int c = 0; c < k; c++) {
            float v = row[c];
            float low = v < first ? v : first;
            second = low > second ? low : second;
            first = v > first ? v : first;
        }
        out[i] = first - (second > 0.0f ? second : 0.0f);
    }
}

CLONES static void entropy(const float *p, int n, int k, float *out) {
    for (int i = 0; i < n; i++) {
        const float *row = p + (size_t) i * k;
        double h = 0;
        for (int c = 0; c < k; c++) {
            if (row[c] > 0) h -= (double) row[c] * log((double) row[c]);
        }
        out[i] = (float) h;
    }
}

CLONES static void entropy_from_logits(const float *z, int n, int k, float *out) {
    for (int i = 0; i < n; i++) {
        const float *row = z + (size_t) i * k;
        float max = row[0];
        for (int c = 1; c < k; c++) max = row[c] > max ? row[c] : max;
        double sum = 0, weighted = 0;
        for (int c = 0; c < k; c++) {
            double d = (double) row[c] - max;
            double e = exp(d);
            sum += e;
            weighted += d * e;
        }
        double h = log(sum) - weighted / sum;
        out[i] = (float) (h > 0 ? h : 0);
    }
}

static int row_argmax(const float *row, int k) {
    int best = 0;
    for (int c = 1; c < k; c++) {
        if (row[c] > row[best]) best = c;
    }
    return best;
}

/* H = -(1/C) sum_m ln(v(vote of m)/C): each member adds the log of its own class's share of the votes. */
static void vote_entropy(const float **members, int committee, int n, int k, float *out) {
    int votes[256];
    for (int i = 0; i < n; i++) {
        for (int m = 0; m < committee; m++) votes[m] = row_argmax(members[m] + (size_t) i * k, k);
        double sum = 0;
        for (int m = 0; m < committee; m++) {
            int agreeing = 0;
            for (int o = 0; o < committee; o++) agreeing += votes[o] == votes[m];
            sum += log((double) agreeing / committee);
        }
        double h = -sum / committee;
        out[i] = (float) (h > 0 ? h : 0);
    }
}

static void kl_to_consensus(const float **members, int committee, int n, int k, int use_max, double *consensus,
                            float *out) {
    for (int i = 0; i < n; i++) {
        size_t row = (size_t) i * k;
        for (int c = 0; c < k; c++) {
            double s = 0;
            for (int m = 0; m < committee; m++) s += members[m][row + c];
            consensus[c] = s / committee;
        }
        double sum = 0, worst = 0;
        for (int m = 0; m < committee; m++) {
            double kl = 0;
            for (int c = 0; c < k; c++) {
                double p = members[m][row + c];
                if (p > 0) kl += p * log(p / consensus[c]);
            }
            kl = kl > 0 ? kl : 0;
            sum += kl;
            worst = kl > worst ? kl : worst;
        }
        out[i] = (float) (use_max ? worst : sum / committee);
    }
}

/* The reference's sort key: ascending = best first, then lower index; -0 taken as +0. */
static int64_t sort_key(float score, int index, int largest) {
    float v = score + 0.0f;
    int32_t bits;
    memcpy(&bits, &v, sizeof bits);
    int32_t ordered = bits < 0 ? bits ^ 0x7FFFFFFF : bits;
    int64_t high = (int64_t) (largest ? ~ordered : ordered);
    return (int64_t) ((uint64_t) high << 32) | (uint32_t) index;
}

/* Max-heap of the b best (smallest) keys seen so far; the root is the one a new key must beat. */
static void sift_down(int64_t *heap, int size, int root) {
    int64_t value = heap[root];
    for (int child; (child = 2 * root + 1) < size; root = child) {
        if (child + 1 < size && heap[child + 1] > heap[child]) child++;
        if (heap[child] <= value) break;
        heap[root] = heap[child];
    }
    heap[root] = value;
}

CLONES static void top_b(const float *scores, int n, int b, int largest, int64_t *heap, jint *out) {
    for (int i = 0; i < b; i++) heap[i] = sort_key(scores[i], i, largest);
    for (int root = b / 2 - 1; root >= 0; root--) sift_down(heap, b, root);
    for (int i = b; i < n; i++) {
        int64_t key = sort_key(scores[i], i, largest);
        if (key < heap[0]) {
            heap[0] = key;
            sift_down(heap, b, 0);
        }
    }
    for (int end = b - 1; end > 0; end--) {
        int64_t t = heap[0];
        heap[0] = heap[end];
        heap[end] = t;
        sift_down(heap, end, 0);
    }
    for (int j = 0; j < b; j++) out[j] = (jint) (uint32_t) heap[j];
}

/* Sixteen partial sums, so that the compiler may vectorise without reassociating one sum (no -ffast-math). */
#define LANES 16

CLONES static float dot_row(const float *x, const float *v, int d) {
    float acc[LANES] = {0};
    int j = 0;
    for (; j + LANES <= d; j += LANES) {
        for (int l = 0; l < LANES; l++) acc[l] += x[j + l] * v[j + l];
    }
    float sum = 0;
    for (int l = 0; l < LANES; l++) sum += acc[l];
    for (; j < d; j++) sum += x[j] * v[j];
    return sum;
}

CLONES static float distance_row(const float *x, const float *q, int d) {
    float acc[LANES] = {0};
    int j = 0;
    for (; j + LANES <= d; j += LANES) {
        for (int l = 0; l < LANES; l++) {
            float diff = x[j + l] - q[j + l];
            acc[l] += diff * diff;
        }
    }
    float sum = 0;
    for (int l = 0; l < LANES; l++) sum += acc[l];
    for (; j < d; j++) {
        float diff = x[j] - q[j];
        sum += diff * diff;
    }
    return sum;
}

/* ---- JNI: whole arrays pinned with GetPrimitiveArrayCritical; the Java side has checked every bound. ---- */

#define PIN(env, array) (*env)->GetPrimitiveArrayCritical(env, array, NULL)
#define UNPIN(env, array, ptr, mode) (*env)->ReleasePrimitiveArrayCritical(env, array, ptr, mode)
#define JNI(name) JNIEXPORT void JNICALL Java_org_activebench_nativekernels_NativeKernels_##name

#define ROW_KERNEL(jname, cname)                                                                  \
    JNI(jname)(JNIEnv *env, jclass cls, jfloatArray p, jint n, jint k, jfloatArray out) {          \
        (void) cls;                                                                               \
        float *pp = PIN(env, p);                                                                  \
        float *po = PIN(env, out);                                                                \
        cname(pp, n, k, po);                                                                      \
        UNPIN(env, out, po, 0);                                                                   \
        UNPIN(env, p, pp, JNI_ABORT);                                                             \
    }

ROW_KERNEL(leastConfidence0, least_confidence)
ROW_KERNEL(margin0, margin)
ROW_KERNEL(entropy0, entropy)
ROW_KERNEL(entropyFromLogits0, entropy_from_logits)

JNI(argmax0)(JNIEnv *env, jclass cls, jfloatArray p, jint n, jint k, jintArray out) {
    (void) cls;
    float *pp = PIN(env, p);
    jint *po = PIN(env, out);
    argmax_rows(pp, n, k, po);
    UNPIN(env, out, po, 0);
    UNPIN(env, p, pp, JNI_ABORT);
}

/* Committee kernels: the member arrays are looked up before any array is pinned (no JNI calls while pinned). */
static void committee(JNIEnv *env, jobjectArray members, jint n, jint k, int vote, int use_max, jfloatArray out) {
    int count = (*env)->GetArrayLength(env, members);
    jfloatArray arrays[256];
    const float *rows[256];
    for (int m = 0; m < count; m++) arrays[m] = (*env)->GetObjectArrayElement(env, members, m);
    double *consensus = vote ? NULL : malloc(sizeof(double) * (size_t) k);
    if (!vote && consensus == NULL) {
        (*env)->ThrowNew(env, (*env)->FindClass(env, "java/lang/OutOfMemoryError"), "native KL: no memory");
        return;
    }
    for (int m = 0; m < count; m++) rows[m] = PIN(env, arrays[m]);
    float *po = PIN(env, out);
    if (vote) {
        vote_entropy(rows, count, n, k, po);
    } else {
        kl_to_consensus(rows, count, n, k, use_max, consensus, po);
    }
    UNPIN(env, out, po, 0);
    for (int m = count - 1; m >= 0; m--) UNPIN(env, arrays[m], (void *) rows[m], JNI_ABORT);
    free(consensus);
}

JNI(voteEntropy0)(JNIEnv *env, jclass cls, jobjectArray members, jint n, jint k, jfloatArray out) {
    (void) cls;
    committee(env, members, n, k, 1, 0, out);
}

JNI(klToConsensus0)(JNIEnv *env, jclass cls, jobjectArray members, jint n, jint k, jboolean max, jfloatArray out) {
    (void) cls;
    committee(env, members, n, k, 0, max, out);
}

JNI(topB0)(JNIEnv *env, jclass cls, jfloatArray scores, jint n, jint b, jboolean largest, jlongArray heap,
           jintArray out) {
    (void) cls;
    float *ps = PIN(env, scores);
    int64_t *ph = PIN(env, heap);
    jint *po = PIN(env, out);
    top_b(ps, n, b, largest, ph, po);
    UNPIN(env, out, po, 0);
    UNPIN(env, heap, ph, JNI_ABORT);
    UNPIN(env, scores, ps, JNI_ABORT);
}

/* One row function of every row of x against the vector v[offset, offset + d). */
#define FEATURE_KERNEL(jname, row)                                                                \
    JNI(jname)(JNIEnv *env, jclass cls, jfloatArray x, jint n, jint d, jfloatArray v, jint offset,  \
               jfloatArray out) {                                                                 \
        (void) cls;                                                                               \
        float *px = PIN(env, x);                                                                  \
        float *pv = PIN(env, v);                                                                  \
        float *po = PIN(env, out);                                                                \
        for (int i = 0; i < n; i++) po[i] = row(px + (size_t) i * d, pv + offset, d);             \
        UNPIN(env, out, po, 0);                                                                   \
        UNPIN(env, v, pv, JNI_ABORT);                                                             \
        UNPIN(env, x, px, JNI_ABORT);                                                             \
    }

FEATURE_KERNEL(dot0, dot_row)
FEATURE_KERNEL(squaredDistances0, distance_row)

JNIEXPORT jint JNICALL Java_org_activebench_nativekernels_NativeKernels_updateMinDistances0(
        JNIEnv *env, jclass cls, jfloatArray x, jint n, jint d, jfloatArray c, jint offset, jfloatArray min) {
    (void) cls;
    float *px = PIN(env, x);
    float *pc = PIN(env, c);
    float *pm = PIN(env, min);
    int best = 0;
    float best_distance = -INFINITY;
    for (int i = 0; i < n; i++) {
        float dist = distance_row(px + (size_t) i * d, pc + offset, d);
        float updated = dist < pm[i] ? dist : pm[i];
        pm[i] = updated;
        if (updated > best_distance) {
            best_distance = updated;
            best = i;
        }
    }
    UNPIN(env, min, pm, 0);
    UNPIN(env, c, pc, JNI_ABORT);
    UNPIN(env, x, px, JNI_ABORT);
    return best;
}

/* The SIMD level the clones above dispatch to on this CPU, for `activebench kernels`. */
JNIEXPORT jstring JNICALL Java_org_activebench_nativekernels_NativeKernels_cpuLevel0(JNIEnv *env, jclass cls) {
    (void) cls;
    __builtin_cpu_init();
    const char *level = __builtin_cpu_supports("avx512f") ? "AVX-512 (x86-64-v4)"
            : __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") ? "AVX2+FMA (x86-64-v3)"
            : "baseline x86-64";
    return (*env)->NewStringUTF(env, level);
}
