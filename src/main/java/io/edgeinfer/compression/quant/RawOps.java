package io.edgeinfer.compression.quant;

import com.google.protobuf.ByteString;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperationBuilder;
import org.tensorflow.Operand;
import org.tensorflow.Operation;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.TensorProto;
import org.tensorflow.proto.TensorShapeProto;
import org.tensorflow.types.family.TType;

/**
 * Graph operations on int8 and quantized types, which TensorFlow Java 1.1.0 can only build by op name because it
 * has no Java classes for {@code int8}, {@code qint8}, {@code quint8} or {@code qint32} tensors.
 */
final class RawOps {

    private RawOps() {
    }

    /** Returns a builder for op {@code type} named {@code name} inside the name scope of {@code scope}. */
    static GraphOperationBuilder builder(Ops scope, String type, String name) {
        Graph graph = (Graph) scope.scope().env();
        return (GraphOperationBuilder) graph.opBuilder(type, scope.scope().withName(name).makeOpName(name),
                scope.scope());
    }

    /** Returns output {@code index} of {@code operation} as an operand of a type Java has no class for. */
    @SuppressWarnings("unchecked")
    static <T extends TType> Operand<T> output(Operation operation, int index) {
        return (Operand<T>) (Operand<?>) operation.output(index);
    }

    /**
     * Adds a {@code Const} node of dtype {@code dtype} whose value is {@code bytes}, one byte per element, and
     * returns it. The node is imported from a {@code GraphDef} because no Java tensor of that type can be made.
     */
    static Operation byteConstant(Ops scope, String name, DataType dtype, long[] shape, byte[] bytes) {
        Graph graph = (Graph) scope.scope().env();
        String fullName = scope.scope().withName(name).makeOpName(name);
        TensorShapeProto.Builder shapeProto = TensorShapeProto.newBuilder();
        for (long dim : shape) {
            shapeProto.addDim(TensorShapeProto.Dim.newBuilder().setSize(dim));
        }
        TensorProto value = TensorProto.newBuilder()
                .setDtype(dtype)
                .setTensorShape(shapeProto)
                .setTensorContent(ByteString.copyFrom(bytes))
                .build();
        NodeDef node = NodeDef.newBuilder()
                .setName(fullName)
                .setOp("Const")
                .putAttr("dtype", AttrValue.newBuilder().setType(dtype).build())
                .putAttr("value", AttrValue.newBuilder().setTensor(value).build())
                .build();
        graph.importGraphDef(GraphDef.newBuilder().addNode(node).build());
        return graph.operation(fullName);
    }
}
