#!/usr/bin/env bash
# Compiles the native libraries into the given class directory, under the platform path NativeLibrary looks for:
#  - libactivebench.so with gcc: simd_kernels.c once per instruction-set level, plus the JNI layer;
#  - libactivebench_cuda.so with nvcc, when nvcc is installed (the CUDA runtime linked in statically).
# A missing compiler or JNI header is one line and no library: the Java backends still work.
set -euo pipefail
src="$(dirname "$0")/src/main"
out="$1/org/activebench/nativekernels/linux-x86_64"
jdk="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}"
if [ "$(uname -s)-$(uname -m)" != Linux-x86_64 ]; then
  echo "native: not Linux x86-64, no native library (Panama serves)"; exit 0
fi
if [ ! -f "$jdk/include/jni.h" ]; then
  echo "native: $jdk/include/jni.h missing, no native library (Panama serves)"; exit 0
fi
jni=(-I"$jdk/include" -I"$jdk/include/linux")
mkdir -p "$out"

if command -v gcc >/dev/null; then
  objects="$(mktemp -d)"
  trap 'rm -rf "$objects"' EXIT
  flags=(-O3 -fPIC -fno-math-errno -Wall -Wextra -Werror)
  for level in "x86-64 4 sse2" "x86-64-v3 8 avx2" "x86-64-v4 16 avx512"; do
    read -r arch lanes name <<<"$level"
    gcc "${flags[@]}" -march="$arch" -DW="$lanes" -DLEVEL="$name" -c "$src/c/simd_kernels.c" -o "$objects/$name.o"
  done
  gcc "${flags[@]}" "${jni[@]}" -c "$src/c/activebench_jni.c" -o "$objects/jni.o"
  gcc -shared "$objects"/*.o -o "$out/libactivebench.so" -lm
else
  echo "native: gcc missing, no C kernels (Panama serves)"
fi

nvcc="$(command -v nvcc || true)"
if [ -z "$nvcc" ] && [ -x /usr/local/cuda/bin/nvcc ]; then nvcc=/usr/local/cuda/bin/nvcc; fi
if [ -n "$nvcc" ]; then
  # Ampere (A100) and Hopper (H100) code, plus Hopper PTX that newer GPUs compile at load time.
  "$nvcc" -O3 -std=c++17 -shared -Xcompiler -fPIC,-Wall,-Werror "${jni[@]}" \
    -gencode arch=compute_80,code=sm_80 -gencode arch=compute_90,code=sm_90 -gencode arch=compute_90,code=compute_90 \
    "$src/cuda/activebench_cuda.cu" -o "$out/libactivebench_cuda.so"
else
  echo "native: nvcc missing, no CUDA kernels (the cuda backend reports itself unavailable)"
fi
