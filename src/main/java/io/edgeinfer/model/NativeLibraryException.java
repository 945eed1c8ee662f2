package io.edgeinfer.model;

/** TensorFlow's native libraries are missing or cannot run on this machine. */
public class NativeLibraryException extends RuntimeException {

    public NativeLibraryException(String message) {
        super(message);
    }

    public NativeLibraryException(String message, Throwable cause) {
        super(message, cause);
    }
}
