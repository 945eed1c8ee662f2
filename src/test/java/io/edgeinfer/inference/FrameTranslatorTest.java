package io.edgeinfer.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.edgeinfer.model.Preprocessing;
import io.edgeinfer.model.Preprocessing.ColorMode;
import io.edgeinfer.model.Preprocessing.ResizeMode;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameTranslatorTest {

    private static final float EXACT = 1e-6f;

    private final FrameTranslator translator = new FrameTranslator(new ImageDecoder(1_000_000));

    @Test
    void gray128IsNotGammaCorrected() {
        byte[] png = TestImages.encode(TestImages.gray(4, 4, DataBuffer.TYPE_BYTE, false, 128, 0), "png");

        float[] input = translator.toInput(png, grayscale(4, 4));

        assertEquals(128 / 255f, input[0], EXACT);
    }

    @Test
    void outputHasOneExample() {
        byte[] png = TestImages.encode(TestImages.filled(10, 6, BufferedImage.TYPE_INT_RGB, 0x808080), "png");

        float[] input = translator.toInput(png, rgb(5, 3, 0f, 1f));

        assertEquals(3 * 5 * 3, input.length);
    }

    @Test
    void channelsInterleavedNhwc() {
        BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0xFF0000);
        image.setRGB(1, 0, 0x0000FF);

        float[] input = translator.toInput(TestImages.encode(image, "png"), rgb(2, 1, 0f, 1f));

        assertArrayEquals(new float[] {1f, 0f, 0f, 0f, 0f, 1f}, input, EXACT);
    }

    @Test
    void meanAndStdApplied() {
        byte[] png = TestImages.encode(TestImages.filled(2, 2, BufferedImage.TYPE_INT_RGB, 0xFF0000), "png");

        float[] input = translator.toInput(png, rgb(2, 2, 0.5f, 0.25f));

        assertEquals((1f - 0.5f) / 0.25f, input[0], EXACT);
        assertEquals((0f - 0.5f) / 0.25f, input[1], EXACT);
    }

    @Test
    void rgbToGrayscaleUsesLuma() {
        byte[] png = TestImages.encode(TestImages.filled(2, 2, BufferedImage.TYPE_INT_RGB, 0xFF0000), "png");

        float[] input = translator.toInput(png, grayscale(2, 2));

        assertEquals(0.299f, input[0], EXACT);
    }

    @Test
    void transparentPixelGetsBackground() {
        BufferedImage image = TestImages.filled(2, 2, BufferedImage.TYPE_INT_ARGB, 0x00FFFFFF);
        Preprocessing pre = new Preprocessing(ColorMode.GRAYSCALE, 2, 2, ResizeMode.STRETCH, 0.25f,
                List.of(0f), List.of(1f));

        float[] input = translator.toInput(TestImages.encode(image, "png"), pre);

        assertEquals(0.25f, input[0], EXACT);
    }

    @Test
    void halfTransparentPixelBlended() {
        BufferedImage image = TestImages.filled(2, 2, BufferedImage.TYPE_INT_ARGB, 0x80FFFFFF);
        Preprocessing pre = new Preprocessing(ColorMode.GRAYSCALE, 2, 2, ResizeMode.STRETCH, 0f,
                List.of(0f), List.of(1f));

        float[] input = translator.toInput(TestImages.encode(image, "png"), pre);

        assertEquals(0x80 / 255f, input[0], EXACT);
    }

    @Test
    void stretchedImageResizedBack() {
        float[] pattern = TestImages.smoothPattern(28, 28);
        float[] large = Resampler.resize(pattern, 28, 28, 300, 200);
        byte[] png = TestImages.encode(TestImages.grayFromPlane(large, 300, 200), "png");

        float[] input = translator.toInput(png, grayscale(28, 28));

        // The resize round trip differs by up to 0.0097 at the edges, and 8-bit storage adds up to 0.002.
        assertArrayEquals(pattern, input, 0.015f);
    }

    @Test
    void decodeThenConvertMatchesOneCall() {
        byte[] png = TestImages.encode(TestImages.filled(6, 4, BufferedImage.TYPE_INT_RGB, 0x336699), "png");

        BufferedImage image = translator.decode(png);
        float[] stepwise = translator.toInput(image, rgb(3, 2, 0f, 1f));

        assertArrayEquals(translator.toInput(png, rgb(3, 2, 0f, 1f)), stepwise, EXACT);
    }

    @Test
    void decodeErrorPassedThrough() {
        InferenceException error = assertThrows(InferenceException.class,
                () -> translator.toInput(new byte[0], grayscale(28, 28)));

        assertEquals(ErrorCode.EMPTY_PAYLOAD, error.code());
    }

    private static Preprocessing grayscale(int width, int height) {
        return new Preprocessing(ColorMode.GRAYSCALE, width, height, ResizeMode.STRETCH, 0f, List.of(0f),
                List.of(1f));
    }

    private static Preprocessing rgb(int width, int height, float mean, float std) {
        return new Preprocessing(ColorMode.RGB, width, height, ResizeMode.STRETCH, 0f,
                List.of(mean, mean, mean), List.of(std, std, std));
    }
}
