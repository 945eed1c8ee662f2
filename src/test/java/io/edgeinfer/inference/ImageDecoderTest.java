package io.edgeinfer.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class ImageDecoderTest {

    private static final long MAX_PIXELS = 40_000_000L;

    private final ImageDecoder decoder = new ImageDecoder(MAX_PIXELS);

    @Test
    void decodePng() {
        BufferedImage image = decoder.decode(TestImages.encode(rgbNoise(30, 20), "png"));

        assertEquals(30, image.getWidth());
        assertEquals(20, image.getHeight());
    }

    @Test
    void decodeJpeg() {
        BufferedImage image = decoder.decode(TestImages.encode(rgbNoise(30, 20), "jpeg"));

        assertEquals(30, image.getWidth());
        assertEquals(20, image.getHeight());
    }

    @Test
    void decodeBmp() {
        BufferedImage image = decoder.decode(TestImages.encode(rgbNoise(30, 20), "bmp"));

        assertEquals(30, image.getWidth());
        assertEquals(20, image.getHeight());
    }

    @Test
    void decodeGif() {
        BufferedImage image = decoder.decode(TestImages.encode(rgbNoise(30, 20), "gif"));

        assertEquals(30, image.getWidth());
        assertEquals(20, image.getHeight());
    }

    @Test
    void animatedGifYieldsFirstFrame() {
        BufferedImage red = TestImages.filled(8, 8, BufferedImage.TYPE_INT_RGB, 0xFF0000);
        BufferedImage blue = TestImages.filled(8, 8, BufferedImage.TYPE_INT_RGB, 0x0000FF);

        BufferedImage image = decoder.decode(TestImages.animatedGif(red, blue));

        assertEquals(0xFF0000, image.getRGB(4, 4) & 0xFFFFFF);
    }

    @Test
    void emptyPayloadRejected() {
        InferenceException error = decodeFailure(new byte[0]);

        assertEquals(ErrorCode.EMPTY_PAYLOAD, error.code());
        assertContains(error, "0 bytes");
    }

    @Test
    void randomBytesRejected() {
        byte[] bytes = new byte[500];
        new Random(7).nextBytes(bytes);
        bytes[0] = 0x00;

        InferenceException error = decodeFailure(bytes);

        assertEquals(ErrorCode.INVALID_IMAGE, error.code());
        assertContains(error, "500 bytes");
        assertContains(error, "0x00");
        assertContains(error, "JPEG, PNG, BMP or GIF");
    }

    @Test
    void jsonPayloadNamesTensorPath() {
        byte[] json = "  {\"shape\":[28,28,1],\"data\":[0.5]}".getBytes(StandardCharsets.UTF_8);

        InferenceException error = decodeFailure(json);

        assertEquals(ErrorCode.INVALID_IMAGE, error.code());
        assertContains(error, "JSON");
        assertContains(error, "tensors topic");
        assertContains(error, "application/json");
    }

    @Test
    void jsonArrayPayloadNamesTensorPath() {
        InferenceException error = decodeFailure("[0.5, 0.25]".getBytes(StandardCharsets.UTF_8));

        assertEquals(ErrorCode.INVALID_IMAGE, error.code());
        assertContains(error, "JSON");
    }

    @Test
    void truncatedJpegRejected() {
        byte[] jpeg = TestImages.encode(rgbNoise(64, 64), "jpeg");

        InferenceException error = decodeFailure(Arrays.copyOf(jpeg, jpeg.length / 2));

        assertEquals(ErrorCode.INVALID_IMAGE, error.code());
        assertContains(error, "JPEG image is truncated or corrupt");
    }

    @Test
    void jpegWithoutEndMarkerRejected() {
        byte[] jpeg = TestImages.encode(rgbNoise(64, 64), "jpeg");

        InferenceException error = decodeFailure(Arrays.copyOf(jpeg, jpeg.length - 2));

        assertEquals(ErrorCode.INVALID_IMAGE, error.code());
    }

    @Test
    void truncatedPngRejected() {
        byte[] png = TestImages.encode(rgbNoise(64, 64), "png");

        InferenceException error = decodeFailure(Arrays.copyOf(png, png.length / 2));

        assertEquals(ErrorCode.INVALID_IMAGE, error.code());
        assertContains(error, "PNG image is truncated or corrupt");
        assertContains(error, "ZLIB");
    }

    @Test
    void truncatedGifRejected() {
        byte[] gif = TestImages.encode(rgbNoise(64, 64), "gif");

        InferenceException error = decodeFailure(Arrays.copyOf(gif, gif.length / 2));

        assertEquals(ErrorCode.INVALID_IMAGE, error.code());
        assertContains(error, "GIF image is truncated or corrupt");
    }

    @Test
    void pngHeaderOnlyRejected() {
        byte[] png = TestImages.encode(rgbNoise(64, 64), "png");

        InferenceException error = decodeFailure(Arrays.copyOf(png, 12));

        assertEquals(ErrorCode.INVALID_IMAGE, error.code());
    }

    @Test
    void imageOverPixelLimitRejected() {
        ImageDecoder small = new ImageDecoder(100);

        InferenceException error = assertThrows(InferenceException.class,
                () -> small.decode(TestImages.encode(rgbNoise(20, 20), "png")));

        assertEquals(ErrorCode.IMAGE_TOO_LARGE, error.code());
        assertContains(error, "20x20 = 400 pixels");
        assertContains(error, "maximum of 100 pixels");
    }

    @Test
    void imageAtPixelLimitAccepted() {
        ImageDecoder exact = new ImageDecoder(400);

        BufferedImage image = exact.decode(TestImages.encode(rgbNoise(20, 20), "png"));

        assertEquals(20, image.getWidth());
    }

    @Test
    void hugeHeaderRejectedBeforeDecoding() {
        byte[] png = withPngSize(TestImages.encode(rgbNoise(1, 1), "png"), 50_000, 50_000);

        InferenceException error = decodeFailure(png);

        assertEquals(ErrorCode.IMAGE_TOO_LARGE, error.code());
        assertContains(error, "50000x50000");
    }

    @Test
    void tiffRejectedAsUnsupported() {
        InferenceException error = decodeFailure(withPadding(new byte[] {'I', 'I', 42, 0}));

        assertEquals(ErrorCode.UNSUPPORTED_IMAGE_FORMAT, error.code());
        assertContains(error, "TIFF");
        assertContains(error, "JPEG, PNG, BMP or GIF");
    }

    @Test
    void bigEndianTiffRejectedAsUnsupported() {
        InferenceException error = decodeFailure(withPadding(new byte[] {'M', 'M', 0, 42}));

        assertEquals(ErrorCode.UNSUPPORTED_IMAGE_FORMAT, error.code());
        assertContains(error, "TIFF");
    }

    @Test
    void webpRejectedAsUnsupported() {
        byte[] webp = "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII);

        InferenceException error = decodeFailure(withPadding(webp));

        assertEquals(ErrorCode.UNSUPPORTED_IMAGE_FORMAT, error.code());
        assertContains(error, "WebP");
        assertContains(error, "JPEG, PNG, BMP or GIF");
    }

    @Test
    void heicRejectedAsUnsupported() {
        byte[] heic = "\0\0\0\u0018ftypheic".getBytes(StandardCharsets.US_ASCII);

        InferenceException error = decodeFailure(withPadding(heic));

        assertEquals(ErrorCode.UNSUPPORTED_IMAGE_FORMAT, error.code());
        assertContains(error, "HEIF");
    }

    @Test
    void avifRejectedAsUnsupported() {
        byte[] avif = "\0\0\0\u001cftypavif".getBytes(StandardCharsets.US_ASCII);

        InferenceException error = decodeFailure(withPadding(avif));

        assertEquals(ErrorCode.UNSUPPORTED_IMAGE_FORMAT, error.code());
        assertContains(error, "AVIF");
    }

    @Test
    void nonPositiveLimitRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ImageDecoder(0));
    }

    @Test
    void concurrentDecodesAgree() throws Exception {
        List<byte[]> inputs = List.of(
                TestImages.encode(TestImages.filled(16, 16, BufferedImage.TYPE_INT_RGB, 0x102030), "png"),
                TestImages.encode(TestImages.filled(16, 16, BufferedImage.TYPE_INT_RGB, 0x405060), "bmp"),
                TestImages.encode(TestImages.filled(16, 16, BufferedImage.TYPE_INT_RGB, 0x708090), "gif"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                byte[] input = inputs.get(i % inputs.size());
                results.add(pool.submit(() -> decoder.decode(input).getRGB(8, 8) & 0xFFFFFF));
            }

            for (int i = 0; i < results.size(); i++) {
                int expected = new int[] {0x102030, 0x405060, 0x708090}[i % inputs.size()];
                assertEquals(expected, results.get(i).get(), "decode " + i);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private InferenceException decodeFailure(byte[] bytes) {
        return assertThrows(InferenceException.class, () -> decoder.decode(bytes));
    }

    static void assertContains(InferenceException error, String expected) {
        assertTrue(error.getMessage().contains(expected),
                "expected the message to contain \"" + expected + "\": " + error.getMessage());
    }

    private static BufferedImage rgbNoise(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(width * 31L + height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return image;
    }

    private static byte[] withPadding(byte[] magic) {
        return Arrays.copyOf(magic, magic.length + 64);
    }

    /** Rewrites the width and height in a PNG's IHDR chunk and its CRC, leaving the pixel data as it was. */
    private static byte[] withPngSize(byte[] png, int width, int height) {
        byte[] patched = png.clone();
        ByteBuffer buffer = ByteBuffer.wrap(patched);
        assertEquals("IHDR", new String(patched, 12, 4, StandardCharsets.US_ASCII));
        buffer.putInt(16, width);
        buffer.putInt(20, height);

        CRC32 crc = new CRC32();
        crc.update(patched, 12, 4 + 13);
        buffer.putInt(29, (int) crc.getValue());
        return patched;
    }
}
