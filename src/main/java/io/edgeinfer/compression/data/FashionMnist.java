package io.edgeinfer.compression.data;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads Fashion-MNIST from its IDX files, gzipped as the Debian package {@code dataset-fashion-mnist}
 * installs them, or uncompressed.
 */
public final class FashionMnist {

    /** Where the Debian package {@code dataset-fashion-mnist} installs the files. */
    public static final Path DEFAULT_DIR = Path.of("/usr/share/datasets/fashion-mnist");

    /** The class names, in label order, from the data set's README. */
    public static final List<String> CLASS_NAMES = List.of(
            "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private static final int IMAGES_MAGIC = 0x00000803;
    private static final int LABELS_MAGIC = 0x00000801;

    private FashionMnist() {
    }

    /** Reads the 60,000 training images. */
    public static Dataset train(Path dir) throws IOException {
        return read(dir, "train", "fashion-mnist train");
    }

    /** Reads the 10,000 test images. */
    public static Dataset test(Path dir) throws IOException {
        return read(dir, "t10k", "fashion-mnist test");
    }

    private static Dataset read(Path dir, String prefix, String name) throws IOException {
        Path images = locate(dir, prefix + "-images-idx3-ubyte");
        Path labels = locate(dir, prefix + "-labels-idx1-ubyte");
        try (DataInputStream imageIn = open(images); DataInputStream labelIn = open(labels)) {
            int[] header = readImageHeader(images, imageIn);
            int count = header[0];
            int labelCount = readLabelHeader(labels, labelIn);
            if (labelCount != count) {
                throw new IOException(images + " holds " + count + " images but " + labels + " holds "
                        + labelCount + " labels");
            }
            return new Dataset(name, readPixels(imageIn, count * header[1] * header[2]), readLabels(labelIn, count),
                    header[1], header[2], CLASS_NAMES);
        }
    }

    private static Path locate(Path dir, String baseName) throws IOException {
        for (String candidate : new String[] {baseName + ".gz", baseName}) {
            Path file = dir.resolve(candidate);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        throw new IOException("Fashion-MNIST file " + baseName + "(.gz) not found in " + dir.toAbsolutePath()
                + "; install it with 'sudo apt-get install dataset-fashion-mnist' or pass --data DIR");
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        return new DataInputStream(in);
    }

    /** Returns {count, rows, columns}. */
    private static int[] readImageHeader(Path file, DataInputStream in) throws IOException {
        int magic = in.readInt();
        if (magic != IMAGES_MAGIC) {
            throw new IOException(file + " is not an IDX image file (magic 0x" + Integer.toHexString(magic) + ")");
        }
        return new int[] {in.readInt(), in.readInt(), in.readInt()};
    }

    private static int readLabelHeader(Path file, DataInputStream in) throws IOException {
        int magic = in.readInt();
        if (magic != LABELS_MAGIC) {
            throw new IOException(file + " is not an IDX label file (magic 0x" + Integer.toHexString(magic) + ")");
        }
        return in.readInt();
    }

    private static float[] readPixels(DataInputStream in, int count) throws IOException {
        byte[] bytes = new byte[count];
        in.readFully(bytes);
        float[] pixels = new float[count];
        for (int i = 0; i < count; i++) {
            pixels[i] = (bytes[i] & 0xFF) / 255f;
        }
        return pixels;
    }

    private static int[] readLabels(DataInputStream in, int count) throws IOException {
        byte[] bytes = new byte[count];
        in.readFully(bytes);
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = bytes[i] & 0xFF;
        }
        return labels;
    }
}
