package io.edgeinfer.compression.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Scatter plots of accuracy against size and against latency, one point per variant, written as PNG. */
final class ReportPlots {

    static final String SIZE_PLOT = "accuracy-vs-size.png";
    static final String LATENCY_PLOT = "accuracy-vs-latency.png";

    private ReportPlots() {
    }

    /** Writes both plots into {@code dir}, replacing older ones. */
    static void write(List<ReportRow> rows, Path dir) throws IOException {
        Files.createDirectories(dir);
        save(chart("Accuracy against compressed size", "gzip size of the SavedModel files (MiB)", rows,
                row -> row.compressedBytes() / 1048576.0), dir.resolve(SIZE_PLOT));
        save(chart("Accuracy against latency", "median latency at batch 1 (ms)", rows, ReportRow::batch1Millis),
                dir.resolve(LATENCY_PLOT));
    }

    private static final Marker[] MARKERS = {SeriesMarkers.CIRCLE, SeriesMarkers.DIAMOND, SeriesMarkers.SQUARE,
        SeriesMarkers.TRIANGLE_UP, SeriesMarkers.TRIANGLE_DOWN, SeriesMarkers.CROSS, SeriesMarkers.PLUS};

    /** Dark colours that stay readable on white, unlike the pale ones in XChart's default palette. */
    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0x9467bd), new Color(0xff7f0e), new Color(0x17becf), new Color(0x8c564b), Color.BLACK};

    private static XYChart chart(String title, String xTitle, List<ReportRow> rows, ToDoubleFunction<ReportRow> x) {
        XYChart chart = new XYChartBuilder().width(800).height(500).title(title).xAxisTitle(xTitle)
                .yAxisTitle("test accuracy (%)").build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(10);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        int index = 0;
        for (ReportRow row : rows) {
            double value = x.applyAsDouble(row);
            if (Double.isNaN(value) || value <= 0 || Double.isNaN(row.accuracy())) {
                continue;
            }
            XYSeries series = chart.addSeries(row.variant(), new double[] {value},
                    new double[] {row.accuracy() * 100});
            // Different shapes keep variants with equal figures, such as equal sizes, apart.
            series.setMarker(MARKERS[index % MARKERS.length]);
            series.setMarkerColor(COLORS[index % COLORS.length]);
            index++;
        }
        return chart;
    }

    private static void save(XYChart chart, Path file) throws IOException {
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}
