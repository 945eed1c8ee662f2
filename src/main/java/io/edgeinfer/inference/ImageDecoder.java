package io.edgeinfer.inference;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.jboss.logging.Logger;

/**
 * Decodes JPEG, PNG, BMP and GIF bytes into a {@link BufferedImage} with ImageIO, preferring the TwelveMonkeys
 * JPEG reader, which also reads CMYK, YCCK and JPEGs with broken Adobe markers.
 *
 * <p>The format is sniffed from magic bytes, and the pixel count is checked against the header before any
 * pixel is decoded, so a small file that declares a huge image (a decompression bomb) is rejected cheaply. An
 * animated GIF yields its first frame.
 *
 * <p>NOTE: no test covers a CMYK or YCCK JPEG, so their colours after the TwelveMonkeys conversion are unchecked.
 *
 * <p>Thread safety: instances are immutable and safe to share. Each call creates its own {@link ImageReader}
 * and disposes it.
 */
public final class ImageDecoder {

    private static final Logger LOG = Logger.getLogger(ImageDecoder.class);

    static {
        // ImageIO scans for plugins once, when its registry is first used, with the context class loader of that
        // moment. Under Quarkus that can happen before the TwelveMonkeys jar is on that class loader's path, so
        // rescan here with the current context class loader.
        ImageIO.scanForPlugins();
    }

    private final long maxPixels;

    /**
     * Creates a decoder.
     *
     * @param maxPixels the maximum width x height an image may declare in its header
     * @throws IllegalArgumentException if {@code maxPixels} is not positive
     */
    public ImageDecoder(long maxPixels) {
        if (maxPixels <= 0) {
            throw new IllegalArgumentException("maxPixels must be positive, but is " + maxPixels);
        }
        this.maxPixels = maxPixels;
    }

    public long maxPixels() {
        return maxPixels;
    }

    /**
     * Decodes an image, or its first frame if it is animated.
     *
     * @throws InferenceException with {@link ErrorCode#EMPTY_PAYLOAD} for zero bytes,
     *     {@link ErrorCode#UNSUPPORTED_IMAGE_FORMAT} for TIFF, WebP, HEIF or AVIF,
     *     {@link ErrorCode#IMAGE_TOO_LARGE} when the header declares more than {@link #maxPixels()} pixels, and
     *     {@link ErrorCode#INVALID_IMAGE} for unknown, truncated or corrupt bytes
     */
    public BufferedImage decode(byte[] bytes) {
        ImageFormat format = detectFormat(bytes);
        ImageReader reader = newReader(format);
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            return readFirstFrame(format, reader, input);
        } catch (IOException e) {
            // Only close() throws here, because readFirstFrame wraps every reader call.
            throw new UncheckedIOException(e);
        } finally {
            reader.dispose();
        }
    }

    private BufferedImage readFirstFrame(ImageFormat format, ImageReader reader, ImageInputStream input) {
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        reader.setInput(input, true, true);

        int width = callReader(format, () -> reader.getWidth(0));
        int height = callReader(format, () -> reader.getHeight(0));
        checkPixelCount(format, width, height);

        BufferedImage image = callReader(format, () -> reader.read(0));
        checkWarnings(format, warnings);
        return image;
    }

    private static ImageFormat detectFormat(byte[] bytes) {
        if (bytes.length == 0) {
            throw new InferenceException(ErrorCode.EMPTY_PAYLOAD,
                    "Payload is 0 bytes; send " + ImageFormat.SUPPORTED_NAMES + " bytes");
        }
        Optional<ImageFormat> format = ImageFormat.sniff(bytes);
        if (format.isEmpty()) {
            throw unrecognized(bytes);
        }
        if (!format.get().isSupported()) {
            throw new InferenceException(ErrorCode.UNSUPPORTED_IMAGE_FORMAT,
                    "Image format " + format.get().displayName() + " is not supported; convert the image to "
                            + ImageFormat.SUPPORTED_NAMES);
        }
        return format.get();
    }

    private static InferenceException unrecognized(byte[] bytes) {
        if (Payloads.looksLikeJson(bytes)) {
            return new InferenceException(ErrorCode.INVALID_IMAGE, "Payload of " + bytes.length
                    + " bytes is JSON, not an image; send tensors to the tensors topic, or by REST with"
                    + " Content-Type application/json, and send images as " + ImageFormat.SUPPORTED_NAMES
                    + " bytes");
        }
        return new InferenceException(ErrorCode.INVALID_IMAGE, "Payload of " + bytes.length + " bytes is not a "
                + ImageFormat.SUPPORTED_NAMES + " image (it starts with " + Payloads.leadingHex(bytes, 8)
                + "); send " + ImageFormat.SUPPORTED_NAMES + " bytes");
    }

    private static ImageReader newReader(ImageFormat format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.readerFormatName());
        if (!readers.hasNext()) {
            throw new IllegalStateException("No ImageIO reader for " + format.displayName()
                    + " is registered; the Java runtime lacks the javax.imageio plugins it normally ships");
        }
        return readers.next();
    }

    private void checkPixelCount(ImageFormat format, int width, int height) {
        long pixels = (long) width * height;
        if (pixels > maxPixels) {
            throw new InferenceException(ErrorCode.IMAGE_TOO_LARGE, format.displayName() + " image is " + width
                    + "x" + height + " = " + pixels + " pixels, more than the maximum of " + maxPixels
                    + " pixels; scale the image down before sending it");
        }
    }

    private static void checkWarnings(ImageFormat format, List<String> warnings) {
        for (String warning : warnings) {
            if (isCorruptionWarning(warning)) {
                throw invalid(format, warning, null);
            }
            LOG.debugf("Ignoring %s reader warning: %s", format.displayName(), warning);
        }
    }

    /**
     * Returns whether a reader warning means that pixels are missing or wrong. The JPEG readers decode a
     * truncated or damaged file without an exception, so these warnings are the only signal. The texts come from
     * libjpeg (through the JDK reader) and from the TwelveMonkeys reader 3.14.
     */
    private static boolean isCorruptionWarning(String warning) {
        return warning.startsWith("Corrupt JPEG data")
                || warning.startsWith("Premature end of JPEG file")
                || warning.startsWith("Truncated File");
    }

    /** A call into an ImageIO reader. */
    private interface ReaderCall<T> {
        T call() throws IOException;
    }

    /**
     * Runs a reader call and turns its failure into {@link ErrorCode#INVALID_IMAGE}. Unchecked exceptions count
     * too, because ImageIO readers throw some (for example IndexOutOfBoundsException) on malformed files.
     */
    private static <T> T callReader(ImageFormat format, ReaderCall<T> call) {
        try {
            return call.call();
        } catch (IOException | RuntimeException e) {
            throw invalid(format, describe(e), e);
        }
    }

    private static InferenceException invalid(ImageFormat format, String reason, Throwable cause) {
        return new InferenceException(ErrorCode.INVALID_IMAGE, format.displayName()
                + " image is truncated or corrupt (the reader reported: " + reason
                + "); send the complete, unmodified file", cause);
    }

    /**
     * Joins the messages of an exception and its causes, using the class name where a message is missing and
     * skipping a message that the text already contains.
     */
    private static String describe(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            String message = t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
            if (text.indexOf(message) >= 0) {
                continue;
            }
            if (text.length() > 0) {
                text.append(": ");
            }
            text.append(message);
        }
        return text.toString();
    }
}
