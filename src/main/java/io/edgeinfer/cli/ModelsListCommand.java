package io.edgeinfer.cli;

import io.edgeinfer.model.CatalogProblem;
import io.edgeinfer.model.LatencyMeasurement;
import io.edgeinfer.model.ManifestIo;
import io.edgeinfer.model.ModelCatalog;
import io.edgeinfer.model.ModelConfig;
import io.edgeinfer.model.VariantSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Lists every variant under the models root with its measured facts. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List each variant with its accuracy, size, MACs and latency.")
public class ModelsListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Option(names = "--dir", paramLabel = "DIR", description = "Models root (default: edgeinfer.model.dir, models).")
    Path dir;

    private final ModelConfig config;

    public ModelsListCommand(ModelConfig config) {
        this.config = config;
    }

    @Override
    public Integer call() {
        ModelCatalog catalog = ModelCatalog.scan(dir != null ? dir : config.dir());
        List<VariantSummary> variants = catalog.variants().stream().map(v -> VariantSummary.of(v, false)).toList();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> listing = new LinkedHashMap<>();
            listing.put("root", catalog.root().toString());
            listing.put("variants", variants);
            listing.put("problems", catalog.problems().stream()
                    .map(p -> Map.of("dir", p.dir().toString(), "message", p.message())).toList());
            out.println(ManifestIo.toJson(listing));
        } else {
            printTable(out, catalog, variants);
        }
        out.flush();
        return catalog.problems().isEmpty() ? 0 : 1;
    }

    private static void printTable(PrintWriter out, ModelCatalog catalog, List<VariantSummary> variants) {
        String format = "%-28s %-26s %9s %11s %12s %11s %11s %11s%n";
        out.printf(format, "VARIANT", "TECHNIQUES", "ACCURACY", "PARAMETERS", "MACS", "SIZE", "GZIP SIZE",
                "LATENCY");
        for (VariantSummary v : variants) {
            out.printf(format, v.model() + "/" + v.variant(), String.join("+", v.techniques()),
                    v.accuracy() == null ? "-" : String.format("%.2f%%", v.accuracy() * 100),
                    String.format("%,d", v.parameters()), String.format("%,d", v.macs()), bytes(v.fileBytes()),
                    v.compressedBytes() == null ? "-" : bytes(v.compressedBytes()), latency(v.latency()));
        }
        if (variants.isEmpty()) {
            out.println("(no variants under " + catalog.root().toAbsolutePath() + ")");
        }
        for (CatalogProblem problem : catalog.problems()) {
            out.println("SKIPPED " + problem.dir() + ": " + problem.message());
        }
        variants.stream().flatMap(v -> v.latency() == null ? java.util.stream.Stream.empty() : v.latency().stream())
                .map(LatencyMeasurement::machine).distinct()
                .forEach(machine -> out.println("Latency: median of one batch-1 call, measured on " + machine));
    }

    private static String latency(List<LatencyMeasurement> measurements) {
        if (measurements == null) {
            return "-";
        }
        return measurements.stream().filter(m -> m.batchSize() == 1).findFirst()
                .map(m -> String.format("%.2f ms", m.medianMillis())).orElse("-");
    }

    private static String bytes(long count) {
        if (count >= 1 << 20) {
            return String.format("%.1f MiB", count / 1048576.0);
        }
        return String.format("%.1f KiB", count / 1024.0);
    }
}
