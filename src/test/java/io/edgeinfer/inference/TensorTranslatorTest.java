package io.edgeinfer.inference;

import static io.edgeinfer.inference.ImageDecoderTest.assertContains;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.edgeinfer.model.TensorSpec;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TensorTranslatorTest {

    private static final TensorSpec INPUT = new TensorSpec("input", List.of(-1L, 28L, 28L, 1L), "float32");
    private static final int COUNT = 28 * 28;

    private final TensorTranslator translator = new TensorTranslator();

    @Test
    void jsonExampleShapeAccepted() {
        float[] values = ramp(COUNT);

        float[] input = translator.toInput(json("[28, 28, 1]", values), INPUT);

        assertArrayEquals(values, input);
    }

    @Test
    void jsonBatchOfOneAccepted() {
        float[] values = ramp(COUNT);

        float[] input = translator.toInput(json("[1, 28, 28, 1]", values), INPUT);

        assertArrayEquals(values, input);
    }

    @Test
    void jsonFieldsInAnyOrder() {
        String text = "\n  {\"data\": " + numbers(ramp(COUNT)) + ", \"dtype\": \"float32\", \"shape\": [28, 28, 1]}";

        float[] input = translator.toInput(utf8(text), INPUT);

        assertArrayEquals(ramp(COUNT), input);
    }

    @Test
    void wrongShapeRejected() {
        InferenceException error = failure(json("[27, 28, 1]", ramp(27 * 28)));

        assertEquals(ErrorCode.WRONG_SHAPE, error.code());
        assertEquals("Tensor shape [27, 28, 1] does not match the model input [28, 28, 1] (or [1, 28, 28, 1])",
                error.getMessage());
    }

    @Test
    void wrongCountRejected() {
        InferenceException error = failure(json("[28, 28, 1]", ramp(COUNT - 1)));

        assertEquals(ErrorCode.WRONG_SHAPE, error.code());
        assertContains(error, "783 values");
        assertContains(error, "needs 784");
    }

    @Test
    void extraValuesRejected() {
        InferenceException error = failure(json("[28, 28, 1]", ramp(COUNT + 5)));

        assertEquals(ErrorCode.WRONG_SHAPE, error.code());
        assertContains(error, "789 values");
    }

    @Test
    void batchOfTwoRejected() {
        InferenceException error = failure(json("[2, 28, 28, 1]", ramp(2 * COUNT)));

        assertEquals(ErrorCode.WRONG_SHAPE, error.code());
        assertContains(error, "batch of 2");
        assertContains(error, "one tensor per request");
    }

    @Test
    void nanRejected() {
        InferenceException error = failure(utf8(dataWith("NaN")));

        assertEquals(ErrorCode.INVALID_TENSOR, error.code());
        assertContains(error, "data[3] is NaN");
    }

    @Test
    void infinityRejected() {
        InferenceException error = failure(utf8(dataWith("-Infinity")));

        assertEquals(ErrorCode.INVALID_TENSOR, error.code());
        assertContains(error, "data[3] is -Infinity");
    }

    @Test
    void float32OverflowRejected() {
        InferenceException error = failure(utf8(dataWith("1e39")));

        assertEquals(ErrorCode.INVALID_TENSOR, error.code());
        assertContains(error, "1e39 is outside the float32 range");
    }

    @Test
    void stringValueRejected() {
        InferenceException error = failure(utf8(dataWith("\"0.5\"")));

        assertEquals(ErrorCode.INVALID_TENSOR, error.code());
        assertContains(error, "data[3] is a string (\"0.5\")");
    }

    @Test
    void nestedDataRejected() {
        InferenceException error = failure(utf8("{\"shape\": [28, 28, 1], \"data\": [[0.5, 0.5]]}"));

        assertEquals(ErrorCode.INVALID_TENSOR, error.code());
        assertContains(error, "data[0] is an array");
        assertContains(error, "flat");
    }

    @Test
    void malformedJsonNamesLocation() {
        InferenceException error = failure(utf8("{\"shape\": [28, 28, 1],\n \"data\": [0.5, oops]}"));

        assertEquals(ErrorCode.INVALID_TENSOR, error.code());
        assertContains(error, "line 2, column");
    }

    @Test
    void truncatedJsonRejected() {
        InferenceException error = failure(utf8("{\"shape\": [28, 28, 1], \"data\": [0.5, 0.25"));

        assertEquals(ErrorCode.INVALID_TENSOR, error.code());
        assertContains(error, "Tensor JSON is invalid");
        assertContains(error, "start marker at [line: 1, column: 32]");
    }

    @Test
    void missingShapeRejected() {
        InferenceException error = failure(utf8("{\"data\": [0.5]}"));

        assertEquals(ErrorCode.INVALID_TENSOR, error.code());
        assertContains(error, "missing \"shape\"");
    }

    @Test
    void missingDataRejected() {
        InferenceException error = failure(utf8("{\"shape\": [28, 28, 1]}"));

        assertEquals(ErrorCode.INVALID_TENSOR, error.code());
        assertContains(error, "missing \"data\"");
    }

    @Test
    void fractionalDimensionRejected() {
        InferenceException error = failure(utf8("{\"shape\": [28, 28.5, 1], \"data\": []}"));

        assertEquals(ErrorCode.INVALID_TENSOR, error.code());
        assertContains(error, "shape[1] is 28.5");
    }

    @Test
    void duplicateFieldRejected() {
        InferenceException error = failure(utf8("{\"shape\": [28, 28, 1], \"shape\": [28, 28, 1], \"data\": []}"));

        assertEquals(ErrorCode.INVALID_TENSOR, error.code());
        assertContains(error, "Duplicate field 'shape'");
    }

    @Test
    void contentAfterObjectRejected() {
        InferenceException error = failure(utf8(new String(json("[28, 28, 1]", ramp(COUNT)),
                StandardCharsets.UTF_8) + " {}"));

        assertEquals(ErrorCode.INVALID_TENSOR, error.code());
    }

    @Test
    void rawFloat32Accepted() {
        float[] values = ramp(COUNT);

        float[] input = translator.toInput(raw(values), INPUT);

        assertArrayEquals(values, input);
    }

    @Test
    void rawStartingWithBraceAccepted() {
        float[] values = ramp(COUNT);
        values[0] = Float.intBitsToFloat(0x3F00_007B);

        float[] input = translator.toInput(raw(values), INPUT);

        assertArrayEquals(values, input);
    }

    @Test
    void rawWrongCountRejected() {
        InferenceException error = failure(raw(ramp(COUNT - 34)));

        assertEquals(ErrorCode.WRONG_SHAPE, error.code());
        assertContains(error, "750 values (3000 bytes)");
        assertContains(error, "784 values (3136 bytes)");
    }

    @Test
    void rawOddLengthRejected() {
        InferenceException error = failure(new byte[3001]);

        assertEquals(ErrorCode.INVALID_TENSOR, error.code());
        assertContains(error, "3001 bytes");
        assertContains(error, "multiple of 4");
    }

    @Test
    void rawNanRejected() {
        float[] values = ramp(COUNT);
        values[17] = Float.NaN;

        InferenceException error = failure(raw(values));

        assertEquals(ErrorCode.INVALID_TENSOR, error.code());
        assertContains(error, "value 17 is NaN");
    }

    @Test
    void emptyPayloadRejected() {
        InferenceException error = failure(new byte[0]);

        assertEquals(ErrorCode.EMPTY_PAYLOAD, error.code());
        assertContains(error, "0 bytes");
    }

    private InferenceException failure(byte[] payload) {
        return assertThrows(InferenceException.class, () -> translator.toInput(payload, INPUT));
    }

    /** Returns {@code count} distinct values in [0, 1). */
    private static float[] ramp(int count) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = i / (float) count;
        }
        return values;
    }

    private static byte[] json(String shape, float[] values) {
        return utf8("{\"shape\": " + shape + ", \"data\": " + numbers(values) + "}");
    }

    /** Returns tensor JSON whose data is three numbers followed by the given JSON text. */
    private static String dataWith(String fourthValue) {
        return "{\"shape\": [28, 28, 1], \"data\": [0, 0.5, 1, " + fourthValue + "]}";
    }

    private static String numbers(float[] values) {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            text.append(i == 0 ? "" : ", ").append(values[i]);
        }
        return text.append(']').toString();
    }

    private static byte[] raw(float[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values);
        return buffer.array();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
