package io.edgeinfer.compression.arch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A feed-forward CNN for NHWC images: the input size, the layers in order, and the number of classes.
 *
 * <p>The last layer must be a {@link LayerSpec.Dense} with one unit per class and no activation, because the
 * graph builders put softmax after it. Parameter and MAC counts come from the spec alone, so they are exact
 * for the graph the builders make.
 */
public record NetworkSpec(String name, int height, int width, int channels, int classes, List<LayerSpec> layers) {

    public NetworkSpec {
        layers = List.copyOf(layers);
        if (layers.isEmpty() || !(layers.get(layers.size() - 1) instanceof LayerSpec.Dense last)
                || last.units() != classes || last.activation() != Activation.NONE) {
            throw new IllegalArgumentException("Network " + name + " must end with a dense layer of " + classes
                    + " units and no activation");
        }
    }

    /** Returns the cost of every layer, in order, and checks that the shapes fit together. */
    public List<LayerCost> costs() {
        List<LayerCost> costs = new ArrayList<>();
        Activations shape = new Activations(height, width, channels);
        for (LayerSpec layer : layers) {
            costs.add(shape.apply(layer, name));
        }
        return costs;
    }

    /** Returns the number of weights, counting zeroed ones. */
    public long parameters() {
        return costs().stream().mapToLong(LayerCost::parameters).sum();
    }

    /** Returns multiply-accumulate operations for one example. */
    public long macs() {
        return costs().stream().mapToLong(LayerCost::macs).sum();
    }

    /** Returns the shape of every variable, in layer order. */
    public Map<String, long[]> variableShapes() {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        costs().forEach(cost -> shapes.putAll(cost.variables()));
        return shapes;
    }
}
