package io.edgeinfer.model;

/**
 * The lifecycle of one loaded variant. States only move forward, in declaration order, and a variant that
 * fails to load never reaches {@link #SERVING}. The manager records that failure separately.
 */
public enum ModelState {
    /** The SavedModel is being read and its checksums checked. Entered when a load starts. */
    LOADING,
    /** Loaded; warm-up runs are filling caches and allocating buffers. No request sees it yet. */
    WARMING,
    /** Takes new requests. Entered after warm-up, just before the manager publishes it as active. */
    SERVING,
    /** Replaced by another variant. Requests already leased finish; no new ones are admitted. */
    DRAINING,
    /**
     * The TensorFlow session is closed and its native memory released. Entered on a background thread once the last
     * lease ends and the close has finished.
     */
    CLOSED
}
