package io.edgeinfer.inference;

import io.edgeinfer.model.TensorSpec;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a tensor payload into one example of model input, already pre-processed by the sender.
 *
 * <p>Two encodings are accepted. A payload whose first non-whitespace byte is {@code '{'} is JSON
 * {@code {"shape": [...], "data": [...]}} with the values flat in row-major order. Its shape is the example
 * shape, such as {@code [28, 28, 1]}, or that shape with a leading batch of 1. Any other payload is raw
 * little-endian float32, exactly one example long.
 *
 * <p>Thread safety: stateless and safe to share.
 */
public final class TensorTranslator {

    private static final int FLOAT32_BYTES = Float.BYTES;

    /**
     * Returns the example's {@code input.elementsPerExample()} values in the order of {@code input}'s shape.
     *
     * @param input the model's input tensor, with the batch dimension first
     * @throws InferenceException with {@link ErrorCode#EMPTY_PAYLOAD} for zero bytes,
     *     {@link ErrorCode#INVALID_TENSOR} for invalid JSON, a value that is not a finite number, or a raw
     *     length that is not a multiple of 4, and {@link ErrorCode#WRONG_SHAPE} when the shape, the batch size
     *     or the value count differs from the model input
     */
    public float[] toInput(byte[] payload, TensorSpec input) {
        if (payload.length == 0) {
            throw new InferenceException(ErrorCode.EMPTY_PAYLOAD, "Payload is 0 bytes; send JSON "
                    + JsonTensorReader.EXAMPLE + " or raw little-endian float32 values");
        }
        if (Payloads.firstNonWhitespace(payload) == '{') {
            return fromJsonOrRaw(payload, input);
        }
        return fromRaw(payload, input);
    }

    /**
     * Reads JSON, falling back to raw float32 when the JSON is invalid and the length fits raw data exactly. The
     * first byte of a raw payload is the lowest mantissa byte of the first value, so with varied values roughly
     * 1 in 256 raw payloads starts with '{' (an estimate). When both readings fail, the JSON error is thrown.
     */
    private static float[] fromJsonOrRaw(byte[] payload, TensorSpec input) {
        try {
            return fromJson(payload, input);
        } catch (InferenceException jsonError) {
            boolean rawLength = payload.length == (long) input.elementsPerExample() * FLOAT32_BYTES;
            if (jsonError.code() != ErrorCode.INVALID_TENSOR || !rawLength) {
                throw jsonError;
            }
            try {
                return fromRaw(payload, input);
            } catch (InferenceException rawError) {
                throw jsonError;
            }
        }
    }

    private static float[] fromJson(byte[] payload, TensorSpec input) {
        int expectedCount = input.elementsPerExample();
        JsonTensorReader.JsonTensor tensor = JsonTensorReader.read(payload, expectedCount);

        checkShape(tensor.shape(), input.exampleShape());

        if (tensor.valueCount() != expectedCount) {
            throw new InferenceException(ErrorCode.WRONG_SHAPE, "Tensor data has " + tensor.valueCount()
                    + " values, but shape " + tensor.shape() + " needs " + expectedCount
                    + "; send one value per element, flat in row-major order");
        }
        return tensor.data();
    }

    private static void checkShape(List<Long> shape, List<Long> exampleShape) {
        if (shape.equals(exampleShape)) {
            return;
        }
        String accepted = exampleShape + " (or " + withBatch(exampleShape) + ")";
        boolean batched = shape.size() == exampleShape.size() + 1
                && shape.subList(1, shape.size()).equals(exampleShape);
        if (batched && shape.get(0) == 1) {
            return;
        }
        if (batched) {
            throw new InferenceException(ErrorCode.WRONG_SHAPE, "Tensor shape " + shape + " has a batch of "
                    + shape.get(0) + ", but the service takes one tensor per request; send each example as "
                    + accepted + " in its own request");
        }
        throw new InferenceException(ErrorCode.WRONG_SHAPE, "Tensor shape " + shape
                + " does not match the model input " + accepted);
    }

    private static float[] fromRaw(byte[] payload, TensorSpec input) {
        if (payload.length % FLOAT32_BYTES != 0) {
            throw new InferenceException(ErrorCode.INVALID_TENSOR, "Raw float32 payload is " + payload.length
                    + " bytes, which is not a multiple of 4; send little-endian float32 values or JSON "
                    + JsonTensorReader.EXAMPLE);
        }
        int expectedCount = input.elementsPerExample();
        int count = payload.length / FLOAT32_BYTES;
        if (count != expectedCount) {
            throw new InferenceException(ErrorCode.WRONG_SHAPE, "Raw float32 payload has " + count + " values ("
                    + payload.length + " bytes), but the model input " + input.exampleShape() + " needs "
                    + expectedCount + " values (" + (long) expectedCount * FLOAT32_BYTES + " bytes)");
        }

        float[] values = new float[count];
        ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        for (int i = 0; i < count; i++) {
            if (!Float.isFinite(values[i])) {
                throw new InferenceException(ErrorCode.INVALID_TENSOR, "Raw float32 value " + i + " is "
                        + values[i] + ", but the model takes finite numbers");
            }
        }
        return values;
    }

    private static List<Long> withBatch(List<Long> exampleShape) {
        List<Long> shape = new ArrayList<>(exampleShape.size() + 1);
        shape.add(1L);
        shape.addAll(exampleShape);
        return shape;
    }
}
