package org.activebench.core.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Labelled texts, before they become features: {@code labels} is a data set with no features that holds the
 * class names and each text's label, so that class handling is the same as for numeric data.
 */
public record TextCorpus(List<String> texts, Dataset labels) {

    public TextCorpus {
        texts = List.copyOf(texts);
    }

    /** The data set with these features (row-major, one row per text) in place of the texts. */
    public Dataset withFeatures(float[] x, List<String> featureNames) {
        return new Dataset(labels.name(), x, labels.y(), labels.classNames(), featureNames);
    }

    /** Collects texts and labels; a missing label is an error naming the line, as for numeric data. */
    static final class Builder {
        private final List<String> texts = new ArrayList<>();
        private final DatasetBuilder labels;

        Builder(String name, String file) {
            labels = new DatasetBuilder(name, file, List.of(), MissingValues.ERROR);
        }

        void declareClasses(List<String> classes) {
            labels.declareClasses(classes);
        }

        void add(String text, String label, int line) {
            labels.account(2L * text.length(), line);
            texts.add(text);
            labels.add(new float[0], Fields.isMissing(label) ? null : label, line);
        }

        TextCorpus build() {
            return new TextCorpus(texts, labels.build());
        }
    }
}
