package io.edgeinfer.compression.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edgeinfer.compression.export.BatchNormFolding;
import java.util.List;
import org.junit.jupiter.api.Test;

/** MAC and parameter counts of depthwise separable blocks, against hand computation. */
class SeparableComparisonTest {

    @Test
    void stridedBlockCountsBothHalves() {
        NetworkSpec spec = new NetworkSpec("separable", 28, 28, 32, 10, List.of(
                new LayerSpec.DepthwiseConv2D("dw", 3, 2, false, Activation.NONE),
                new LayerSpec.BatchNorm("dw_bn", 1e-3f, 0.99f, Activation.RELU6),
                new LayerSpec.Conv2D("pw", 1, 64, 1, true, Activation.RELU6),
                new LayerSpec.GlobalAveragePool(),
                new LayerSpec.Dense("logits", 10, true, Activation.NONE)));

        SeparableComparison.Block block = SeparableComparison.of(spec).blocks().get(0);

        assertEquals("pw", block.block());
        assertEquals(List.of(14, 14, 64), block.outputShape());
        assertEquals(14L * 14 * 3 * 3 * 32 + 14L * 14 * 32 * 64, block.separableMacs());
        assertEquals(14L * 14 * 3 * 3 * 32 * 64, block.standardMacs());
        assertEquals(3 * 3 * 32 + 32 * 64 + 64, block.separableParameters());
        assertEquals(3 * 3 * 32 * 64 + 64, block.standardParameters());
        assertEquals(1.0 / 64 + 1.0 / 9, (double) block.separableMacs() / block.standardMacs(), 1e-12);
    }

    @Test
    void mobilenetHalfWidthTotals() {
        NetworkSpec folded = new NetworkSpec("folded", 28, 28, 1, 10, List.of(
                new LayerSpec.Conv2D("stem", 3, 16, 1, true, Activation.RELU6),
                new LayerSpec.DepthwiseConv2D("block1_dw", 3, 1, true, Activation.RELU6),
                new LayerSpec.Conv2D("block1_pw", 1, 32, 1, true, Activation.RELU6),
                new LayerSpec.DepthwiseConv2D("block2_dw", 3, 2, true, Activation.RELU6),
                new LayerSpec.Conv2D("block2_pw", 1, 64, 1, true, Activation.RELU6),
                new LayerSpec.GlobalAveragePool(),
                new LayerSpec.Dense("logits", 10, true, Activation.NONE)));

        SeparableComparison.Comparison comparison = SeparableComparison.of(folded);

        long stem = 28L * 28 * 9 * 16;
        long block1 = 28L * 28 * 9 * 16 + 28L * 28 * 16 * 32;
        long block2 = 14L * 14 * 9 * 32 + 14L * 14 * 32 * 64;
        long logits = 64 * 10;
        assertEquals(stem + block1 + block2 + logits, comparison.macs());
        assertEquals(stem + 28L * 28 * 9 * 16 * 32 + 14L * 14 * 9 * 32 * 64 + logits, comparison.standardMacs());
        assertEquals(2, comparison.blocks().size());
        assertEquals(folded.parameters() - (9 * 16 + 16 + 16 * 32) - (9 * 32 + 32 + 32 * 64)
                + (9 * 16 * 32) + (9 * 32 * 64), comparison.standardParameters());
    }

    @Test
    void widthMultiplierRoundsToEight() {
        assertEquals(16, Architectures.scaledChannels(32, 0.5));
        assertEquals(24, Architectures.scaledChannels(32, 0.75));
        assertEquals(8, Architectures.scaledChannels(32, 0.1));
        assertEquals(23_146, BatchNormFolding.foldedSpec(Architectures.mobilenet(28, 28, 1, 10, 0.5)).parameters());
    }
}
