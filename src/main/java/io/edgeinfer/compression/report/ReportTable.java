package io.edgeinfer.compression.report;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The Markdown table of variants, each against the baseline. */
final class ReportTable {

    private ReportTable() {
    }

    static String markdown(List<ReportRow> rows, ReportRow baseline) {
        StringBuilder out = new StringBuilder();
        out.append("| variant | techniques | parent | accuracy | change | parameters | MACs (x fewer) |"
                + " files (x smaller) | gzip (x smaller) | batch 1 median (x faster) | batch 32 median (x faster) |\n");
        out.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (ReportRow row : rows) {
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %,d | %s | %s | %s | %s | %s |%n",
                    row.variant(), String.join(" + ", row.techniques()), row.parent() == null ? "-" : row.parent(),
                    Double.isNaN(row.accuracy()) ? "-" : String.format(Locale.ROOT, "%.2f%%", row.accuracy() * 100),
                    signedPoints(row, baseline),
                    row.parameters(),
                    String.format(Locale.ROOT, "%,d (%.2fx)", row.macs(), row.macRatio(baseline)),
                    String.format(Locale.ROOT, "%s (%.2fx)", mebibytes(row.fileBytes()), row.fileRatio(baseline)),
                    row.compressedBytes() == 0 ? "-" : String.format(Locale.ROOT, "%s (%.2fx)",
                            mebibytes(row.compressedBytes()), row.compressionRatio(baseline)),
                    latency(row.batch1Millis(), row.speedup(baseline, 1)),
                    latency(row.batch32Millis(), row.speedup(baseline, 32))));
        }
        appendMachines(out, rows);
        appendNotes(out, rows);
        return out.toString();
    }

    private static String signedPoints(ReportRow row, ReportRow baseline) {
        if (row == baseline || Double.isNaN(row.accuracy())) {
            return "-";
        }
        return String.format(Locale.ROOT, "%+.2f points", row.accuracyDeltaPoints(baseline));
    }

    private static String latency(double millis, double speedup) {
        if (Double.isNaN(millis)) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.3f ms (%.2fx)", millis, speedup);
    }

    private static String mebibytes(long bytes) {
        return String.format(Locale.ROOT, "%.2f MiB", bytes / 1048576.0);
    }

    private static void appendMachines(StringBuilder out, List<ReportRow> rows) {
        Set<String> machines = new LinkedHashSet<>();
        rows.stream().map(ReportRow::machine).filter(m -> m != null).forEach(machines::add);
        out.append('\n');
        for (String machine : machines) {
            out.append("Latency was measured on ").append(machine).append(". A ratio below 1.00x means the"
                    + " variant is larger or slower than the baseline.\n");
        }
    }

    private static void appendNotes(StringBuilder out, List<ReportRow> rows) {
        for (ReportRow row : rows) {
            for (String note : row.notes()) {
                out.append("\n- `").append(row.variant()).append("`: ").append(note);
            }
        }
        out.append('\n');
    }
}
