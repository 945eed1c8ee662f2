package io.edgeinfer.compression.quant;

import io.edgeinfer.compression.arch.NetworkSpec;
import io.edgeinfer.compression.arch.WeightSet;
import io.edgeinfer.compression.data.Dataset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Post-training calibration: runs the float network on sample images and records the range of chosen layers'
 * inputs, which int8 compute needs to quantize them.
 */
public final class Calibrator {

    private static final int BATCH_SIZE = 250;

    private Calibrator() {
    }

    /**
     * Returns the input range of each layer in {@code layers}.
     *
     * @param images calibration images, normally from the training set so that the test set stays unseen
     * @param percentile the percentile of input values that becomes the range maximum, in (0, 100]; 100 takes the
     *     largest value seen (min/max calibration), lower values clip rare outliers to keep the quantization steps
     *     fine
     */
    public static Map<String, InputRange> calibrate(NetworkSpec spec, WeightSet weights, List<String> layers,
            Dataset images, double percentile) {
        if (!(percentile > 0 && percentile <= 100)) {
            throw new IllegalArgumentException("The calibration percentile must be in (0, 100]; got " + percentile);
        }
        Map<String, List<float[]>> seen = new LinkedHashMap<>();
        layers.forEach(layer -> seen.put(layer, new ArrayList<>()));
        try (Graph graph = new Graph()) {
            Ops tf = Ops.create(graph);
            Placeholder<TFloat32> input = tf.placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(-1, spec.height(), spec.width(), spec.channels())));
            QuantizedGraph network = QuantizedGraph.build(tf, spec, weights, Map.of(), input);
            try (Session session = new Session(graph)) {
                network.assign(session);
                collect(session, input, network, layers, images, seen);
            }
        }
        Map<String, InputRange> ranges = new LinkedHashMap<>();
        seen.forEach((layer, batches) -> ranges.put(layer, range(batches, percentile)));
        return ranges;
    }

    private static void collect(Session session, Placeholder<TFloat32> input, QuantizedGraph network,
            List<String> layers, Dataset images, Map<String, List<float[]>> seen) {
        int pixels = images.pixelsPerImage();
        for (int start = 0; start < images.size(); start += BATCH_SIZE) {
            int size = Math.min(BATCH_SIZE, images.size() - start);
            float[] batch = Arrays.copyOfRange(images.pixels(), start * pixels, (start + size) * pixels);
            try (TFloat32 x = TFloat32.tensorOf(Shape.of(size, images.height(), images.width(), 1),
                    DataBuffers.of(batch, true, false))) {
                // TensorFlow rejects fetching a fed placeholder, so a layer that reads the images gets the batch.
                List<String> fetched = layers.stream()
                        .filter(layer -> !network.layerInputs().get(layer).asOutput().equals(input.asOutput())).toList();
                Session.Runner runner = session.runner().feed(input, x);
                fetched.forEach(layer -> runner.fetch(network.layerInputs().get(layer)));
                try (Result result = runner.run()) {
                    for (String layer : layers) {
                        int index = fetched.indexOf(layer);
                        seen.get(layer).add(index < 0 ? batch : copy((TFloat32) result.get(index)));
                    }
                }
            }
        }
    }

    private static float[] copy(TFloat32 tensor) {
        float[] values = new float[Math.toIntExact(tensor.size())];
        tensor.copyTo(DataBuffers.of(values, false, false));
        return values;
    }

    private static InputRange range(List<float[]> batches, double percentile) {
        int total = batches.stream().mapToInt(batch -> batch.length).sum();
        float[] all = new float[total];
        int offset = 0;
        for (float[] batch : batches) {
            System.arraycopy(batch, 0, all, offset, batch.length);
            offset += batch.length;
        }
        Arrays.sort(all);
        int index = (int) Math.min(total - 1, Math.ceil(percentile / 100 * total) - 1);
        return new InputRange(all[0], all[Math.max(0, index)], all[total - 1], total);
    }
}
