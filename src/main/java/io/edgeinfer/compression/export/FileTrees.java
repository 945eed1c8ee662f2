package io.edgeinfer.compression.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/** File sizes and deletion for variant folders. */
final class FileTrees {

    private FileTrees() {
    }

    static void deleteIfExists(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }

    /** Returns the total size in bytes of the listed files, relative to {@code dir}. */
    static long totalBytes(Path dir, Collection<String> files) throws IOException {
        long total = 0;
        for (String file : files) {
            total += Files.size(dir.resolve(file));
        }
        return total;
    }

    /** Returns the total size in bytes of the listed files after gzip at its default level, each on its own. */
    static long gzippedBytes(Path dir, Collection<String> files) throws IOException {
        long total = 0;
        for (String file : files) {
            CountingStream counter = new CountingStream();
            try (OutputStream gzip = new GZIPOutputStream(counter)) {
                Files.copy(dir.resolve(file), gzip);
            }
            total += counter.count;
        }
        return total;
    }

    /** Counts bytes and discards them. */
    private static final class CountingStream extends OutputStream {

        private long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            count += length;
        }
    }
}
