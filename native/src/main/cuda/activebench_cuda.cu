/*
 * ActiveBench CUDA kernels, through JNI: row scoring (least confidence, margin, entropy) and top-b of large pools,
 * and the k-center (core-set) search with the embedding matrix resident on the device, one fused
 * distance-update + argmax per pick. Semantics are the Java reference's (ScalarKernels): 0·log 0 = 0, ties to
 * the lower index, top-b by the same 64-bit (score, index) keys. Every CUDA error becomes a CudaException with the
 * runtime's message; no call leaves device memory behind. Copyright ActiveBench contributors, GPL-3.0-or-later.
 */
#include <cub/device/device_radix_sort.cuh>
#include <cuda_runtime.h>
#include <jni.h>

#include <dlfcn.h>

#include <cfloat>
#include <cstdint>
#include <cstdio>

#define JNI(type, name) extern "C" JNIEXPORT type JNICALL Java_org_activebench_nativekernels_CudaKernels_##name

namespace {

constexpr int THREADS = 256;
constexpr int WARPS = THREADS / 32;

/* Throws a CudaException naming the failed step and the runtime's message; true when it did. */
bool failed(JNIEnv *env, cudaError_t status, const char *what) {
    if (status == cudaSuccess) return false;
    char message[512];
    snprintf(message, sizeof message, "CUDA %s failed: %s (%s)", what, cudaGetErrorString(status),
             cudaGetErrorName(status));
    env->ThrowNew(env->FindClass("org/activebench/nativekernels/CudaException"), message);
    return true;
}

/* Device memory that is freed when the call returns, however it returns. */
template <typename T> struct DeviceBuffer {
    T *ptr = nullptr;
    cudaError_t allocate(size_t count) { return cudaMalloc(&ptr, count * sizeof(T)); }
    ~DeviceBuffer() { cudaFree(ptr); }
};

/* A Java array pinned for the duration of a copy. */
struct Pinned {
    JNIEnv *env;
    jarray array;
    void *ptr;
    jint mode;
    Pinned(JNIEnv *e, jarray a, bool written) : env(e), array(a), ptr(e->GetPrimitiveArrayCritical(a, nullptr)),
                                                  mode(written ? 0 : JNI_ABORT) {}
    ~Pinned() { env->ReleasePrimitiveArrayCritical(array, ptr, mode); }
};

unsigned blocks_for(long long items) {
    long long blocks = (items + THREADS - 1) / THREADS;
    return (unsigned) (blocks < 65535 * 32 ? blocks : 65535 * 32);
}

/* ---- Row scores: one thread per row, a grid-stride loop ---- */

enum Score { LEAST_CONFIDENCE = 0, MARGIN = 1, ENTROPY = 2 };

__global__ void score_rows(const float *p, int n, int k, int op, float *out) {
    for (long long i = blockIdx.x * (long long) blockDim.x + threadIdx.x; i < n; i += (long long) gridDim.x * blockDim.x) {
        const float *row = p + i * k;
        if (op == ENTROPY) {
            double h = 0;
            for (int c = 0; c < k; c++) {
                float v = row[c];
                if (v > 0) h -= (double) v * log((double) v);
            }
            out[i] = (float) h;
        } else {
            float first = -INFINITY, second = -INFINITY;
            for (int c = 0; c < k; c++) {
                float v = row[c];
                second = v > first ? first : v > second ? v : second;
                first = v > first ? v : first;
            }
            out[i] = op == LEAST_CONFIDENCE ? 1.0f - first : first - fmaxf(second, 0.0f);
        }
    }
}

/* ---- Top-b: the reference's 64-bit keys, sorted on the device; the sign bit flipped for an unsigned sort ---- */

__global__ void sort_keys(const float *scores, int n, bool largest, unsigned long long *keys) {
    for (long long i = blockIdx.x * (long long) blockDim.x + threadIdx.x; i < n; i += (long long) gridDim.x * blockDim.x) {
        int32_t bits = __float_as_int(scores[i] + 0.0f);
        int32_t ordered = bits ^ ((bits >> 31) & 0x7FFFFFFF);
        int32_t high = largest ? ~ordered : ordered;
        unsigned long long key = ((unsigned long long) (uint32_t) high << 32) | (uint32_t) i;
        keys[i] = key ^ 0x8000000000000000ULL;
    }
}

/* ---- k-center: one warp per row, then the farthest row by a two-level (distance, lower index) reduction ---- */

struct Farthest {
    float distance;
    int index;
};

__device__ Farthest farther(Farthest a, Farthest b) {
    return b.distance > a.distance || (b.distance == a.distance && b.index < a.index) ? b : a;
}

__device__ Farthest warp_farthest(Farthest f) {
    for (int offset = 16; offset > 0; offset /= 2) {
        Farthest other{__shfl_down_sync(0xFFFFFFFF, f.distance, offset), __shfl_down_sync(0xFFFFFFFF, f.index, offset)};
        f = farther(f, other);
    }
    return f;
}

__device__ Farthest block_farthest(Farthest f) {
    __shared__ Farthest warps[WARPS];
    f = warp_farthest(f);
    int lane = threadIdx.x % 32, warp = threadIdx.x / 32;
    if (lane == 0) warps[warp] = f;
    __syncthreads();
    f = lane < WARPS ? warps[lane] : Farthest{-INFINITY, INT32_MAX};
    return warp == 0 ? warp_farthest(f) : f;
}

__global__ void update_min_distances(const float *x, int n, int d, int center, float *min, Farthest *partial) {
    int lane = threadIdx.x % 32;
    long long warp = (blockIdx.x * (long long) blockDim.x + threadIdx.x) / 32;
    long long warps = (long long) gridDim.x * blockDim.x / 32;
    const float *c = x + (long long) center * d;
    Farthest best{-INFINITY, INT32_MAX};
    for (long long i = warp; i < n; i += warps) {
        const float *row = x + i * d;
        float sum = 0;
        for (int j = lane; j < d; j += 32) {
            float diff = row[j] - c[j];
            sum += diff * diff;
        }
        for (int offset = 16; offset > 0; offset /= 2) sum += __shfl_down_sync(0xFFFFFFFF, sum, offset);
        if (lane == 0) {
            float updated = fminf(sum, min[i]);
            min[i] = updated;
            best = farther(best, Farthest{updated, (int) i});
        }
    }
    best = block_farthest(best);
    if (threadIdx.x == 0) partial[blockIdx.x] = best;
}

__global__ void reduce_farthest(const Farthest *partial, int count, Farthest *result) {
    Farthest best{-INFINITY, INT32_MAX};
    for (int i = threadIdx.x; i < count; i += blockDim.x) best = farther(best, partial[i]);
    best = block_farthest(best);
    if (threadIdx.x == 0) *result = best;
}

__global__ void fill(float *values, int n, float value) {
    for (long long i = blockIdx.x * (long long) blockDim.x + threadIdx.x; i < n; i += (long long) gridDim.x * blockDim.x) {
        values[i] = value;
    }
}

/* A k-center search's device state: the rows, the min distances, the per-block and final farthest rows. */
struct KCenter {
    int n, d;
    unsigned blocks;
    float *x = nullptr, *min = nullptr;
    Farthest *partial = nullptr, *result = nullptr;
    ~KCenter() {
        cudaFree(x);
        cudaFree(min);
        cudaFree(partial);
        cudaFree(result);
    }
};

}  // namespace

