package io.edgeinfer.model;

/**
 * The right to run one request on a variant. Closing it releases the variant, which lets a retired variant
 * close once its last request ends. A second close has no effect. Not thread-safe, because one request on one
 * thread uses it.
 */
public final class ModelLease implements AutoCloseable {

    private final LoadedModel model;
    private boolean closed;

    ModelLease(LoadedModel model) {
        this.model = model;
    }

    public LoadedModel model() {
        return model;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            model.release();
        }
    }
}
