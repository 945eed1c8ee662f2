package io.edgeinfer.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import org.junit.jupiter.api.Test;

/** Encodes each kind of image with ImageIO, decodes it again and checks the planes of one pixel. */
class PixelReaderTest {

    private static final float EXACT = 1e-6f;
    /** JPEG is lossy, but a flat area of one colour comes back within a few levels. */
    private static final float JPEG = 3 / 255f;

    private final ImageDecoder decoder = new ImageDecoder(1_000_000);

    @Test
    void gray8PngKeepsStoredValue() {
        BufferedImage gray = TestImages.gray(4, 4, DataBuffer.TYPE_BYTE, false, 128, 0);

        PixelPlanes planes = roundTrip(gray, "png");

        assertEquals(128 / 255f, planes.red()[5], EXACT);
        assertTrue(planes.isGray());
        assertNull(planes.alpha());
    }

    @Test
    void gray16PngKeepsStoredValue() {
        BufferedImage gray = TestImages.gray(4, 4, DataBuffer.TYPE_USHORT, false, 0x8000, 0);

        PixelPlanes planes = roundTrip(gray, "png");

        assertEquals(0x8000 / 65535f, planes.red()[5], EXACT);
        assertTrue(planes.isGray());
    }

    @Test
    void grayAlphaPngReadsBothBands() {
        BufferedImage gray = TestImages.gray(4, 4, DataBuffer.TYPE_BYTE, true, 200, 51);

        PixelPlanes planes = roundTrip(gray, "png");

        assertEquals(200 / 255f, planes.red()[5], EXACT);
        assertEquals(51 / 255f, planes.alpha()[5], EXACT);
        assertTrue(planes.isGray());
    }

    @Test
    void rgbPngReadsEachChannel() {
        BufferedImage rgb = TestImages.filled(4, 4, BufferedImage.TYPE_3BYTE_BGR, 0x10_80_F0);

        PixelPlanes planes = roundTrip(rgb, "png");

        assertFalse(planes.isGray());
        assertEquals(0x10 / 255f, planes.red()[5], EXACT);
        assertEquals(0x80 / 255f, planes.green()[5], EXACT);
        assertEquals(0xF0 / 255f, planes.blue()[5], EXACT);
        assertNull(planes.alpha());
    }

    @Test
    void rgbaPngReadsAlpha() {
        BufferedImage rgba = TestImages.filled(4, 4, BufferedImage.TYPE_INT_ARGB, 0x40_10_80_F0);

        PixelPlanes planes = roundTrip(rgba, "png");

        assertEquals(0x10 / 255f, planes.red()[5], EXACT);
        assertEquals(0x80 / 255f, planes.green()[5], EXACT);
        assertEquals(0xF0 / 255f, planes.blue()[5], EXACT);
        assertEquals(0x40 / 255f, planes.alpha()[5], EXACT);
    }

    @Test
    void rgb16PngKeeps16Bits() {
        BufferedImage rgb = TestImages.rgb16(4, 4, 1, 0x8000, 0xFFFF);

        PixelPlanes planes = roundTrip(rgb, "png");

        assertEquals(1 / 65535f, planes.red()[5], EXACT);
        assertEquals(0x8000 / 65535f, planes.green()[5], EXACT);
        assertEquals(1f, planes.blue()[5], EXACT);
    }

    @Test
    void palettePngUsesPalette() {
        IndexColorModel palette = new IndexColorModel(8, 2, new byte[] {0, (byte) 200},
                new byte[] {0, 100}, new byte[] {0, 50});

        PixelPlanes planes = roundTrip(TestImages.indexed(4, 4, palette, 1), "png");

        assertEquals(200 / 255f, planes.red()[5], EXACT);
        assertEquals(100 / 255f, planes.green()[5], EXACT);
        assertEquals(50 / 255f, planes.blue()[5], EXACT);
        assertNull(planes.alpha());
    }

    @Test
    void palettePngReadsTransparency() {
        IndexColorModel palette = new IndexColorModel(8, 2, new byte[] {0, (byte) 200},
                new byte[] {0, 100}, new byte[] {0, 50}, new byte[] {(byte) 255, 0});

        PixelPlanes planes = roundTrip(TestImages.indexed(4, 4, palette, 1), "png");

        assertEquals(200 / 255f, planes.red()[5], EXACT);
        assertEquals(0f, planes.alpha()[5], EXACT);
    }

    @Test
    void grayPaletteSharesPlanes() {
        IndexColorModel palette = new IndexColorModel(8, 2, new byte[] {0, 77}, new byte[] {0, 77},
                new byte[] {0, 77});

        PixelPlanes planes = roundTrip(TestImages.indexed(4, 4, palette, 1), "png");

        assertEquals(77 / 255f, planes.red()[5], EXACT);
        assertTrue(planes.isGray());
    }

    @Test
    void oneBitPngReadsLevels() {
        BufferedImage binary = TestImages.filled(4, 4, BufferedImage.TYPE_BYTE_BINARY, 0xFFFFFF);
        binary.setRGB(0, 0, 0x000000);

        PixelPlanes planes = roundTrip(binary, "png");

        assertEquals(0f, planes.red()[0], EXACT);
        assertEquals(1f, planes.red()[5], EXACT);
    }