/* Null when a device can be used, else why not. */
JNI(jstring, probe0)(JNIEnv *env, jclass) {
    /* Without the driver the runtime would only say its version is "insufficient". */
    void *driver = dlopen("libcuda.so.1", RTLD_LAZY);
    if (driver == nullptr) return env->NewStringUTF("no NVIDIA driver (libcuda.so.1 not found)");
    dlclose(driver);
    int count = 0;
    cudaError_t status = cudaGetDeviceCount(&count);
    if (status != cudaSuccess) {
        char message[256];
        snprintf(message, sizeof message, "no usable CUDA device: %s", cudaGetErrorString(status));
        return env->NewStringUTF(message);
    }
    return count == 0 ? env->NewStringUTF("no CUDA device") : nullptr;
}

/* Device 0: name, memory, compute capability, driver and runtime versions. */
JNI(jstring, describe0)(JNIEnv *env, jclass) {
    cudaDeviceProp prop;
    int driver = 0, runtime = 0;
    if (failed(env, cudaGetDeviceProperties(&prop, 0), "device query")) return nullptr;
    cudaDriverGetVersion(&driver);
    cudaRuntimeGetVersion(&runtime);
    char text[512];
    snprintf(text, sizeof text, "%s, %.1f GiB, %d SMs, compute %d.%d, driver %d.%d, runtime %d.%d", prop.name,
             prop.totalGlobalMem / 1073741824.0, prop.multiProcessorCount, prop.major, prop.minor, driver / 1000,
             driver % 1000 / 10, runtime / 1000, runtime % 1000 / 10);
    return env->NewStringUTF(text);
}

JNI(void, score0)(JNIEnv *env, jclass, jint op, jfloatArray p, jint n, jint k, jfloatArray out) {
    DeviceBuffer<float> rows, scores;
    if (failed(env, rows.allocate((size_t) n * k), "allocation of the rows") ||
        failed(env, scores.allocate(n), "allocation of the scores")) return;
    {
        Pinned host(env, p, false);
        if (failed(env, cudaMemcpy(rows.ptr, host.ptr, sizeof(float) * n * k, cudaMemcpyHostToDevice), "upload")) return;
    }
    score_rows<<<blocks_for(n), THREADS>>>(rows.ptr, n, k, op, scores.ptr);
    if (failed(env, cudaGetLastError(), "scoring kernel launch")) return;
    Pinned host(env, out, true);
    failed(env, cudaMemcpy(host.ptr, scores.ptr, sizeof(float) * n, cudaMemcpyDeviceToHost), "scoring or download");
}

