/*
 * ActiveBench native kernels, written once on GCC vector types of W float lanes and compiled once per level:
 *   -march=x86-64    -DW=4  -DLEVEL=sse2     (any x86-64 CPU)
 *   -march=x86-64-v3 -DW=8  -DLEVEL=avx2     (AVX2 + FMA)
 *   -march=x86-64-v4 -DW=16 -DLEVEL=avx512   (AVX-512 F/BW/DQ/VL)
 * Semantics are those of the Java reference (ScalarKernels): 0·log 0 = 0, ties to the lower index, sums of log
 * terms accumulated in double. log and exp are Cephes' single-precision polynomials (about 1 ulp), evaluated on
 * whole vectors: that, not the memory, is what bounds the entropy kernels.
 * Copyright ActiveBench contributors, GPL-3.0-or-later.
 */
#include <immintrin.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "kernels.h"

#if !defined(W) || !defined(LEVEL)
#error "compile with -DW=<lanes> -DLEVEL=<name>"
#endif
#define CONCAT(a, b) a##_##b
#define TABLE_NAME(level) CONCAT(kernels, level)

typedef float vf __attribute__((vector_size(4 * W)));
typedef int32_t vi __attribute__((vector_size(4 * W)));
typedef float vf4 __attribute__((vector_size(16)));
typedef double vd4 __attribute__((vector_size(32)));

/* Values per scratch buffer: rows are scored in pieces of at most this many values, whatever k is. */
#define CHUNK 2048

static inline int min_int(int a, int b) {
    return a < b ? a : b;
}

static inline vf load(const float *p) {
    vf v;
    memcpy(&v, p, sizeof v);
    return v;
}

/* The vector at x[j], zero-padded past count: tails need no scalar twin of each loop. */
static inline vf load_n(const float *x, int j, int count) {
    if (j + W <= count) return load(x + j);
    float part[W] = {0};
    memcpy(part, x + j, sizeof(float) * (size_t) (count - j));
    return load(part);
}

static inline void store(float *p, vf v) {
    memcpy(p, &v, sizeof v);
}

static inline vf splat(float x) {
    return (vf) {0} + x;
}

static inline vf blend(vi mask, vf yes, vf no) {
#if W == 16
    return (vf) _mm512_mask_blend_ps(_mm512_movepi32_mask((__m512i) mask), (__m512) no, (__m512) yes);
#elif W == 8
    return (vf) _mm256_blendv_ps((__m256) no, (__m256) yes, (__m256) mask);
#else
    return (vf) ((mask & (vi) yes) | (~mask & (vi) no));
#endif
}

/* a > b ? a : b lane by lane, as the reference's comparisons; maxps computes exactly that. */
static inline vf vmax(vf a, vf b) {
#if W == 16
    return (vf) _mm512_max_ps((__m512) a, (__m512) b);
#elif W == 8
    return (vf) _mm256_max_ps((__m256) a, (__m256) b);
#else
    return (vf) _mm_max_ps((__m128) a, (__m128) b);
#endif
}

static inline int any(vi mask) {
#if W == 16
    return _mm512_movepi32_mask((__m512i) mask) != 0;
#elif W == 8
    return _mm256_movemask_ps((__m256) mask) != 0;
#else
    return _mm_movemask_ps((__m128) mask) != 0;
#endif
}

static inline double hsum(vf v) {
    double s = 0;
    for (int l = 0; l < W; l++) s += v[l];
    return s;
}

static inline float hmax(vf v) {
    float m = v[0];
    for (int l = 1; l < W; l++) m = v[l] > m ? v[l] : m;
    return m;
}

/* base[offsets[l]] in lane l: rows of fewer than 2W classes are compared one row per lane. */
static inline vf gather(const float *base, vi offsets) {
#if W == 16
    return (vf) _mm512_i32gather_ps((__m512i) offsets, base, 4);
#elif W == 8
    return (vf) _mm256_i32gather_ps(base, (__m256i) offsets, 4);
#else
    vf v;
    for (int l = 0; l < W; l++) v[l] = base[offsets[l]];
    return v;
#endif
}

static inline vi lane_offsets(int k) {
    vi offsets;
    for (int l = 0; l < W; l++) offsets[l] = l * k;
    return offsets;
}

