#!/usr/bin/env bash
# Compiles libactivebench.so into the given class directory, under the platform path NativeLibrary looks for.
# Without gcc or the JDK's JNI headers it says so in one line and builds nothing: the Java backends still work.
set -euo pipefail
src="$(dirname "$0")/src/main/c/activebench_kernels.c"
out="$1/org/activebench/nativekernels/linux-x86_64"
jdk="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}"
if [ "$(uname -s)-$(uname -m)" != Linux-x86_64 ]; then
  echo "native: not Linux x86-64, no native library (Panama serves)"; exit 0
fi
if ! command -v gcc >/dev/null || [ ! -f "$jdk/include/jni.h" ]; then
  echo "native: gcc or $jdk/include/jni.h missing, no native library (Panama serves)"; exit 0
fi
mkdir -p "$out"
gcc -O3 -fPIC -shared -fno-math-errno -Wall -Wextra -Werror -I"$jdk/include" -I"$jdk/include/linux" \
  "$src" -o "$out/libactivebench.so" -lm
