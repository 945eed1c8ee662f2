package io.edgeinfer.inference;

/**
 * Stable codes for requests that get no result. Clients match on these names, so a code is never renamed.
 * The message beside it carries the detail.
 */
public enum ErrorCode {
    /** The payload has zero bytes. */
    EMPTY_PAYLOAD,
    /** The payload is larger than {@code edgeinfer.inference.max-payload-bytes}. */
    PAYLOAD_TOO_LARGE,
    /** The bytes are not a readable image: corrupt, truncated, or not an image at all. */
    INVALID_IMAGE,
    /** The image is in a format the decoder does not read (it reads JPEG, PNG, BMP and GIF). */
    UNSUPPORTED_IMAGE_FORMAT,
    /** The image has more pixels than {@code edgeinfer.inference.max-image-pixels}. */
    IMAGE_TOO_LARGE,
    /** A tensor payload is not valid JSON or raw float32, or holds a value that is not a finite number. */
    INVALID_TENSOR,
    /** A tensor's shape or element count differs from the model input. */
    WRONG_SHAPE,
    /** The request names a model that is not in the catalog. */
    UNKNOWN_MODEL,
    /** The model is known, but no variant of it is serving now. */
    MODEL_UNAVAILABLE,
    /** The request queue is full; retry later or slow down. */
    OVERLOADED,
    /** The service is stopping and takes no new requests. */
    SHUTTING_DOWN,
    /** The request itself is malformed, for example a topic without a request id. */
    INVALID_REQUEST,
    /** An unexpected failure inside the service; the log has the stack trace. */
    INTERNAL_ERROR
}
