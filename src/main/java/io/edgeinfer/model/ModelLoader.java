package io.edgeinfer.model;

import java.time.Duration;
import java.util.Set;
import org.jboss.logging.Logger;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;
import org.tensorflow.exceptions.TensorFlowException;

/**
 * Loads one variant from disk: checksums, SavedModel, signature check and warm-up.
 *
 * <p>Loading is slow and allocates native memory, so callers run it off the request path. The returned model
 * is {@link ModelState#SERVING}. On failure nothing stays allocated.
 */
public final class ModelLoader {

    private static final Logger LOG = Logger.getLogger(ModelLoader.class);

    private final boolean verifyChecksums;
    private final int warmupRuns;

    public ModelLoader(boolean verifyChecksums, int warmupRuns) {
        this.verifyChecksums = verifyChecksums;
        this.warmupRuns = warmupRuns;
    }

    /**
     * Loads and warms up a variant.
     *
     * @throws ModelIntegrityException if a file differs from its manifest checksum
     * @throws ModelLoadException if TensorFlow cannot load it or its signature differs from the manifest
     */
    public LoadedModel load(ModelVariant variant) {
        long start = System.nanoTime();
        LOG.infof("Loading variant %s from %s", variant.id(), variant.dir());
        if (verifyChecksums) {
            Checksums.verify(variant.dir(), variant.manifest());
        }

        SavedModelBundle bundle = openBundle(variant);
        try {
            SessionFunction function = checkedFunction(variant, bundle);
            LoadedModel model = new LoadedModel(variant, bundle, function);
            warmUp(model);
            Duration loadTime = Duration.ofNanos(System.nanoTime() - start);
            model.markServing(loadTime);
            LOG.infof("Loaded variant %s in %d ms", variant.id(), loadTime.toMillis());
            return model;
        } catch (RuntimeException e) {
            bundle.close();
            throw e;
        }
    }

    private static SavedModelBundle openBundle(ModelVariant variant) {
        try {
            return SavedModelBundle.load(variant.dir().toString(), SavedModelBundle.DEFAULT_TAG);
        } catch (TensorFlowException e) {
            throw new ModelLoadException(variant.id(), "TensorFlow cannot load variant " + variant.id() + " from "
                    + variant.dir() + ": " + e.getMessage(), e);
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            // The first load of TensorFlow's native library throws UnsatisfiedLinkError from a static initializer,
            // and every later use of those classes throws NoClassDefFoundError.
            throw new ModelLoadException(variant.id(), "Cannot load variant " + variant.id() + ". "
                    + NativeLibraries.explain(e), e);
        }
    }

    private static SessionFunction checkedFunction(ModelVariant variant, SavedModelBundle bundle) {
        ModelInterface expected = variant.manifest().signature();
        SessionFunction function;
        try {
            function = bundle.function(expected.signatureKey());
        } catch (IllegalArgumentException e) {
            throw new ModelLoadException(variant.id(), "Variant " + variant.id() + " has no signature "
                    + expected.signatureKey() + " although its manifest names it", e);
        }
        Signature signature = function.signature();
        requireName(variant, "input", signature.inputNames(), expected.input().name());
        requireName(variant, "output", signature.outputNames(), expected.output().name());
        return function;
    }

    private static void requireName(ModelVariant variant, String role, Set<String> names, String expected) {
        if (!names.contains(expected)) {
            throw new ModelLoadException(variant.id(), "Variant " + variant.id() + " signature has " + role
                    + " names " + names + ", but the manifest expects " + expected, null);
        }
    }

    private void warmUp(LoadedModel model) {
        float[] zeros = new float[model.manifest().signature().input().elementsPerExample()];
        try {
            for (int i = 0; i < warmupRuns; i++) {
                model.run(zeros, 1);
            }
        } catch (TensorFlowException | IllegalStateException e) {
            throw new ModelLoadException(model.id(), "Variant " + model.id() + " failed its warm-up run: "
                    + e.getMessage(), e);
        }
    }
}
