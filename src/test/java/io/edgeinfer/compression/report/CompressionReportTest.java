package io.edgeinfer.compression.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.model.ModelCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompressionReportTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    Path dir;

    @Test
    void sectionReplacedBetweenMarkers() {
        String document = "# Title\n\nbefore\n" + CompressionReport.BEGIN + "\nold table\n" + CompressionReport.END
                + "\nafter\n";

        String updated = CompressionReport.replaceSection(document, CompressionReport.BEGIN + "\nnew\n"
                + CompressionReport.END);

        assertEquals("# Title\n\nbefore\n" + CompressionReport.BEGIN + "\nnew\n" + CompressionReport.END + "\nafter\n",
                updated);
    }

    @Test
    void sectionAppendedWithoutMarkers() {
        String updated = CompressionReport.replaceSection("# Title", "SECTION");

        assertEquals("# Title\nSECTION\n", updated);
    }

    @Test
    void committedModelsGiveTableAndPlots() throws IOException {
        Path page = dir.resolve("compression.md");
        Files.writeString(page, "# Compression\n\nHand-written text.\n");

        List<ReportRow> rows = CompressionReport.write(ModelCatalog.scan(Path.of("models")), "fashion-mnist", "full",
                page, dir.resolve("plots"));

        String text = Files.readString(page);
        assertEquals("full", rows.get(0).variant());
        assertTrue(text.startsWith("# Compression\n\nHand-written text.\n"), text);
        assertTrue(text.contains("| full | baseline | - | 93.14% |"), text);
        assertTrue(text.contains("](plots/accuracy-vs-size.png)"), text);
        for (String plot : List.of("accuracy-vs-size.png", "accuracy-vs-latency.png")) {
            byte[] start = Arrays.copyOf(Files.readAllBytes(dir.resolve("plots").resolve(plot)), 8);
            assertArrayEquals(PNG_SIGNATURE, start, plot);
        }
    }

    @Test
    void missingBaselineRejected() {
        assertThrows(IllegalArgumentException.class, () -> CompressionReport.write(
                ModelCatalog.scan(Path.of("models")), "fashion-mnist", "no-such-variant", dir.resolve("page.md"),
                dir.resolve("plots")));
    }
}
