package io.phoenix.grid.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes a CA and PKCS#12 key stores signed by it with the JDK's {@code keytool}, the same commands
 * docs/operations.md gives operators (a fresh EC key per call; ~1 s per keytool run here).
 */
final class TestCertificates {

    static final String PASSWORD = "test-secret-7";

    private final Path dir;
    private final String ca;

    /** Makes CA {@code ca} in {@code dir}: {@code ca.p12}, {@code ca.pem}, and a trust store {@code ca-trust.p12}. */
    TestCertificates(Path dir, String ca) throws IOException, InterruptedException {
        this.dir = dir;
        this.ca = ca;
        keytool("-genkeypair", "-alias", ca, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + ca,
                "-ext", "bc:c", "-validity", "30", "-keystore", caStore(), "-storetype", "PKCS12", "-storepass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", ca, "-keystore", caStore(), "-storepass", PASSWORD, "-file", pem(ca));
        keytool("-importcert", "-noprompt", "-alias", ca, "-file", pem(ca), "-keystore", trustStore().toString(),
                "-storetype", "PKCS12", "-storepass", PASSWORD);
    }

    /** The trust store holding this CA's certificate. */
    Path trustStore() {
        return dir.resolve(ca + "-trust.p12");
    }

    /** A key store {@code name.p12} with a key pair whose certificate this CA signed, and the CA's certificate. */
    Path keyStore(String name) throws IOException, InterruptedException {
        String store = dir.resolve(name + ".p12").toString();
        String csr = dir.resolve(name + ".csr").toString();
        keytool("-genkeypair", "-alias", "node", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + name,
                "-validity", "30", "-keystore", store, "-storetype", "PKCS12", "-storepass", PASSWORD);
        keytool("-certreq", "-alias", "node", "-keystore", store, "-storepass", PASSWORD, "-file", csr);
        keytool("-gencert", "-alias", ca, "-keystore", caStore(), "-storepass", PASSWORD, "-infile", csr,
                "-outfile", pem(name), "-rfc", "-validity", "30", "-ext", "ku:c=digitalSignature,keyEncipherment",
                "-ext", "eku=serverAuth,clientAuth");
        // The reply as a chain (node, CA): keytool installs it without the CA being in the store.
        Files.writeString(Path.of(pem(name)), Files.readString(Path.of(pem(name))) + Files.readString(Path.of(pem(ca))));
        keytool("-importcert", "-noprompt", "-alias", "node", "-file", pem(name), "-keystore", store, "-storepass", PASSWORD);
        return dir.resolve(name + ".p12");
    }

    /** Adds the CA certificate in {@code pem} to the trust store {@code store}. */
    static void importCa(Path store, Path pem) throws IOException, InterruptedException {
        keytool("-importcert", "-noprompt", "-alias", pem.getFileName().toString(), "-file", pem.toString(),
                "-keystore", store.toString(), "-storepass", PASSWORD);
    }

    private String caStore() {
        return dir.resolve(ca + ".p12").toString();
    }

    private String pem(String name) {
        return dir.resolve(name + ".pem").toString();
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        // keytool is a short-lived JVM: the quick JIT tier alone halves its run time on a busy machine
        command.addAll(List.of("-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }
}
