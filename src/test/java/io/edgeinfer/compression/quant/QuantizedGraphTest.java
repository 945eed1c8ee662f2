package io.edgeinfer.compression.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.compression.arch.NetworkSpec;
import io.edgeinfer.compression.arch.WeightSet;
import io.edgeinfer.compression.data.Dataset;
import io.edgeinfer.compression.data.FashionMnist;
import io.edgeinfer.compression.export.VariantReader;
import io.edgeinfer.compression.testing.Logits;
import io.edgeinfer.model.ModelCatalog;
import io.edgeinfer.model.VariantId;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/** The quantized graphs of the committed full model, compared with its float graph in TensorFlow. */
class QuantizedGraphTest {

    private static NetworkSpec spec;
    private static WeightSet weights;
    private static Dataset images;
    private static float[] floatLogits;

    @BeforeAll
    static void readFull() throws IOException {
        VariantReader.TrainedNetwork full = VariantReader.read(ModelCatalog.scan(Path.of("models"))
                .find(new VariantId("fashion-mnist", "full")).orElseThrow());
        spec = full.spec();
        weights = full.weights();
        images = FashionMnist.test(FashionMnist.DEFAULT_DIR).head(300);
        floatLogits = Logits.of(spec, weights, images);
    }

    @Test
    void float16CloseToFloat32() {
        float[] logits = run(uniform(Precision.FLOAT16));

        assertArrayEquals(floatLogits, logits, 0.05f);
        assertTrue(agreement(floatLogits, logits) >= 0.99, "agreement " + agreement(floatLogits, logits));
    }

    @Test
    void int8WeightsEqualDequantizedFloat() {
        WeightSet dequantized = new WeightSet();
        for (Map.Entry<String, WeightSet.Weight> entry : weights.asMap().entrySet()) {
            dequantized.put(entry.getKey(), entry.getKey().endsWith("/kernel")
                    ? Int8Quantizer.dequantize(Int8Quantizer.perChannel(entry.getValue())) : entry.getValue());
        }

        float[] logits = run(uniform(Precision.INT8_WEIGHTS));

        assertArrayEquals(Logits.of(spec, dequantized, images), logits, 1e-3f);
        assertTrue(agreement(floatLogits, logits) >= 0.99, "agreement " + agreement(floatLogits, logits));
    }

    @Test
    void int8ComputeAgreesWithFloat() throws IOException {
        Dataset calibration = FashionMnist.train(FashionMnist.DEFAULT_DIR).head(200);
        Map<String, InputRange> ranges = Calibrator.calibrate(spec, weights, List.of("conv1", "conv2"), calibration,
                99.99);
        Map<String, LayerPlan> plans = new LinkedHashMap<>();
        ranges.forEach((layer, range) -> plans.put(layer, new LayerPlan(Precision.INT8_COMPUTE, 0f, range.max())));

        float[] logits = run(plans);

        assertEquals(0f, ranges.get("conv1").min());
        assertEquals(1f, ranges.get("conv1").observedMax());
        assertTrue(agreement(floatLogits, logits) >= 0.98, "agreement " + agreement(floatLogits, logits));
    }

    @Test
    void int8WeightsOnDepthwiseStudent() {
        VariantReader.TrainedNetwork student = VariantReader.read(ModelCatalog.scan(Path.of("models"))
                .find(new VariantId("fashion-mnist", "student-distilled")).orElseThrow());
        WeightSet dequantized = new WeightSet();
        Map<String, LayerPlan> plans = new LinkedHashMap<>();
        for (Map.Entry<String, WeightSet.Weight> entry : student.weights().asMap().entrySet()) {
            boolean kernel = entry.getKey().endsWith("/kernel");
            dequantized.put(entry.getKey(), kernel
                    ? Int8Quantizer.dequantize(Int8Quantizer.perChannel(entry.getValue())) : entry.getValue());
            plans.put(entry.getKey().substring(0, entry.getKey().indexOf('/')), LayerPlan.of(Precision.INT8_WEIGHTS));
        }

        float[] logits = run(student.spec(), student.weights(), plans);

        assertArrayEquals(Logits.of(student.spec(), dequantized, images), logits, 1e-3f);
    }

    @Test
    void int8ComputeOnDenseRejected() {
        assertThrows(IllegalArgumentException.class, () -> run(Map.of("fc1", new LayerPlan(Precision.INT8_COMPUTE,
                0f, 1f))));
    }

    private static Map<String, LayerPlan> uniform(Precision precision) {
        Map<String, LayerPlan> plans = new LinkedHashMap<>();
        for (String layer : List.of("conv1", "conv2", "fc1", "logits")) {
            plans.put(layer, LayerPlan.of(precision));
        }
        return plans;
    }

    private static float[] run(Map<String, LayerPlan> plans) {
        return run(spec, weights, plans);
    }

    private static float[] run(NetworkSpec networkSpec, WeightSet networkWeights, Map<String, LayerPlan> plans) {
        try (Graph graph = new Graph()) {
            Ops tf = Ops.create(graph);
            Placeholder<TFloat32> input = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 28, 28, 1)));
            QuantizedGraph network = QuantizedGraph.build(tf, networkSpec, networkWeights, plans, input);
            try (Session session = new Session(graph);
                    TFloat32 x = TFloat32.tensorOf(Shape.of(images.size(), 28, 28, 1),
                            DataBuffers.of(images.pixels(), true, false))) {
                network.assign(session);
                try (Result result = session.runner().feed(input, x).fetch(network.logits()).run()) {
                    TFloat32 logits = (TFloat32) result.get(0);
                    float[] values = new float[Math.toIntExact(logits.size())];
                    logits.copyTo(DataBuffers.of(values, false, false));
                    return values;
                }
            }
        }
    }

    /** Returns the fraction of images whose top class is the same under both sets of logits. */
    private static double agreement(float[] expected, float[] actual) {
        int images = expected.length / 10;
        int same = 0;
        for (int i = 0; i < images; i++) {
            if (argmax(expected, i * 10) == argmax(actual, i * 10)) {
                same++;
            }
        }
        return (double) same / images;
    }

    private static int argmax(float[] values, int offset) {
        int best = 0;
        for (int c = 1; c < 10; c++) {
            if (values[offset + c] > values[offset + best]) {
                best = c;
            }
        }
        return best;
    }
}
