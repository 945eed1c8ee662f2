package io.edgeinfer.inference;

/** Byte-level checks on request payloads that both the image and the tensor path use. */
final class Payloads {

    private Payloads() {
    }

    /** Returns the first byte that is not JSON whitespace (space, tab, CR, LF), or -1 if there is none. */
    static int firstNonWhitespace(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return b & 0xFF;
            }
        }
        return -1;
    }

    /** Returns whether the payload looks like a JSON object or array, judged by its first non-whitespace byte. */
    static boolean looksLikeJson(byte[] bytes) {
        int first = firstNonWhitespace(bytes);
        return first == '{' || first == '[';
    }

    /** Formats up to {@code count} leading bytes as hex, for example {@code 0x00 0x1a 0xff}. */
    static String leadingHex(byte[] bytes, int count) {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < Math.min(count, bytes.length); i++) {
            if (i > 0) {
                hex.append(' ');
            }
            hex.append(String.format("0x%02x", bytes[i] & 0xFF));
        }
        return hex.toString();
    }
}
