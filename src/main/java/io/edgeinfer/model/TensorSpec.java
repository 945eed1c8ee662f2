package io.edgeinfer.model;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * Name, shape and element type of one tensor in a model's serving signature.
 *
 * @param name the signature's key for this tensor, for example {@code input}
 * @param shape dimensions in NHWC order, with -1 for the batch dimension
 * @param dtype the TensorFlow element type name, for example {@code float32}
 */
@RegisterForReflection
public record TensorSpec(String name, List<Long> shape, String dtype) {

    /** Returns the number of elements in one example, that is the product of every dimension after the batch. */
    public int elementsPerExample() {
        long count = 1;
        for (int i = 1; i < shape.size(); i++) {
            count *= shape.get(i);
        }
        return Math.toIntExact(count);
    }

    /** Returns the shape of one example, without the batch dimension. */
    public List<Long> exampleShape() {
        return shape.subList(1, shape.size());
    }
}
