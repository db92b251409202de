/*
 * ActiveBench native kernels: the JNI layer. Whole arrays are pinned with GetPrimitiveArrayCritical (no copies);
 * the Java side has checked every bound. Each call names the instruction-set level whose compilation of
 * simd_kernels.c runs it, so one process can test every level its CPU has.
 * Copyright ActiveBench contributors, GPL-3.0-or-later.
 */
#include <jni.h>

#include "kernels.h"

/* Indexed by the Java side's level: 0 baseline, 1 AVX2, 2 AVX-512. */
static const struct kernels *const LEVELS[] = {&kernels_sse2, &kernels_avx2, &kernels_avx512};

#define PIN(env, array) (*env)->GetPrimitiveArrayCritical(env, array, NULL)
#define UNPIN(env, array, ptr, mode) (*env)->ReleasePrimitiveArrayCritical(env, array, ptr, mode)
#define JNI(type, name) JNIEXPORT type JNICALL Java_org_activebench_nativekernels_NativeKernels_##name

/* The best level this CPU runs. */
JNI(jint, bestLevel0)(JNIEnv *env, jclass cls) {
    (void) env;
    (void) cls;
    __builtin_cpu_init();
    return __builtin_cpu_supports("x86-64-v4") ? 2 : __builtin_cpu_supports("x86-64-v3") ? 1 : 0;
}

#define ROW_KERNEL(jname, op, jout, cout)                                                                   \
    JNI(void, jname)(JNIEnv *env, jclass cls, jint level, jfloatArray p, jint n, jint k, jout out) {         \
        (void) cls;                                                                                         \
        float *pp = PIN(env, p);                                                                            \
        cout *po = PIN(env, out);                                                                           \
        LEVELS[level]->op(pp, n, k, po);                                                                    \
        UNPIN(env, out, po, 0);                                                                             \
        UNPIN(env, p, pp, JNI_ABORT);                                                                       \
    }

ROW_KERNEL(argmax0, argmax, jintArray, int32_t)
ROW_KERNEL(leastConfidence0, least_confidence, jfloatArray, float)
ROW_KERNEL(margin0, margin, jfloatArray, float)
ROW_KERNEL(entropy0, entropy, jfloatArray, float)
ROW_KERNEL(entropyFromLogits0, entropy_from_logits, jfloatArray, float)

/* Committee kernels: the member arrays are looked up before any array is pinned (no JNI calls while pinned). */
static void committee(JNIEnv *env, jint level, jobjectArray members, jint n, jint k, int vote, int use_max,
                      jfloatArray out) {
    int count = (*env)->GetArrayLength(env, members);
    jfloatArray arrays[MAX_COMMITTEE];
    const float *rows[MAX_COMMITTEE];
    for (int m = 0; m < count; m++) arrays[m] = (*env)->GetObjectArrayElement(env, members, m);
    for (int m = 0; m < count; m++) rows[m] = PIN(env, arrays[m]);
    float *po = PIN(env, out);
    const struct kernels *kernels = LEVELS[level];
    int status = vote ? kernels->vote_entropy(rows, count, n, k, po)
                      : kernels->kl_to_consensus(rows, count, n, k, use_max, po);
    UNPIN(env, out, po, 0);
    for (int m = count - 1; m >= 0; m--) UNPIN(env, arrays[m], (void *) rows[m], JNI_ABORT);
    if (status != 0) {
        (*env)->ThrowNew(env, (*env)->FindClass(env, "java/lang/OutOfMemoryError"), "native committee: no scratch");
    }
}

JNI(void, voteEntropy0)(JNIEnv *env, jclass cls, jint level, jobjectArray members, jint n, jint k, jfloatArray out) {
    (void) cls;
    committee(env, level, members, n, k, 1, 0, out);
}

JNI(void, klToConsensus0)(JNIEnv *env, jclass cls, jint level, jobjectArray members, jint n, jint k, jboolean max,
                          jfloatArray out) {
    (void) cls;
    committee(env, level, members, n, k, 0, max, out);
}

JNI(void, topB0)(JNIEnv *env, jclass cls, jint level, jfloatArray scores, jint n, jint b, jboolean largest,
                 jlongArray heap, jintArray out) {
    (void) cls;
    float *ps = PIN(env, scores);
    int64_t *ph = PIN(env, heap);
    int32_t *po = PIN(env, out);
    LEVELS[level]->top_b(ps, n, b, largest, ph, po);
    UNPIN(env, out, po, 0);
    UNPIN(env, heap, ph, JNI_ABORT);
    UNPIN(env, scores, ps, JNI_ABORT);
}

/* Every row of x against the vector v[offset, offset + d); the k-center step also returns its farthest row. */
#define FEATURE_KERNEL(type, jname, call)                                                                  \
    JNI(type, jname)(JNIEnv *env, jclass cls, jint level, jfloatArray x, jint n, jint d, jfloatArray v,     \
                     jint offset, jfloatArray out) {                                                       \
        (void) cls;                                                                                        \
        float *px = PIN(env, x);                                                                           \
        float *pv = PIN(env, v);                                                                           \
        float *po = PIN(env, out);                                                                         \
        const struct kernels *kernels = LEVELS[level];                                                     \
        type result = call;                                                                                \
        UNPIN(env, out, po, 0);                                                                            \
        UNPIN(env, v, pv, JNI_ABORT);                                                                      \
        UNPIN(env, x, px, JNI_ABORT);                                                                      \
        return result;                                                                                     \
    }

FEATURE_KERNEL(jint, dot0, (kernels->dot(px, n, d, pv + offset, po), 0))
FEATURE_KERNEL(jint, squaredDistances0, (kernels->squared_distances(px, n, d, pv + offset, po), 0))
FEATURE_KERNEL(jint, updateMinDistances0, kernels->update_min_distances(px, n, d, pv + offset, po))
