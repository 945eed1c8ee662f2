package io.edgeinfer.cli.demo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws a scenario timeline as one PNG with three charts sharing the time axis: battery level, p99 latency, and
 * the variant in service.
 */
public final class TimelinePlot {

    private static final int WIDTH = 1000;
    private static final int HEIGHT = 260;

    private TimelinePlot() {
    }

    /** Writes the PNG, creating the parent folder if needed. */
    public static void write(Path file, String title, List<TimelinePoint> points, List<String> variants)
            throws IOException {
        List<Double> seconds = points.stream().map(TimelinePoint::seconds).toList();
        XYChart battery = chart(title + ": battery level", "battery (%)");
        battery.addSeries("battery", seconds, points.stream().map(p -> p.batteryLevel() * 100).toList())
                .setMarker(SeriesMarkers.NONE);

        XYChart latency = chart("p99 latency per second, publish to reply", "latency (ms)");
        List<Double> latencySeconds = new ArrayList<>();
        List<Double> latencyValues = new ArrayList<>();
        for (TimelinePoint point : points) {
            if (!Double.isNaN(point.p99Millis())) {
                latencySeconds.add(point.seconds());
                latencyValues.add(point.p99Millis());
            }
        }
        if (!latencySeconds.isEmpty()) {
            latency.addSeries("p99", latencySeconds, latencyValues).setMarker(SeriesMarkers.NONE);
        }

        XYChart active = chart("variant in service (one row per variant)", "variant");
        for (int i = 0; i < variants.size(); i++) {
            String name = variants.get(i);
            List<Double> served = points.stream().filter(p -> name.equals(p.variant()))
                    .map(TimelinePoint::seconds).toList();
            if (!served.isEmpty()) {
                double row = i;
                XYSeries series = active.addSeries(name, served, served.stream().map(t -> row).toList());
                series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                series.setMarker(SeriesMarkers.SQUARE);
            }
        }
        active.getStyler().setLegendVisible(true);
        active.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        active.getStyler().setYAxisTicksVisible(false);
        active.getStyler().setYAxisMin(-1.0);
        active.getStyler().setYAxisMax((double) variants.size());

        BufferedImage image = new BufferedImage(WIDTH, HEIGHT * 3, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
        int y = 0;
        for (XYChart chart : List.of(battery, latency, active)) {
            graphics.drawImage(BitmapEncoder.getBufferedImage(chart), 0, y, null);
            y += HEIGHT;
        }
        graphics.dispose();
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        ImageIO.write(image, "png", file.toFile());
    }

    private static XYChart chart(String title, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle("time (s)")
                .yAxisTitle(yTitle).build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setXAxisTickMarkSpacingHint(80);
        return chart;
    }
}
