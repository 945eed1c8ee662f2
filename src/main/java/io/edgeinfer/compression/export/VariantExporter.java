package io.edgeinfer.compression.export;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeinfer.compression.arch.WeightSet;
import io.edgeinfer.compression.data.Dataset;
import io.edgeinfer.compression.eval.VariantMeasurer;
import io.edgeinfer.model.Checksums;
import io.edgeinfer.model.LatencyMeasurement;
import io.edgeinfer.model.LoadedModel;
import io.edgeinfer.model.ManifestIo;
import io.edgeinfer.model.Measurements;
import io.edgeinfer.model.ModelInterface;
import io.edgeinfer.model.ModelLoader;
import io.edgeinfer.model.ModelManifest;
import io.edgeinfer.model.ModelVariant;
import io.edgeinfer.model.TensorSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Writes a variant folder: the SavedModel, then its measurements, then the manifest.
 *
 * <p>The folder is built beside its final place and moved there only when complete, so that a runtime scanning
 * the models root never sees a half-written variant. An existing variant of the same name is replaced.
 *
 * <p>When the exporter writes the SavedModel from float weights, batch-norm layers are folded into the layer
 * before them first ({@link BatchNormFolding}), so the manifest's architecture, parameter count and MACs describe
 * the folded network that the SavedModel holds. A technique that writes its own graph passes a folded spec.
 */
public final class VariantExporter {

    private static final Logger LOG = Logger.getLogger(VariantExporter.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private VariantExporter() {
    }

    /** Writes a variant's SavedModel into a folder that does not exist yet. */
    @FunctionalInterface
    public interface SavedModelSource {

        void writeTo(Path dir) throws IOException;
    }

    /**
     * Exports, measures and installs a variant under {@code modelsRoot/<model>/<variant>}.
     *
     * @param test the data set the accuracy and latency are measured on
     * @param latencyRuns timed calls per batch size, or 0 to skip the latency measurement
     */
    public static ModelManifest export(VariantDraft draft, WeightSet weights, Path modelsRoot, Dataset test,
            int latencyRuns) throws IOException {
        VariantReader.TrainedNetwork folded = BatchNormFolding.fold(draft.spec(), weights);
        return export(draft.withSpec(folded.spec()),
                dir -> SavedModelWriter.write(folded.spec(), folded.weights(), dir), modelsRoot, test, latencyRuns);
    }

    /**
     * Exports a variant whose SavedModel {@code source} writes, for techniques that change the graph itself, such
     * as quantization. The manifest's parameter and MAC counts still come from {@code draft.spec()}.
     */
    public static ModelManifest export(VariantDraft draft, SavedModelSource source, Path modelsRoot, Dataset test,
            int latencyRuns) throws IOException {
        Path target = modelsRoot.resolve(draft.model()).resolve(draft.variant());
        Path staging = target.resolveSibling("." + draft.variant() + ".staging");
        FileTrees.deleteIfExists(staging);
        Files.createDirectories(staging.getParent());

        source.writeTo(staging);
        ModelManifest unmeasured = manifest(draft, staging, null);
        ModelManifest measured = manifest(draft, staging, measure(unmeasured, staging, test, latencyRuns));
        ManifestIo.write(staging, measured);

        FileTrees.deleteIfExists(target);
        Files.move(staging, target);
        LOG.infof("Exported variant %s to %s: accuracy %.4f, %d parameters, %d MACs, %d bytes", measured.id(),
                target, measured.measurements().accuracy(), measured.measurements().parameters(),
                measured.measurements().macs(), measured.measurements().fileBytes());
        return measured;
    }

    private record Measured(double accuracy, List<LatencyMeasurement> latency) {
    }

    private static Measured measure(ModelManifest manifest, Path dir, Dataset test, int latencyRuns) {
        LoadedModel model = new ModelLoader(true, 3).load(new ModelVariant(manifest, dir));
        try {
            double accuracy = VariantMeasurer.accuracy(model, test);
            List<LatencyMeasurement> latency = new ArrayList<>();
            if (latencyRuns > 0) {
                latency.add(VariantMeasurer.latency(model, test, 1, latencyRuns));
                latency.add(VariantMeasurer.latency(model, test, 32, latencyRuns));
            }
            return new Measured(accuracy, latency);
        } finally {
            model.retire();
        }
    }

    private static ModelManifest manifest(VariantDraft draft, Path dir, Measured measured) throws IOException {
        Map<String, String> files = Checksums.of(dir);
        long fileBytes = FileTrees.totalBytes(dir, files.keySet());
        long compressedBytes = FileTrees.gzippedBytes(dir, files.keySet());
        var spec = draft.spec();
        ModelInterface signature = new ModelInterface(SavedModelWriter.SIGNATURE_KEY,
                new TensorSpec(SavedModelWriter.INPUT_NAME,
                        List.of(-1L, (long) spec.height(), (long) spec.width(), (long) spec.channels()), "float32"),
                new TensorSpec(SavedModelWriter.PROBABILITIES_NAME, List.of(-1L, (long) spec.classes()), "float32"),
                ModelInterface.OutputKind.PROBABILITIES);
        Measurements measurements = new Measurements(
                measured == null ? null : "fashion-mnist test",
                measured == null ? null : 10_000,
                measured == null ? null : measured.accuracy(),
                spec.parameters(), spec.macs(), fileBytes, compressedBytes,
                measured == null ? null : measured.latency());
        Map<String, Object> architecture = MAPPER.convertValue(spec, new TypeReference<Map<String, Object>>() { });
        return new ModelManifest(ModelManifest.FORMAT_VERSION, draft.model(), draft.variant(), draft.techniques(),
                draft.parent(), signature, draft.labels(), draft.preprocessing(), measurements, files, architecture,
                draft.provenance(), draft.notes());
    }
}