/* ln x for x > 0 (subnormals included); callers mask x <= 0. */
static inline vf vlog(vf x) {
    vi subnormal = x < 1.17549435e-38f;
    x = blend(subnormal, x * 8388608.0f, x);
    vi bits = (vi) x;
    vi e = ((bits >> 23) & 0xff) - 126 - (subnormal & 23); /* x = m·2^e, m in [0.5, 1) */
    vf m = (vf) ((bits & 0x007fffff) | 0x3f000000);
    vi low = m < 0.707106781f;
    e += low; /* low is -1 where m < sqrt(1/2): m doubles, e drops by one */
    m = blend(low, m + m, m) - 1.0f;
    vf fe = __builtin_convertvector(e, vf);
    vf z = m * m;
    vf y = splat(7.0376836292e-2f);
    y = y * m - 1.1514610310e-1f;
    y = y * m + 1.1676998740e-1f;
    y = y * m - 1.2420140846e-1f;
    y = y * m + 1.4249322787e-1f;
    y = y * m - 1.6668057665e-1f;
    y = y * m + 2.0000714765e-1f;
    y = y * m - 2.4999993993e-1f;
    y = y * m + 3.3333331174e-1f;
    y = y * m * z + fe * -2.12194440e-4f - 0.5f * z;
    return m + y + fe * 0.693359375f;
}

/* e^x for x <= 0, clamped at ln FLT_MIN below (the terms it feeds are then negligible, never NaN). */
static inline vf vexp_nonpositive(vf x) {
    vf fx = x * 1.44269504088896341f + 0.5f;
    vf t = __builtin_convertvector(__builtin_convertvector(fx, vi), vf);
    t = blend(t > fx, t - 1.0f, t); /* floor */
    x = x - t * 0.693359375f - t * -2.12194440e-4f;
    vf z = x * x;
    vf y = splat(1.9875691500e-4f);
    y = y * x + 1.3981999507e-3f;
    y = y * x + 8.3334519073e-3f;
    y = y * x + 4.1665795894e-2f;
    y = y * x + 1.6666665459e-1f;
    y = y * x + 5.0000001201e-1f;
    y = y * z + x + 1.0f;
    return y * (vf) ((__builtin_convertvector(t, vi) + 127) << 23);
}

#define LN_FLT_MIN (-87.33654f)

/* ---- Rows: pieces that fit the scratch, sums in double ---- */

/* Pieces of rows of k values: r whole rows when k <= CHUNK, else one row in slices; values at base + i·k + c. */
#define FOR_PIECES(n, k, i, r, c, len)                                                                     \
    for (int i = 0, r; i < (n) && ((r = (k) <= CHUNK ? min_int(CHUNK / (k), (n) - i) : 1), 1); i += r)    \
        for (int c = 0, len; c < (k) && ((len = min_int(CHUNK, (k) - c)), 1); c += len)

/* t[0] + ... + t[len - 1] in double, four lanes at a time. */
static double row_sum(const float *t, int len) {
    if (len < 8) {
        double s = 0;
        for (int c = 0; c < len; c++) s += t[c];
        return s;
    }
    vd4 a = {0}, b = {0};
    int c = 0;
    for (; c + 8 <= len; c += 8) {
        vf4 x, y;
        memcpy(&x, t + c, sizeof x);
        memcpy(&y, t + c + 4, sizeof y);
        a += __builtin_convertvector(x, vd4);
        b += __builtin_convertvector(y, vd4);
    }
    double s = 0;
    for (; c < len; c++) s += t[c];
    a += b;
    return s + a[0] + a[1] + a[2] + a[3];
}

/* Rows of at least W values along the row; the last vector may overlap the one before (a max does not mind). */
static float row_max(const float *row, int k) {
    if (k >= W) {
        vf m = load(row);
        for (int c = W; c < k; c += W) m = vmax(load(row + min_int(c, k - W)), m);
        return hmax(m);
    }
    float max = row[0];
    for (int c = 1; c < k; c++) max = row[c] > max ? row[c] : max;
    return max;
}

static int row_argmax(const float *row, int k) {
    float max = row_max(row, k);
    for (int c = 0; c < k; c++) {
        if (row[c] == max) return c;
    }
    return 0; /* NaN maximum: the reference keeps class 0 */
}

/* The argmax of W consecutive narrow rows (k < 2W), one row per lane. */
static inline vi block_argmax(const float *block, int k) {
    vi offsets = lane_offsets(k);
    vi best = {0};
    vf max = gather(block, offsets);
    for (int c = 1; c < k; c++) {
        vf v = gather(block + c, offsets);
        vi greater = v > max;
        best = (greater & c) | (~greater & best);
        max = blend(greater, v, max);
    }
    return best;
}

