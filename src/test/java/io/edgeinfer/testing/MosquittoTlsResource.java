package io.edgeinfer.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Mosquitto broker that accepts only TLS clients with a user name and password, as deploy/mosquitto configures
 * one. The certificate authority and the broker's certificate for 127.0.0.1 are made with {@code openssl} for this
 * run, and the password file with {@code mosquitto_passwd}.
 */
public class MosquittoTlsResource extends MosquittoResource {

    public static final String USER = "edge-test";
    public static final String PASSWORD = "test-only-password";

    @Override
    protected List<String> listener(Path dir, int listenerPort) throws IOException {
        makeCertificates(dir);
        run(dir, "mosquitto_passwd", "-b", "-c", dir.resolve("passwd").toString(), USER, PASSWORD);
        readableByBroker(dir);
        return List.of(
                "per_listener_settings false",
                "allow_anonymous false",
                "password_file " + dir.resolve("passwd"),
                "listener " + listenerPort + " 127.0.0.1",
                "cafile " + dir.resolve("ca.crt"),
                "certfile " + dir.resolve("server.crt"),
                "keyfile " + dir.resolve("server.key"),
                "tls_version tlsv1.2");
    }

    @Override
    protected Map<String, String> serviceSettings(Path dir) {
        return Map.of(
                "edgeinfer.mqtt.username", USER,
                "edgeinfer.mqtt.password", PASSWORD,
                "edgeinfer.mqtt.tls.enabled", "true",
                "edgeinfer.mqtt.tls.ca-file", dir.resolve("ca.crt").toString());
    }

    private static void makeCertificates(Path dir) throws IOException {
        Files.writeString(dir.resolve("san.cnf"), "subjectAltName=IP:127.0.0.1\n");
        run(dir, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj",
                "/CN=edgeinfer test CA", "-keyout", "ca.key", "-out", "ca.crt");
        run(dir, "openssl", "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1", "-keyout",
                "server.key", "-out", "server.csr");
        run(dir, "openssl", "x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key",
                "-CAcreateserial", "-days", "2", "-extfile", "san.cnf", "-out", "server.crt");
    }

    /** Mosquitto started as root drops to its own user before it reads the key, so the files must be readable. */
    private static void readableByBroker(Path dir) throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
            }
        }
    }

    private static void run(Path dir, String... command) throws IOException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve(command[0] + ".log").toFile()).start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed; see " + dir.resolve(command[0] + ".log")
                        + " (install the Debian packages openssl and mosquitto)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while running " + command[0], e);
        }
    }
}
