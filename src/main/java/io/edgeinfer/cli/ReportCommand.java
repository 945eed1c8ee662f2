package io.edgeinfer.cli;

import io.edgeinfer.compression.report.CompressionReport;
import io.edgeinfer.compression.report.ReportRow;
import io.edgeinfer.model.ModelCatalog;
import io.edgeinfer.model.ModelConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Writes the variant table and plots of the compression report from the manifests. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write the table of every variant of a model, with ratios to the baseline, into the report"
                + " page, and plot accuracy against compressed size and against latency as PNG.",
            "Reads only the manifests; run 'compress evaluate' first for fresh, comparable figures."})
public class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CatalogOptions catalogOptions;

    @Option(names = "--output", paramLabel = "FILE", description = "The Markdown page whose variant table is"
            + " replaced (default: ${DEFAULT-VALUE}).")
    Path output = Path.of("docs/compression.md");

    @Option(names = "--plots", paramLabel = "DIR", description = "Where the PNG plots go (default: ${DEFAULT-VALUE}).")
    Path plots = Path.of("docs/compression");

    private final ModelConfig modelConfig;

    public ReportCommand(ModelConfig modelConfig) {
        this.modelConfig = modelConfig;
    }

    @Override
    public Integer call() throws Exception {
        ModelCatalog catalog = catalogOptions.scan(modelConfig);
        List<ReportRow> rows = CompressionReport.write(catalog, catalogOptions.model, catalogOptions.baseline, output,
                plots);
        spec.commandLine().getOut().printf("Wrote %d variants of %s to %s and the plots to %s%n", rows.size(),
                catalogOptions.model, output, plots);
        return 0;
    }
}
