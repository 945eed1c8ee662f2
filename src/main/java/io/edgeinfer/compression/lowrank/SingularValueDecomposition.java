package io.edgeinfer.compression.lowrank;

import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.linalg.Svd;

import org.tensorflow.types.TFloat32;

/**
 * The thin singular value decomposition {@code M = U * diag(s) * V^T} of a row-major matrix, computed by
 * TensorFlow's {@code tf.linalg.svd}.
 *
 * @param singularValues the k = min(rows, columns) singular values, largest first
 * @param u the left singular vectors, a row-major {@code rows x k} matrix
 * @param v the right singular vectors, a row-major {@code columns x k} matrix
 */
public record SingularValueDecomposition(int rows, int columns, float[] singularValues, float[] u, float[] v) {

    /** Decomposes {@code matrix}, which contains {@code rows * columns} values in row-major order. */
    public static SingularValueDecomposition of(float[] matrix, int rows, int columns) {
        if (matrix.length != rows * columns) {
            throw new IllegalArgumentException("A " + rows + " x " + columns + " matrix needs " + rows * columns
                    + " values; got " + matrix.length);
        }
        try (Graph graph = new Graph(); Session session = new Session(graph)) {
            Ops tf = Ops.create(graph);
            var svd = tf.linalg.svd(tf.constant(Shape.of(rows, columns), DataBuffers.of(matrix, true, false)),
                    Svd.computeUv(true), Svd.fullMatrices(false));
            try (Result result = session.runner().fetch(svd.s()).fetch(svd.u()).fetch(svd.v()).run()) {
                return new SingularValueDecomposition(rows, columns, values(result, 0), values(result, 1), values(result, 2));
            }
        }
    }

    public int fullRank() {
        return singularValues.length;
    }

    private static float[] values(Result result, int index) {
        TFloat32 tensor = (TFloat32) result.get(index);
        float[] values = new float[Math.toIntExact(tensor.size())];
        tensor.copyTo(DataBuffers.of(values, false, false));
        return values;
    }
}
