package io.edgeinfer.compression.export;

import io.edgeinfer.compression.arch.NetworkSpec;
import io.edgeinfer.model.Preprocessing;
import io.edgeinfer.model.Provenance;
import java.util.List;

/**
 * What the toolkit knows about a variant before it is written and measured.
 *
 * @param techniques the compression techniques applied, in order, or {@code baseline} for a trained original
 * @param parent the variant it was derived from, or null
 * @param notes facts for the manifest's {@code notes}, or null for none
 */
public record VariantDraft(
        String model,
        String variant,
        List<String> techniques,
        String parent,
        NetworkSpec spec,
        List<String> labels,
        Preprocessing preprocessing,
        Provenance provenance,
        List<String> notes) {

    /** Creates a draft without notes. */
    public VariantDraft(String model, String variant, List<String> techniques, String parent, NetworkSpec spec,
            List<String> labels, Preprocessing preprocessing, Provenance provenance) {
        this(model, variant, techniques, parent, spec, labels, preprocessing, provenance, null);
    }

    /** Returns this draft with another network, as after folding batch norm. */
    public VariantDraft withSpec(NetworkSpec value) {
        return new VariantDraft(model, variant, techniques, parent, value, labels, preprocessing, provenance, notes);
    }
}
