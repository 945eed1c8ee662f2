package io.edgeinfer.inference;

/** A request that cannot produce a result, with the stable code and a message that names the value and the fix. */
public class InferenceException extends RuntimeException {

    private final ErrorCode code;

    public InferenceException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public InferenceException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
