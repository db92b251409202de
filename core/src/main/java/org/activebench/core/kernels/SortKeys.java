package org.activebench.core.kernels;

/**
 * In-place selection and sorting of distinct long sort keys (score bits above, row index below) for top-b.
 * {@code Arrays.sort} would do, but it allocates merge buffers for the partly sorted buffers top-b produces,
 * and kernels must not allocate per call.
 */
final class SortKeys {
    private SortKeys() {
    }

    /** Rearranges {@code a[0, size)} so that {@code a[0, b)} holds its b smallest keys, in no particular order. */
    static void selectSmallest(long[] a, int size, int b) {
        int lo = 0;
        int hi = size - 1;
        int target = b - 1;
        while (lo < hi) {
            long pivot = median(a[lo], a[(lo + hi) >>> 1], a[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    long t = a[i];
                    a[i++] = a[j];
                    a[j--] = t;
                }
            }
            if (target <= j) {
                hi = j;
            } else if (target >= i) {
                lo = i;
            } else {
                return;
            }
        }
    }

    /** Sorts {@code a[0, size)} ascending (heapsort: in place, n log n whatever the input). */
    static void sort(long[] a, int size) {
        for (int root = size / 2 - 1; root >= 0; root--) {
            siftDown(a, root, size);
        }
        for (int end = size - 1; end > 0; end--) {
            long t = a[0];
            a[0] = a[end];
            a[end] = t;
            siftDown(a, 0, end);
        }
    }

    private static void siftDown(long[] a, int root, int size) {
        long value = a[root];
        int child;
        while ((child = 2 * root + 1) < size) {
            if (child + 1 < size && a[child + 1] > a[child]) {
                child++;
            }
            if (a[child] <= value) {
                break;
            }
            a[root] = a[child];
            root = child;
        }
        a[root] = value;
    }

    private static long median(long a, long b, long c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }
}
