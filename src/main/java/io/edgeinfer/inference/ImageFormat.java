package io.edgeinfer.inference;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * An image container format recognized by its magic bytes, whether or not the decoder reads it.
 *
 * <p>Sniffing the bytes before choosing a reader lets a wrong format get a precise error instead of a generic
 * "unreadable image".
 */
enum ImageFormat {
    JPEG("JPEG", "jpeg"),
    PNG("PNG", "png"),
    BMP("BMP", "bmp"),
    GIF("GIF", "gif"),
    TIFF("TIFF", null),
    WEBP("WebP", null),
    HEIF("HEIF/HEIC", null),
    AVIF("AVIF", null);

    /** The supported formats, listed as messages show them. */
    static final String SUPPORTED_NAMES = "JPEG, PNG, BMP or GIF";

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private static final Set<String> HEIF_BRANDS =
            Set.of("heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1");

    private final String displayName;
    private final String readerFormatName;

    ImageFormat(String displayName, String readerFormatName) {
        this.displayName = displayName;
        this.readerFormatName = readerFormatName;
    }

    /** Returns the name used in messages, for example {@code WebP}. */
    String displayName() {
        return displayName;
    }

    /** Returns the ImageIO format name to look up a reader with, or null when the decoder does not read this format. */
    String readerFormatName() {
        return readerFormatName;
    }

    boolean isSupported() {
        return readerFormatName != null;
    }

    /** Detects the format from the first bytes, or returns empty when no known signature matches. */
    static Optional<ImageFormat> sniff(byte[] bytes) {
        if (startsWith(bytes, 0, (byte) 0xFF, (byte) 0xD8, (byte) 0xFF)) {
            return Optional.of(JPEG);
        }
        if (startsWith(bytes, 0, PNG_SIGNATURE)) {
            return Optional.of(PNG);
        }
        if (startsWithAscii(bytes, 0, "GIF87a") || startsWithAscii(bytes, 0, "GIF89a")) {
            return Optional.of(GIF);
        }
        // The BMP signature is only two bytes, so text that starts with "BM" is sniffed as BMP and then fails
        // in the reader with INVALID_IMAGE.
        if (startsWithAscii(bytes, 0, "BM")) {
            return Optional.of(BMP);
        }
        return sniffUnsupported(bytes);
    }

    private static Optional<ImageFormat> sniffUnsupported(byte[] bytes) {
        // Classic TIFF starts with "II*\0" or "MM\0*", and BigTIFF uses 43 in place of 42.
        if (startsWith(bytes, 0, (byte) 'I', (byte) 'I', (byte) 42, (byte) 0)
                || startsWith(bytes, 0, (byte) 'M', (byte) 'M', (byte) 0, (byte) 42)
                || startsWith(bytes, 0, (byte) 'I', (byte) 'I', (byte) 43, (byte) 0)
                || startsWith(bytes, 0, (byte) 'M', (byte) 'M', (byte) 0, (byte) 43)) {
            return Optional.of(TIFF);
        }
        if (startsWithAscii(bytes, 0, "RIFF") && startsWithAscii(bytes, 8, "WEBP")) {
            return Optional.of(WEBP);
        }
        // HEIF and AVIF are ISO base media files: a box size, then "ftyp" and the major brand.
        if (startsWithAscii(bytes, 4, "ftyp") && bytes.length >= 12) {
            String brand = new String(bytes, 8, 4, StandardCharsets.US_ASCII);
            if (brand.equals("avif") || brand.equals("avis")) {
                return Optional.of(AVIF);
            }
            if (HEIF_BRANDS.contains(brand)) {
                return Optional.of(HEIF);
            }
        }
        return Optional.empty();
    }

    private static boolean startsWithAscii(byte[] bytes, int offset, String prefix) {
        return startsWith(bytes, offset, prefix.getBytes(StandardCharsets.US_ASCII));
    }

    private static boolean startsWith(byte[] bytes, int offset, byte... prefix) {
        if (bytes.length < offset + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
