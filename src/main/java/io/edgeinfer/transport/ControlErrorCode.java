package io.edgeinfer.transport;

/**
 * Stable codes of the error replies to control and telemetry messages. Clients match on these names, so a code is
 * never renamed.
 */
public enum ControlErrorCode {
    /** A battery message that is not JSON, lacks a field, or has a level outside [0, 1]. */
    INVALID_TELEMETRY,
    /** A control message that is not JSON, or names no known action, or lacks the variant to pin. */
    INVALID_CONTROL,
    /** A pin named a variant that the catalog does not have. */
    UNKNOWN_VARIANT,
    /** A pinned variant failed to load; the active variant keeps serving and the load is retried with backoff. */
    SWAP_FAILED
}
