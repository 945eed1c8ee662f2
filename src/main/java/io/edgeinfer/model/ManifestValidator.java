package io.edgeinfer.model;

import java.nio.file.Path;
import java.util.List;

/** Checks that a manifest has every field the runtime relies on, so that a bad file fails at load with its name. */
final class ManifestValidator {

    private ManifestValidator() {
    }

    static void validate(Path file, ModelManifest manifest) {
        require(file, manifest.formatVersion() == ModelManifest.FORMAT_VERSION,
                "has formatVersion " + manifest.formatVersion() + ", but this runtime reads version "
                        + ModelManifest.FORMAT_VERSION);
        require(file, notBlank(manifest.model()), "is missing \"model\"");
        require(file, notBlank(manifest.variant()), "is missing \"variant\"");
        require(file, manifest.signature() != null, "is missing \"signature\"");
        require(file, manifest.labels() != null && !manifest.labels().isEmpty(), "is missing \"labels\"");
        require(file, manifest.preprocessing() != null, "is missing \"preprocessing\"");
        require(file, manifest.files() != null && !manifest.files().isEmpty(),
                "is missing \"files\", the SHA-256 of each SavedModel file");
        validateSignature(file, manifest);
        validatePreprocessing(file, manifest);
    }

    private static void validateSignature(Path file, ModelManifest manifest) {
        ModelInterface signature = manifest.signature();
        require(file, notBlank(signature.signatureKey()), "is missing \"signature.signatureKey\"");
        require(file, signature.input() != null && signature.output() != null,
                "needs both \"signature.input\" and \"signature.output\"");
        require(file, signature.outputKind() != null, "is missing \"signature.outputKind\"");

        List<Long> inputShape = signature.input().shape();
        require(file, inputShape != null && inputShape.size() == 4,
                "has input shape " + inputShape + ", but the runtime needs NHWC [-1, height, width, channels]");
        require(file, "float32".equals(signature.input().dtype()),
                "has input dtype " + signature.input().dtype() + ", but the runtime feeds float32");

        List<Long> outputShape = signature.output().shape();
        require(file, outputShape != null && outputShape.size() == 2
                        && outputShape.get(1) == manifest.labels().size(),
                "has output shape " + outputShape + ", which does not match its " + manifest.labels().size()
                        + " labels");
    }

    private static void validatePreprocessing(Path file, ModelManifest manifest) {
        Preprocessing pre = manifest.preprocessing();
        List<Long> inputShape = manifest.signature().input().shape();
        require(file, pre.colorMode() != null && pre.resize() != null,
                "needs \"preprocessing.colorMode\" and \"preprocessing.resize\"");
        require(file, pre.height() == inputShape.get(1) && pre.width() == inputShape.get(2)
                        && pre.colorMode().channels() == inputShape.get(3),
                "has preprocessing " + pre.width() + "x" + pre.height() + " " + pre.colorMode()
                        + ", which does not match input shape " + inputShape);
        int channels = pre.colorMode().channels();
        require(file, pre.mean() != null && pre.mean().size() == channels,
                "needs one \"preprocessing.mean\" value per channel (" + channels + ")");
        require(file, pre.std() != null && pre.std().size() == channels
                        && pre.std().stream().allMatch(s -> s > 0),
                "needs one positive \"preprocessing.std\" value per channel (" + channels + ")");
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }

    private static void require(Path file, boolean condition, String problem) {
        if (!condition) {
            throw new InvalidManifestException(file, problem);
        }
    }
}
