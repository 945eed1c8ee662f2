package io.edgeinfer.compression.quant;

import io.edgeinfer.compression.arch.LayerSpec;
import io.edgeinfer.compression.arch.WeightSet;
import org.tensorflow.Operand;
import org.tensorflow.Operation;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.DataType;
import org.tensorflow.types.TFloat32;

/**
 * A Conv2D layer computed in int8 by TensorFlow's {@code QuantizedConv2D}: quantize the float input to quint8
 * over a calibrated range, convolve with a qint8 kernel into qint32, and dequantize to float32 for the bias and
 * activation.
 *
 * <p>The kernel is a {@code Const} node in {@code saved_model.pb}, not a variable, because the oneDNN kernel that
 * TensorFlow 2.18 runs for qint8 filters on x86_64 rejects any other filter input ("filter must be a constant").
 * It has one scale for the whole tensor, because {@code QuantizedConv2D} takes a single filter range.
 */
final class Int8Conv {

    private Int8Conv() {
    }

    /** Returns the layer's pre-activation output, before bias and activation, for input {@code x}. */
    static Operand<TFloat32> convolve(Ops scope, LayerSpec.Conv2D conv, WeightSet.Weight kernel, LayerPlan plan,
            Operand<TFloat32> x) {
        Int8Quantizer.Int8Weight quantized = Int8Quantizer.perTensor(kernel);
        float filterMax = quantized.scales()[0] * Int8Quantizer.MAX_LEVEL;
        Operation filter = RawOps.byteConstant(scope, "kernel_qint8", DataType.DT_QINT8, quantized.shape(),
                quantized.values());

        Operation input = RawOps.builder(scope, "QuantizeV2", "input_quint8")
                .addInput(x.asOutput())
                .addInput(scope.constant(plan.inputMin()).asOutput())
                .addInput(scope.constant(plan.inputMax()).asOutput())
                .setAttr("T", DataType.DT_QUINT8)
                .setAttr("mode", "MIN_FIRST")
                .build();
        Operation product = RawOps.builder(scope, "QuantizedConv2D", "conv_qint32")
                .addInput(input.output(0))
                .addInput(filter.output(0))
                .addInput(input.output(1))
                .addInput(input.output(2))
                .addInput(scope.constant(-filterMax).asOutput())
                .addInput(scope.constant(filterMax).asOutput())
                .setAttr("out_type", DataType.DT_QINT32)
                .setAttr("strides", new long[] {1, conv.stride(), conv.stride(), 1})
                .setAttr("padding", "SAME")
                .build();
        Operation output = RawOps.builder(scope, "Dequantize", "conv_float32")
                .addInput(product.output(0))
                .addInput(product.output(1))
                .addInput(product.output(2))
                .setAttr("mode", "MIN_FIRST")
                .build();
        return RawOps.output(output, 0);
    }
}