JNI(void, topB0)(JNIEnv *env, jclass, jfloatArray scores, jint n, jint b, jboolean largest, jintArray out) {
    DeviceBuffer<float> values;
    DeviceBuffer<unsigned long long> keys, sorted;
    DeviceBuffer<char> temp;
    size_t temp_bytes = 0;
    cub::DeviceRadixSort::SortKeys(nullptr, temp_bytes, keys.ptr, sorted.ptr, n);
    if (failed(env, values.allocate(n), "allocation of the scores") ||
        failed(env, keys.allocate(n), "allocation of the keys") ||
        failed(env, sorted.allocate(n), "allocation of the sorted keys") ||
        failed(env, temp.allocate(temp_bytes), "allocation of the sort's scratch")) return;
    {
        Pinned host(env, scores, false);
        if (failed(env, cudaMemcpy(values.ptr, host.ptr, sizeof(float) * n, cudaMemcpyHostToDevice), "upload")) return;
    }
    sort_keys<<<blocks_for(n), THREADS>>>(values.ptr, n, largest, keys.ptr);
    if (failed(env, cudaGetLastError(), "key kernel launch") ||
        failed(env, cub::DeviceRadixSort::SortKeys(temp.ptr, temp_bytes, keys.ptr, sorted.ptr, n), "radix sort")) return;
    unsigned long long *best = new unsigned long long[b];
    if (!failed(env, cudaMemcpy(best, sorted.ptr, sizeof *best * b, cudaMemcpyDeviceToHost), "sort or download")) {
        jint *indices = new jint[b];
        for (int j = 0; j < b; j++) indices[j] = (jint) (uint32_t) best[j];
        env->SetIntArrayRegion(out, 0, b, indices);
        delete[] indices;
    }
    delete[] best;
}

/* Uploads the n x d rows once; every min distance starts at +infinity. Returns the search's handle. */
JNI(jlong, kCenterOpen0)(JNIEnv *env, jclass, jfloatArray x, jint n, jint d) {
    KCenter *search = new KCenter;
    search->n = n;
    search->d = d;
    search->blocks = blocks_for((long long) n * 32) < 4096 ? blocks_for((long long) n * 32) : 4096;
    bool ok = !failed(env, cudaMalloc(&search->x, sizeof(float) * n * d), "allocation of the rows") &&
              !failed(env, cudaMalloc(&search->min, sizeof(float) * n), "allocation of the distances") &&
              !failed(env, cudaMalloc(&search->partial, sizeof(Farthest) * search->blocks), "allocation") &&
              !failed(env, cudaMalloc(&search->result, sizeof(Farthest)), "allocation");
    if (ok) {
        Pinned host(env, x, false);
        ok = !failed(env, cudaMemcpy(search->x, host.ptr, sizeof(float) * n * d, cudaMemcpyHostToDevice), "upload");
    }
    if (ok) {
        fill<<<blocks_for(n), THREADS>>>(search->min, n, INFINITY);
        ok = !failed(env, cudaGetLastError(), "initialisation");
    }
    if (!ok) {
        delete search;
        return 0;
    }
    return (jlong) (intptr_t) search;
}

/* Makes row `center` a center: one fused pass updates every min distance and finds the farthest row. */
JNI(jint, kCenterAdd0)(JNIEnv *env, jclass, jlong handle, jint center) {
    KCenter *search = (KCenter *) (intptr_t) handle;
    update_min_distances<<<search->blocks, THREADS>>>(search->x, search->n, search->d, center, search->min,
                                                      search->partial);
    reduce_farthest<<<1, THREADS>>>(search->partial, search->blocks, search->result);
    Farthest farthest{0, 0};
    if (failed(env, cudaGetLastError(), "k-center kernel launch") ||
        failed(env, cudaMemcpy(&farthest, search->result, sizeof farthest, cudaMemcpyDeviceToHost), "k-center step")) {
        return -1;
    }
    return farthest.index;
}

JNI(void, kCenterDistances0)(JNIEnv *env, jclass, jlong handle, jfloatArray out) {
    KCenter *search = (KCenter *) (intptr_t) handle;
    Pinned host(env, out, true);
    failed(env, cudaMemcpy(host.ptr, search->min, sizeof(float) * search->n, cudaMemcpyDeviceToHost), "download");
}

JNI(void, kCenterClose0)(JNIEnv *, jclass, jlong handle) {
    delete (KCenter *) (intptr_t) handle;
}
