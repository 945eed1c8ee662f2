package io.edgeinfer.compression.arch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkSpecTest {

    @Test
    void baselineCountsMatchHandComputation() {
        NetworkSpec spec = Architectures.baseline(28, 28, 1, 10);

        long conv1 = 5 * 5 * 1 * 32 + 32;
        long conv2 = 5 * 5 * 32 * 64 + 64;
        long fc1 = 7 * 7 * 64 * 1024 + 1024;
        long logits = 1024 * 10 + 10;
        assertEquals(conv1 + conv2 + fc1 + logits, spec.parameters());

        long conv1Macs = 28L * 28 * 5 * 5 * 1 * 32;
        long conv2Macs = 14L * 14 * 5 * 5 * 32 * 64;
        long fc1Macs = 3136L * 1024;
        long logitsMacs = 1024L * 10;
        assertEquals(conv1Macs + conv2Macs + fc1Macs + logitsMacs, spec.macs());
    }

    @Test
    void stridedConvolutionRoundsUp() {
        NetworkSpec spec = new NetworkSpec("strided", 7, 7, 3, 2, List.of(
                new LayerSpec.Conv2D("conv", 3, 4, 2, false, Activation.RELU),
                new LayerSpec.Flatten(),
                new LayerSpec.Dense("out", 2, true, Activation.NONE)));

        LayerCost conv = spec.costs().get(0);
        assertEquals(List.of(4, 4, 4), conv.outputShape());
        assertEquals(4L * 4 * 3 * 3 * 3 * 4, conv.macs());
        assertEquals(3 * 3 * 3 * 4, conv.parameters());
    }

    @Test
    void depthwiseLayerCountsOneFilterPerChannel() {
        NetworkSpec spec = new NetworkSpec("depthwise", 8, 8, 16, 2, List.of(
                new LayerSpec.DepthwiseConv2D("dw", 3, 1, true, Activation.RELU6),
                new LayerSpec.Flatten(),
                new LayerSpec.Dense("out", 2, true, Activation.NONE)));

        LayerCost depthwise = spec.costs().get(0);
        assertEquals(3 * 3 * 16 + 16, depthwise.parameters());
        assertEquals(8L * 8 * 3 * 3 * 16, depthwise.macs());
        assertArrayEquals(new long[] {3, 3, 16, 1}, depthwise.variables().get("dw/kernel"));
    }

    @Test
    void lastLayerMustBeLogits() {
        assertThrows(IllegalArgumentException.class, () -> new NetworkSpec("bad", 28, 28, 1, 10, List.of(
                new LayerSpec.Flatten(),
                new LayerSpec.Dense("out", 10, true, Activation.RELU))));
    }

    @Test
    void denseNeedsFlatten() {
        NetworkSpec spec = new NetworkSpec("unflattened", 28, 28, 1, 10, List.of(
                new LayerSpec.Dense("out", 10, true, Activation.NONE)));

        assertThrows(IllegalArgumentException.class, spec::costs);
    }
}
