package io.edgeinfer.compression.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Reads the real data set from the Debian package dataset-fashion-mnist. */
class FashionMnistTest {

    @Test
    void testSetHasTenThousandLabelledImages() throws IOException {
        Dataset test = FashionMnist.test(FashionMnist.DEFAULT_DIR);

        assertEquals(10_000, test.size());
        assertEquals(28, test.height());
        assertEquals(28, test.width());
        assertEquals(10_000 * 28 * 28, test.pixels().length);
        assertEquals(9, test.labels()[0], "the first test image is an ankle boot");
        for (int label : test.labels()) {
            assertTrue(label >= 0 && label < 10, "label " + label);
        }
    }

    @Test
    void pixelsAreScaledToUnitRange() throws IOException {
        Dataset test = FashionMnist.test(FashionMnist.DEFAULT_DIR);

        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float pixel : test.pixels()) {
            min = Math.min(min, pixel);
            max = Math.max(max, pixel);
        }
        assertEquals(0f, min);
        assertEquals(1f, max);
    }

    @Test
    void missingFolderNamesPackage() {
        IOException error = assertThrows(IOException.class, () -> FashionMnist.test(Path.of("/nonexistent")));

        assertTrue(error.getMessage().contains("apt-get install dataset-fashion-mnist"), error.getMessage());
    }
}
