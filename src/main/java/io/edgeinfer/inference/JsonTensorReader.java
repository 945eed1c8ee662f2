package io.edgeinfer.inference;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Stream-parses a JSON tensor {@code {"shape": [...], "data": [...]}} without building a tree, because a
 * payload can contain hundreds of thousands of numbers.
 *
 * <p>Only the syntax and the value types are checked here. Whether the shape fits the model is the caller's
 * job. Other fields are ignored, and a field given twice is an error.
 *
 * <p>Thread safety: stateless. The shared {@link JsonFactory} is thread-safe.
 */
final class JsonTensorReader {

    /** A parsed tensor whose {@code data} contains the first {@code min(valueCount, capacity)} values. */
    record JsonTensor(List<Long> shape, float[] data, long valueCount) {
    }

    static final String EXAMPLE = "{\"shape\":[...],\"data\":[...]}";

    // NaN and Infinity are accepted as tokens only so that the error can name them. They are rejected below.
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private JsonTensorReader() {
    }

    /**
     * Parses a JSON tensor, storing at most {@code capacity} values and counting the rest, so that an oversized
     * payload costs no more memory than a correct one.
     *
     * @throws InferenceException with {@link ErrorCode#INVALID_TENSOR} for invalid JSON, a missing field, a
     *     value that is not a number, or NaN and infinite values
     */
    static JsonTensor read(byte[] payload, int capacity) {
        try (JsonParser parser = FACTORY.createParser(payload)) {
            return readObject(parser, capacity);
        } catch (JsonProcessingException e) {
            throw invalid(e.getLocation(), withoutSource(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new InferenceException(ErrorCode.INVALID_TENSOR, "Tensor JSON cannot be read: " + e.getMessage()
                    + "; send " + EXAMPLE, e);
        }
    }

    private static JsonTensor readObject(JsonParser parser, int capacity) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw invalid(parser, "the payload is not a JSON object");
        }

        List<Long> shape = null;
        float[] data = null;
        long valueCount = 0;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            if (field.equals("shape")) {
                shape = readShape(parser);
            } else if (field.equals("data")) {
                data = new float[capacity];
                valueCount = readData(parser, data);
            } else {
                parser.skipChildren();
            }
        }

        if (parser.nextToken() != null) {
            throw invalid(parser, "content follows the end of the tensor object");
        }
        if (shape == null || data == null) {
            String missing = shape == null ? "shape" : "data";
            throw invalid((JsonLocation) null, "the tensor object is missing \"" + missing + "\"", null);
        }
        return new JsonTensor(List.copyOf(shape), data, valueCount);
    }

    private static List<Long> readShape(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw invalid(parser, "\"shape\" is " + describe(parser) + ", not an array of integers");
        }
        List<Long> shape = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token != JsonToken.VALUE_NUMBER_INT || parser.getLongValue() < 0) {
                throw invalid(parser, "shape[" + shape.size() + "] is " + describe(parser)
                        + ", but dimensions are non-negative integers");
            }
            shape.add(parser.getLongValue());
        }
        return shape;
    }

    /** Reads the data array into {@code data} up to its length and returns how many values it contains. */
    private static long readData(JsonParser parser, float[] data) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw invalid(parser, "\"data\" is " + describe(parser) + ", not an array of numbers");
        }
        long count = 0;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
                throw invalid(parser, "data[" + count + "] is " + describe(parser) + ", but \"data\" must be a"
                        + " flat array of numbers in row-major order, for example numpy's a.ravel().tolist()");
            }
            float value = parser.getFloatValue();
            if (!Float.isFinite(value)) {
                String problem = parser.isNaN() ? "is " + parser.getText() + ", but values must be finite"
                        : "= " + parser.getText() + " is outside the float32 range of about +-3.4e38";
                throw invalid(parser, "data[" + count + "] " + problem);
            }
            if (count < data.length) {
                data[(int) count] = value;
            }
            count++;
        }
        return count;
    }

    /** Describes the current token for a message, for example {@code a string ("abc")}. */
    private static String describe(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        return switch (token) {
            case VALUE_STRING -> "a string (\"" + parser.getText() + "\")";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getText();
            case VALUE_TRUE, VALUE_FALSE -> "a boolean (" + parser.getText() + ")";
            case VALUE_NULL -> "null";
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            default -> String.valueOf(token);
        };
    }

    /**
     * Removes Jackson's "[Source: ...; " prefix from locations inside a message, which names no source here
     * because source inclusion is off, and leaves the line and column.
     */
    private static String withoutSource(String message) {
        return message.replaceAll("\\[Source: [^;]*; ", "[");
    }

    private static InferenceException invalid(JsonParser parser, String problem) {
        return invalid(parser.currentTokenLocation(), problem, null);
    }

    private static InferenceException invalid(JsonLocation location, String problem, Throwable cause) {
        String where = location == null ? "" : " at line " + location.getLineNr() + ", column "
                + location.getColumnNr();
        return new InferenceException(ErrorCode.INVALID_TENSOR, "Tensor JSON is invalid" + where + ": " + problem
                + "; send " + EXAMPLE, cause);
    }
}
