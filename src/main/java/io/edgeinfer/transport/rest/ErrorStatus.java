package io.edgeinfer.transport.rest;

import io.edgeinfer.inference.ErrorCode;

/** The HTTP status for each error code. */
final class ErrorStatus {

    private ErrorStatus() {
    }

    static int of(ErrorCode code) {
        return switch (code) {
            case EMPTY_PAYLOAD, INVALID_IMAGE, INVALID_TENSOR, WRONG_SHAPE, INVALID_REQUEST -> 400;
            case UNKNOWN_MODEL -> 404;
            case PAYLOAD_TOO_LARGE, IMAGE_TOO_LARGE -> 413;
            case UNSUPPORTED_IMAGE_FORMAT -> 415;
            case MODEL_UNAVAILABLE, OVERLOADED, SHUTTING_DOWN -> 503;
            case INTERNAL_ERROR -> 500;
        };
    }
}