/* out[i] = argmax of row i: W rows per vector for narrow rows, along the row for wide ones. */
static void argmax(const float *p, int n, int k, int32_t *out) {
    int i = 0;
    if (k < 2 * W) {
        for (; i + W <= n; i += W) {
            vi best = block_argmax(p + (size_t) i * k, k);
            memcpy(out + i, &best, sizeof best);
        }
    }
    for (; i < n; i++) out[i] = row_argmax(p + (size_t) i * k, k);
}

/* The maxima of W consecutive narrow rows, one row per lane (gathers pay only for rows shorter than a vector). */
static inline vf block_max(const float *block, int k) {
    vi offsets = lane_offsets(k);
    vf max = gather(block, offsets);
    for (int c = 1; c < k; c++) max = vmax(gather(block + c, offsets), max);
    return max;
}

static void least_confidence(const float *p, int n, int k, float *out) {
    for (int i = 0; i < n; i++) out[i] = 1.0f - row_max(p + (size_t) i * k, k);
}

/*
 * The two largest, branch-free: the smaller of v and the first competes for second place. Lane-wise on vectors and
 * value by value on the rest; the same pairs as the reference's if/else for every non-NaN input.
 */
static void margin(const float *p, int n, int k, float *out) {
    for (int i = 0; i < n; i++) {
        const float *row = p + (size_t) i * k;
        float first = -INFINITY, second = -INFINITY;
        int c = 0;
        if (k >= 2 * W) {
            vf f = splat(-INFINITY), s = splat(-INFINITY);
            for (; c + W <= k; c += W) {
                vf v = load(row + c);
                vf low = blend(v < f, v, f);
                s = vmax(low, s);
                f = vmax(v, f);
            }
            first = hmax(f);
            for (int l = 0; l < W; l++) {
                /* the runner-up is the best second of any lane, or another lane's first */
                float other = f[l] < first ? f[l] : second;
                second = s[l] > second ? s[l] : second;
                second = other > second ? other : second;
            }
            int winners = 0;
            for (int l = 0; l < W; l++) winners += f[l] == first;
            if (winners > 1) second = first;
        }
        for (; c < k; c++) {
            float v = row[c];
            float low = v < first ? v : first;
            second = low > second ? low : second;
            first = v > first ? v : first;
        }
        out[i] = first - (second > 0.0f ? second : 0.0f);
    }
}

static void entropy(const float *p, int n, int k, float *out) {
    float t[CHUNK + W];
    double h[CHUNK];
    FOR_PIECES(n, k, i, r, c, len) {
        const float *x = p + (size_t) i * k + c;
        for (int j = 0; j < r * len; j += W) {
            vf v = load_n(x, j, r * len);
            store(t + j, blend(v > 0.0f, -v * vlog(v), splat(0.0f)));
        }
        for (int j = 0; j < r; j++) h[j] = (c == 0 ? 0 : h[j]) + row_sum(t + j * len, len);
        if (c + len == k) {
            for (int j = 0; j < r; j++) out[i + j] = (float) h[j];
        }
    }
}

/* Narrow rows, one per lane: fewer than 2W terms per sum, each at most 1, so float lanes lose nothing visible. */
static inline vf block_logit_entropy(const float *block, int k) {
    vi offsets = lane_offsets(k);
    vf max = block_max(block, k);
    vf sum = {0}, weighted = {0};
    for (int c = 0; c < k; c++) {
        vf d = vmax(gather(block + c, offsets) - max, splat(LN_FLT_MIN));
        vf e = vexp_nonpositive(d);
        sum += e;
        weighted += d * e;
    }
    return vmax(vlog(sum) - weighted / sum, splat(0.0f));
}

