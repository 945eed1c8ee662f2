package io.edgeinfer.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.bytedeco.javacpp.Loader;

/**
 * TensorFlow Java's native libraries: extracting them once into a fixed folder, and explaining a failed load.
 *
 * <p>By default JavaCPP extracts about 650 MB of libraries from the {@code tensorflow-core-native} jar into its
 * cache folder on the first start. An install extracts them once with {@link #extract(Path)} instead, and then
 * runs the service with {@code -Djava.library.path=FOLDER -Dorg.bytedeco.javacpp.pathsFirst=true
 * -Dorg.bytedeco.javacpp.cacheLibraries=false}, so that JavaCPP loads them from that folder and writes nothing.
 */
public final class NativeLibraries {

    /**
     * The oldest glibc that TensorFlow Java 1.1.0 runs on. Its {@code libjnitensorflow.so} imports symbols of
     * version GLIBC_2.34 (dlopen, pthread_once) and GLIBCXX_3.4.29, on linux-x86_64 and linux-arm64 alike
     * ({@code objdump -T}).
     */
    public static final String MINIMUM_GLIBC = "2.34";

    /** The JNI library; its RUNPATH, {@code $ORIGIN}, pulls in the TensorFlow libraries beside it. */
    static final String JNI_LIBRARY = "libjnitensorflow.so";

    private static final String RESOURCE_ROOT = "org/tensorflow/internal/c_api/";

    private NativeLibraries() {
    }

    /** Returns the JavaCPP platform of this JVM, for example {@code linux-x86_64} or {@code linux-arm64}. */
    public static String platform() {
        return Loader.getPlatform();
    }

    /**
     * Copies every file of this platform's {@code tensorflow-core-native} jar into {@code dir}, replacing files
     * of the same name, and returns the copied files. Each file is written under a temporary name and then
     * renamed, so a reader never sees half a library.
     *
     * @throws NativeLibraryException if the class path has no native jar for this platform
     * @throws UncheckedIOException if reading the jar or writing {@code dir} fails
     */
    public static List<Path> extract(Path dir) {
        String prefix = RESOURCE_ROOT + platform() + "/";
        URL jni = NativeLibraries.class.getClassLoader().getResource(prefix + JNI_LIBRARY);
        if (jni == null) {
            throw new NativeLibraryException("No TensorFlow native libraries for " + platform()
                    + " on the class path; build with -Dtensorflow.native.classifier=" + platform());
        }
        try {
            Files.createDirectories(dir);
            List<Path> copied = new ArrayList<>();
            try (JarFile jar = openJar(jni)) {
                Enumeration<JarEntry> entries = jar.entries();
                while (entries.hasMoreElements()) {
                    JarEntry entry = entries.nextElement();
                    if (!entry.isDirectory() && entry.getName().startsWith(prefix)) {
                        copied.add(copy(jar, entry, dir.resolve(entry.getName().substring(prefix.length()))));
                    }
                }
            }
            return copied;
        } catch (IOException e) {
            throw new UncheckedIOException("Extracting TensorFlow's native libraries into " + dir + " failed", e);
        }
    }

    /**
     * Loads the JNI library from {@code dir} with the TensorFlow libraries it needs, to check that they run on
     * this machine.
     *
     * @throws NativeLibraryException if the dynamic linker rejects them, with the reason and what to do
     */
    public static void checkLoads(Path dir) {
        Path library = dir.resolve(JNI_LIBRARY).toAbsolutePath();
        try {
            System.load(library.toString());
        } catch (UnsatisfiedLinkError e) {
            throw new NativeLibraryException(explain(e), e);
        }
    }

    /**
     * Returns a message for a failed load of TensorFlow's native library: the linker's message, followed by the
     * glibc requirement when the linker names a missing symbol version, or else by where the libraries come
     * from.
     */
    public static String explain(Throwable failure) {
        String message = String.valueOf(failure.getMessage());
        if (message.contains("GLIBC")) {
            return "TensorFlow's native library cannot run on this system: " + message + ". TensorFlow Java 1.1.0"
                    + " needs glibc " + MINIMUM_GLIBC + " or newer and libstdc++ from GCC 11 or newer, as in"
                    + " Debian 12, Raspberry Pi OS bookworm and Ubuntu 22.04";
        }
        return "TensorFlow's native library failed to load: " + message + ". The libraries come from the"
                + " tensorflow-core-native jar for " + platform() + ", or from the folder in java.library.path when"
                + " org.bytedeco.javacpp.pathsFirst is true; run 'edgeinfer extract-native DIR' to fill that folder";
    }

    private static JarFile openJar(URL resource) throws IOException {
        URLConnection connection = resource.openConnection();
        if (!(connection instanceof JarURLConnection jarConnection)) {
            throw new NativeLibraryException("TensorFlow's native libraries are at " + resource
                    + ", which is not inside a jar; extract them from the tensorflow-core-native jar instead");
        }
        try {
            return new JarFile(Path.of(jarConnection.getJarFileURL().toURI()).toFile());
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new NativeLibraryException("Cannot open the jar of " + resource + " as a file", e);
        }
    }

    private static Path copy(JarFile jar, JarEntry entry, Path target) throws IOException {
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try (InputStream in = jar.getInputStream(entry)) {
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
        }
        return Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
