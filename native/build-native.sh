#!/usr/bin/env bash
# Compiles libactivebench.so into the given class directory, under the platform path NativeLibrary looks for:
# simd_kernels.c once per instruction-set level, plus the JNI layer. Without gcc or the JDK's JNI headers it says
# so in one line and builds nothing: the Java backends still work.
set -euo pipefail
src="$(dirname "$0")/src/main/c"
out="$1/org/activebench/nativekernels/linux-x86_64"
jdk="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}"
if [ "$(uname -s)-$(uname -m)" != Linux-x86_64 ]; then
  echo "native: not Linux x86-64, no native library (Panama serves)"; exit 0
fi
if ! command -v gcc >/dev/null || [ ! -f "$jdk/include/jni.h" ]; then
  echo "native: gcc or $jdk/include/jni.h missing, no native library (Panama serves)"; exit 0
fi
objects="$(mktemp -d)"
trap 'rm -rf "$objects"' EXIT
flags=(-O3 -fPIC -fno-math-errno -Wall -Wextra -Werror)
for level in "x86-64 4 sse2" "x86-64-v3 8 avx2" "x86-64-v4 16 avx512"; do
  read -r arch lanes name <<<"$level"
  gcc "${flags[@]}" -march="$arch" -DW="$lanes" -DLEVEL="$name" -c "$src/simd_kernels.c" -o "$objects/$name.o"
done
gcc "${flags[@]}" -I"$jdk/include" -I"$jdk/include/linux" -c "$src/activebench_jni.c" -o "$objects/jni.o"
mkdir -p "$out"
gcc -shared "$objects"/*.o -o "$out/libactivebench.so" -lm