/* H = ln S - (Σ d·e^d) / S with d = z - max, S = Σ e^d: W rows per vector when k < W, else pieces in double. */
static void entropy_from_logits(const float *z, int n, int k, float *out) {
    float d[CHUNK + W], e[CHUNK + W], w[CHUNK + W], max[CHUNK];
    double sum[CHUNK], weighted[CHUNK];
    int start = 0;
    if (k < W) {
        for (; start + W <= n; start += W) store(out + start, block_logit_entropy(z + (size_t) start * k, k));
        z += (size_t) start * k;
        out += start;
    }
    FOR_PIECES(n - start, k, i, r, c, len) {
        const float *x = z + (size_t) i * k + c;
        for (int j = 0; j < r; j++) {
            if (c == 0) {
                max[j] = row_max(z + (size_t) (i + j) * k, k);
                sum[j] = weighted[j] = 0;
            }
            for (int col = 0; col < len; col++) {
                float shifted = x[j * k + col] - max[j];
                d[j * len + col] = shifted > LN_FLT_MIN ? shifted : LN_FLT_MIN;
            }
        }
        memset(d + r * len, 0, sizeof(float) * W);
        for (int j = 0; j < r * len; j += W) {
            vf v = load(d + j);
            vf ev = vexp_nonpositive(v);
            store(e + j, ev);
            store(w + j, v * ev);
        }
        for (int j = 0; j < r; j++) {
            sum[j] += row_sum(e + j * len, len);
            weighted[j] += row_sum(w + j * len, len);
        }
        if (c + len == k) {
            /* ln S on vectors too: S is in [1, k], so single precision costs under 1e-7 */
            for (int j = 0; j < r; j++) d[j] = (float) sum[j];
            for (int j = 0; j < r; j += W) store(e + j, vlog(load_n(d, j, r)));
            for (int j = 0; j < r; j++) {
                double h = e[j] - weighted[j] / sum[j];
                out[i + j] = (float) (h > 0 ? h : 0);
            }
        }
    }
}

/* H = -Σ_classes (v/C)·ln(v/C) over the votes v; counts live in a k-sized array that is left zeroed. */
static int vote_entropy(const float **members, int committee, int n, int k, float *out) {
    int32_t votes[MAX_COMMITTEE][W];
    double xlogx[MAX_COMMITTEE + 1];
    int *count = calloc((size_t) k, sizeof *count);
    if (count == NULL) return -1;
    for (int v = 1; v <= committee; v++) xlogx[v] = (double) v / committee * log((double) v / committee);
    for (int i = 0; i < n; i += W) {
        int rows = min_int(W, n - i);
        for (int m = 0; m < committee; m++) {
            const float *block = members[m] + (size_t) i * k;
            if (rows == W && k < 2 * W) {
                vi best = block_argmax(block, k);
                memcpy(votes[m], &best, sizeof best);
            } else {
                for (int l = 0; l < rows; l++) votes[m][l] = row_argmax(block + (size_t) l * k, k);
            }
        }
        for (int l = 0; l < rows; l++) {
            for (int m = 0; m < committee; m++) count[votes[m][l]]++;
            double h = 0;
            for (int m = 0; m < committee; m++) {
                int32_t vote = votes[m][l];
                h -= count[vote] > 0 ? xlogx[count[vote]] : 0;
                count[vote] = 0;
            }
            out[i + l] = (float) h;
        }
    }
    free(count);
    return 0;
}

/* KL(member ‖ consensus) summed in double per member and row, clamped at 0, then mean or max over members. */
static int kl_to_consensus(const float **members, int committee, int n, int k, int use_max, float *out) {
    float q[CHUNK + W], t[CHUNK + W];
    double consensus[CHUNK];
    double *kl = malloc(sizeof(double) * (size_t) committee * CHUNK);
    if (kl == NULL) return -1;
    FOR_PIECES(n, k, i, r, c, len) {
        size_t base = (size_t) i * k + c;
        int count = r * len;
        for (int j = 0; j < count; j++) consensus[j] = 0;
        for (int m = 0; m < committee; m++) {
            for (int j = 0; j < count; j++) consensus[j] += members[m][base + j];
        }
        for (int j = 0; j < count; j++) q[j] = (float) (consensus[j] / committee);
        for (int j = count; j < count + W; j++) q[j] = 1.0f; /* padding: 0 / 1, masked */
        for (int m = 0; m < committee; m++) {
            const float *p = members[m] + base;
            for (int j = 0; j < count; j += W) {
                vf v = load_n(p, j, count);
                store(t + j, blend(v > 0.0f, v * vlog(v / load(q + j)), splat(0.0f)));
            }
            double *acc = kl + (size_t) m * CHUNK;
            for (int j = 0; j < r; j++) acc[j] = (c == 0 ? 0 : acc[j]) + row_sum(t + j * len, len);
        }
        if (c + len == k) {
            for (int j = 0; j < r; j++) {
                double sum = 0, worst = 0;
                for (int m = 0; m < committee; m++) {
                    double divergence = kl[(size_t) m * CHUNK + j];
                    divergence = divergence > 0 ? divergence : 0;
                    sum += divergence;
                    worst = divergence > worst ? divergence : worst;
                }
                out[i + j] = (float) (use_max ? worst : sum / committee);
            }
        }
    }
    free(kl);
    return 0;
}

/* ---- Top-b: a heap of the b best keys; whole vectors that cannot beat its root are skipped ---- */

