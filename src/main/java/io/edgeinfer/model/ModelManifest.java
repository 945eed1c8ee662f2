package io.edgeinfer.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.Map;

/**
 * The {@code manifest.json} that sits beside each SavedModel: identity, interface, pre-processing,
 * measured facts and a checksum of every file.
 *
 * @param formatVersion the manifest format, of which this runtime reads version {@value #FORMAT_VERSION}
 * @param model the model name, shared by all variants of one task
 * @param variant the variant name, unique within the model
 * @param techniques the compression techniques applied, in order, or {@code baseline} for a trained original
 * @param parent the variant this one was derived from, or null for a trained original
 * @param signature the serving signature the runtime calls
 * @param labels the class names, in output order
 * @param preprocessing how images become input tensors
 * @param measurements facts measured when the variant was made
 * @param files SHA-256 in lowercase hex of every file in the variant folder except the manifest, keyed by
 *     path relative to that folder with forward slashes
 * @param architecture the layer list the toolkit built the graph from, which the runtime does not read
 * @param provenance how the variant was made
 * @param notes facts a user of the variant should know that the figures do not show, such as "zeroed weights bring
 *     no speed-up", or null when there are none. Optional, so manifests written before the field existed still load
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelManifest(
        int formatVersion,
        String model,
        String variant,
        List<String> techniques,
        String parent,
        ModelInterface signature,
        List<String> labels,
        Preprocessing preprocessing,
        Measurements measurements,
        Map<String, String> files,
        Map<String, Object> architecture,
        Provenance provenance,
        List<String> notes) {

    public static final int FORMAT_VERSION = 1;

    public static final String FILE_NAME = "manifest.json";

    /** Creates a manifest without notes. */
    public ModelManifest(int formatVersion, String model, String variant, List<String> techniques, String parent,
            ModelInterface signature, List<String> labels, Preprocessing preprocessing, Measurements measurements,
            Map<String, String> files, Map<String, Object> architecture, Provenance provenance) {
        this(formatVersion, model, variant, techniques, parent, signature, labels, preprocessing, measurements, files,
                architecture, provenance, null);
    }

    /** Returns a copy with {@code value} as its measurements, as after a new measurement run. */
    public ModelManifest withMeasurements(Measurements value) {
        return new ModelManifest(formatVersion, model, variant, techniques, parent, signature, labels, preprocessing,
                value, files, architecture, provenance, notes);
    }

    /** Returns this variant's identity. */
    public VariantId id() {
        return new VariantId(model, variant);
    }
}
