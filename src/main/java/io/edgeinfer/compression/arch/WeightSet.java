package io.edgeinfer.compression.arch;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Named float weights, in layer order, keyed {@code <layer>/kernel} or {@code <layer>/bias}. Not thread-safe.
 */
public final class WeightSet {

    /** One variable's value: its shape and its values in row-major order. */
    public record Weight(long[] shape, float[] values) {

        public Weight {
            long count = 1;
            for (long dim : shape) {
                count *= dim;
            }
            if (count != values.length) {
                throw new IllegalArgumentException("Weight of shape " + java.util.Arrays.toString(shape)
                        + " needs " + count + " values but has " + values.length);
            }
        }
    }

    private final Map<String, Weight> weights = new LinkedHashMap<>();

    public void put(String name, Weight weight) {
        weights.put(name, weight);
    }

    /**
     * Returns the named weight.
     *
     * @throws IllegalArgumentException if there is no weight of that name
     */
    public Weight get(String name) {
        Weight weight = weights.get(name);
        if (weight == null) {
            throw new IllegalArgumentException("No weight named " + name + "; present: " + weights.keySet());
        }
        return weight;
    }

    public boolean contains(String name) {
        return weights.containsKey(name);
    }

    public Map<String, Weight> asMap() {
        return Collections.unmodifiableMap(weights);
    }
}