    @Test
    void rgbJpegReadsEachChannel() {
        BufferedImage rgb = TestImages.filled(16, 16, BufferedImage.TYPE_3BYTE_BGR, 0x20_80_D0);

        PixelPlanes planes = roundTrip(rgb, "jpeg");

        assertEquals(0x20 / 255f, planes.red()[100], JPEG);
        assertEquals(0x80 / 255f, planes.green()[100], JPEG);
        assertEquals(0xD0 / 255f, planes.blue()[100], JPEG);
    }

    @Test
    void grayJpegKeepsStoredValue() {
        BufferedImage gray = TestImages.gray(16, 16, DataBuffer.TYPE_BYTE, false, 128, 0);

        PixelPlanes planes = roundTrip(gray, "jpeg");

        assertEquals(128 / 255f, planes.red()[100], JPEG);
        assertTrue(planes.isGray());
    }

    @Test
    void bmpReadsEachChannel() {
        BufferedImage rgb = TestImages.filled(4, 4, BufferedImage.TYPE_3BYTE_BGR, 0x10_80_F0);

        PixelPlanes planes = roundTrip(rgb, "bmp");

        assertEquals(0x10 / 255f, planes.red()[5], EXACT);
        assertEquals(0x80 / 255f, planes.green()[5], EXACT);
        assertEquals(0xF0 / 255f, planes.blue()[5], EXACT);
    }

    @Test
    void paletteBmpUsesPalette() {
        // A full 256-entry palette, because the JDK 17 BMP writer stores a 2-entry palette image as all black.
        byte[] red = new byte[256];
        byte[] green = new byte[256];
        byte[] blue = new byte[256];
        red[1] = (byte) 200;
        green[1] = 100;
        blue[1] = 50;
        IndexColorModel palette = new IndexColorModel(8, 256, red, green, blue);

        PixelPlanes planes = roundTrip(TestImages.indexed(4, 4, palette, 1), "bmp");

        assertEquals(200 / 255f, planes.red()[5], EXACT);
        assertEquals(100 / 255f, planes.green()[5], EXACT);
        assertEquals(50 / 255f, planes.blue()[5], EXACT);
    }

    @Test
    void gifUsesPalette() {
        BufferedImage rgb = TestImages.filled(4, 4, BufferedImage.TYPE_INT_RGB, 0x10_80_F0);

        PixelPlanes planes = roundTrip(rgb, "gif");

        assertEquals(0x10 / 255f, planes.red()[5], EXACT);
        assertEquals(0x80 / 255f, planes.green()[5], EXACT);
        assertEquals(0xF0 / 255f, planes.blue()[5], EXACT);
    }

    @Test
    void packed565ScalesByBandSize() {
        BufferedImage image = new BufferedImage(2, 2, BufferedImage.TYPE_USHORT_565_RGB);
        image.getRaster().setPixel(1, 1, new int[] {31, 32, 1});

        PixelPlanes planes = PixelReader.read(image);

        assertEquals(1f, planes.red()[3], EXACT);
        assertEquals(32 / 63f, planes.green()[3], EXACT);
        assertEquals(1 / 31f, planes.blue()[3], EXACT);
    }

    @Test
    void premultipliedAlphaUndone() {
        BufferedImage image = new BufferedImage(2, 2, BufferedImage.TYPE_INT_ARGB_PRE);
        image.getRaster().setPixel(0, 0, new int[] {50, 25, 0, 100});

        PixelPlanes planes = PixelReader.read(image);

        assertEquals(0.5f, planes.red()[0], EXACT);
        assertEquals(0.25f, planes.green()[0], EXACT);
        assertEquals(100 / 255f, planes.alpha()[0], EXACT);
    }

    @Test
    void otherColorSpaceMatchesGetRgb() {
        ColorSpace linear = ColorSpace.getInstance(ColorSpace.CS_LINEAR_RGB);
        ComponentColorModel model = new ComponentColorModel(linear, false, false, Transparency.OPAQUE,
                DataBuffer.TYPE_BYTE);
        WritableRaster raster = model.createCompatibleWritableRaster(2, 2);
        raster.setPixel(1, 0, new int[] {40, 120, 220});
        BufferedImage image = new BufferedImage(model, raster, false, null);
        int rgb = image.getRGB(1, 0);

        PixelPlanes planes = PixelReader.read(image);

        assertEquals(((rgb >> 16) & 0xFF) / 255f, planes.red()[1], EXACT);
        assertEquals(((rgb >> 8) & 0xFF) / 255f, planes.green()[1], EXACT);
        assertEquals((rgb & 0xFF) / 255f, planes.blue()[1], EXACT);
    }

    @Test
    void planesAreRowMajor() {
        BufferedImage image = TestImages.filled(3, 2, BufferedImage.TYPE_INT_RGB, 0x000000);
        image.setRGB(2, 1, 0xFFFFFF);

        PixelPlanes planes = roundTrip(image, "png");

        assertEquals(3, planes.width());
        assertEquals(2, planes.height());
        assertEquals(1f, planes.red()[5], EXACT);
        assertEquals(0f, planes.red()[2], EXACT);
    }

    private PixelPlanes roundTrip(BufferedImage image, String format) {
        return PixelReader.read(decoder.decode(TestImages.encode(image, format)));
    }
}