/* The reference's sort key, high half: ascending = better; -0 taken as +0. The low half is the row index. */
static inline int32_t key_high(float score, int largest) {
    float v = score + 0.0f;
    int32_t bits;
    memcpy(&bits, &v, sizeof bits);
    int32_t ordered = bits ^ ((bits >> 31) & 0x7FFFFFFF);
    return largest ? ~ordered : ordered;
}

static inline int64_t sort_key(float score, int index, int largest) {
    return (int64_t) ((uint64_t) (uint32_t) key_high(score, largest) << 32 | (uint32_t) index);
}

/* Max-heap: the root is the worst of the b kept, the key a newcomer must beat. */
static void sift_down(int64_t *heap, int size, int root) {
    int64_t value = heap[root];
    for (int child; (child = 2 * root + 1) < size; root = child) {
        if (child + 1 < size && heap[child + 1] > heap[child]) child++;
        if (heap[child] <= value) break;
        heap[root] = heap[child];
    }
    heap[root] = value;
}

static inline void offer(int64_t *heap, int b, int64_t key) {
    if (key < heap[0]) {
        heap[0] = key;
        sift_down(heap, b, 0);
    }
}

static void top_b(const float *scores, int n, int b, int largest, int64_t *heap, int32_t *out) {
    for (int i = 0; i < b; i++) heap[i] = sort_key(scores[i], i, largest);
    for (int root = b / 2 - 1; root >= 0; root--) sift_down(heap, b, root);
    int i = b;
    /* A later index never wins a tie, so only a strictly better high half can enter. */
    for (; i + W <= n; i += W) {
        vf v = load(scores + i) + 0.0f;
        vi ordered = (vi) v ^ (((vi) v >> 31) & 0x7FFFFFFF);
        vi high = largest ? ~ordered : ordered;
        if (any(high < (int32_t) (heap[0] >> 32))) {
            for (int l = 0; l < W; l++) offer(heap, b, sort_key(scores[i + l], i + l, largest));
        }
    }
    for (; i < n; i++) offer(heap, b, sort_key(scores[i], i, largest));
    for (int end = b - 1; end > 0; end--) {
        int64_t t = heap[0];
        heap[0] = heap[end];
        heap[end] = t;
        sift_down(heap, end, 0);
    }
    for (int j = 0; j < b; j++) out[j] = (int32_t) (uint32_t) heap[j];
}

/* ---- Features: two accumulators of W lanes, summed in double at the end ---- */

static inline float dot_row(const float *x, const float *v, int d) {
    vf a = {0}, b = {0};
    int j = 0;
    for (; j + 2 * W <= d; j += 2 * W) {
        a += load(x + j) * load(v + j);
        b += load(x + j + W) * load(v + j + W);
    }
    for (; j < d; j += W) a += load_n(x, j, d) * load_n(v, j, d);
    return (float) hsum(a + b);
}

static inline float distance_row(const float *x, const float *q, int d) {
    vf a = {0}, b = {0};
    int j = 0;
    for (; j + 2 * W <= d; j += 2 * W) {
        vf u = load(x + j) - load(q + j);
        vf w = load(x + j + W) - load(q + j + W);
        a += u * u;
        b += w * w;
    }
    for (; j < d; j += W) {
        vf u = load_n(x, j, d) - load_n(q, j, d);
        a += u * u;
    }
    return (float) hsum(a + b);
}

static void dot(const float *x, int n, int d, const float *v, float *out) {
    for (int i = 0; i < n; i++) out[i] = dot_row(x + (size_t) i * d, v, d);
}

static void squared_distances(const float *x, int n, int d, const float *q, float *out) {
    for (int i = 0; i < n; i++) out[i] = distance_row(x + (size_t) i * d, q, d);
}

/* One k-center step: min distance to the new center c, and the first row farthest from every center. */
static int update_min_distances(const float *x, int n, int d, const float *c, float *min) {
    int best = 0;
    float farthest = -INFINITY;
    for (int i = 0; i < n; i++) {
        float dist = distance_row(x + (size_t) i * d, c, d);
        float updated = dist < min[i] ? dist : min[i];
        min[i] = updated;
        if (updated > farthest) {
            farthest = updated;
            best = i;
        }
    }
    return best;
}

const struct kernels TABLE_NAME(LEVEL) = {
    argmax, least_confidence, margin, entropy, entropy_from_logits, vote_entropy, kl_to_consensus,
    top_b, dot, squared_distances, update_min_distances,
};
