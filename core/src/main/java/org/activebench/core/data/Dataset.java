package org.activebench.core.data;

import java.util.List;
import org.activebench.core.ActiveBenchException;

/**
 * A labelled data set held densely: features as one row-major {@code float[]} (no per-sample objects),
 * labels as class indices into {@link #classNames()}.
 *
 * @param name         short name used in results (e.g. {@code digits})
 * @param x            n x d features, row-major
 * @param y            n labels, each in [0, classNames.size())
 * @param classNames   class names; the index is the label
 * @param featureNames d feature names
 */
public record Dataset(String name, float[] x, int[] y, List<String> classNames, List<String> featureNames) {

    public Dataset {
        classNames = List.copyOf(classNames);
        featureNames = List.copyOf(featureNames);
        if (x.length != (long) y.length * featureNames.size()) {
            throw new IllegalArgumentException("x has " + x.length + " values, expected " + y.length + " x "
                    + featureNames.size());
        }
        for (int label : y) {
            if (label < 0 || label >= classNames.size()) {
                throw new IllegalArgumentException("label " + label + " outside [0, " + classNames.size() + ")");
            }
        }
    }

    public int size() {
        return y.length;
    }

    public int dimension() {
        return featureNames.size();
    }

    public int classCount() {
        return classNames.size();
    }

    /** Number of samples of each class. */
    public int[] classCounts() {
        int[] counts = new int[classCount()];
        for (int label : y) {
            counts[label]++;
        }
        return counts;
    }

    /** Fails unless at least two classes are present: no query strategy means anything otherwise. */
    public Dataset requireTwoClasses() {
        int present = 0;
        for (int c : classCounts()) {
            if (c > 0) {
                present++;
            }
        }
        if (present < 2) {
            throw new ActiveBenchException("dataset '" + name + "' has " + present
                    + " class(es); active learning needs at least 2");
        }
        return this;
    }
}
