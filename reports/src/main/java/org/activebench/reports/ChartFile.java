package org.activebench.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Base64;
import org.activebench.experiment.AtomicFiles;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * One chart written as PNG (for slides and READMEs) and SVG (for papers, and embedded in the HTML report).
 *
 * @param name file name without extension, unique within a report
 * @param alt  what the chart shows, in words (the HTML's alt text and caption)
 */
record ChartFile(String name, String alt, Path png, Path svg, byte[] svgBytes) {

    static ChartFile write(Chart<?, ?> chart, Path dir, String name, String alt) {
        try {
            byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
            ByteArrayOutputStream svg = new ByteArrayOutputStream();
            VectorGraphicsEncoder.saveVectorGraphic(chart, svg, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            Path pngFile = dir.resolve(name + ".png");
            Path svgFile = dir.resolve(name + ".svg");
            AtomicFiles.write(pngFile, png);
            AtomicFiles.write(svgFile, svg.toByteArray());
            return new ChartFile(name, alt, pngFile, svgFile, svg.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode chart " + name + ": " + e.getMessage(), e);
        }
    }

    /** The SVG as a data URI: the HTML report stays one self-contained file, and charts cannot clash on ids. */
    String dataUri() {
        return "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svgBytes);
    }
}
