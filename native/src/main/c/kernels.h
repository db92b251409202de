/*
 * ActiveBench native kernels: the table of operations that simd_kernels.c is compiled into once per instruction-set
 * level (x86-64 baseline SSE2, AVX2+FMA, AVX-512); the JNI layer calls the level chosen for the CPU.
 * Copyright ActiveBench contributors, GPL-3.0-or-later.
 */
#ifndef ACTIVEBENCH_KERNELS_H
#define ACTIVEBENCH_KERNELS_H

#include <stdint.h>

/* Committees are counted in fixed arrays. */
#define MAX_COMMITTEE 256

struct kernels {
    void (*argmax)(const float *p, int n, int k, int32_t *out);
    void (*least_confidence)(const float *p, int n, int k, float *out);
    void (*margin)(const float *p, int n, int k, float *out);
    void (*entropy)(const float *p, int n, int k, float *out);
    void (*entropy_from_logits)(const float *z, int n, int k, float *out);
    /* The committee kernels return -1 when their scratch cannot be allocated, else 0. */
    int (*vote_entropy)(const float **members, int committee, int n, int k, float *out);
    int (*kl_to_consensus)(const float **members, int committee, int n, int k, int use_max, float *out);
    /* heap: b slots of scratch. */
    void (*top_b)(const float *scores, int n, int b, int largest, int64_t *heap, int32_t *out);
    void (*dot)(const float *x, int n, int d, const float *v, float *out);
    void (*squared_distances)(const float *x, int n, int d, const float *q, float *out);
    int (*update_min_distances)(const float *x, int n, int d, const float *c, float *min);
};

extern const struct kernels kernels_sse2, kernels_avx2, kernels_avx512;

#endif
