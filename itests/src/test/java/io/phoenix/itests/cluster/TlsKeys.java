package io.phoenix.itests.cluster;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keys for the TLS tests, made by running the {@code keytool} blocks of docs/operations.md ("Securing a cluster")
 * exactly as written, with bash, in one directory per CA: what an operator would get.
 */
final class TlsKeys {

    static final String CA_PASS = "it-ca-secret-1";
    static final String TRUST_PASS = "it-trust-secret-2";
    static final String NODE_PASS = "it-node-secret-3";
    private static final Pattern BLOCK = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL);

    final Path dir;

    private TlsKeys(Path dir) {
        this.dir = dir;
    }

    /** Runs the documented CA block in {@code dir}: ca.p12, ca.pem, truststore.p12. */
    static TlsKeys newCa(Path dir) throws IOException, InterruptedException {
        PhoenixNodeProcess.deleteRecursively(dir);
        Files.createDirectories(dir);
        TlsKeys keys = new TlsKeys(dir);
        keys.runDocumented("tls-ca", Map.of());
        return keys;
    }

    /** Runs the documented node block: {@code name.p12}, signed by this CA. */
    Path nodeKeyStore(String name) throws IOException, InterruptedException {
        runDocumented("tls-node", Map.of("NODE", name));
        return dir.resolve(name + ".p12");
    }

    Path trustStore() {
        return dir.resolve("truststore.p12");
    }

    /** Adds another CA's certificate to this CA's trust store. */
    void trust(TlsKeys other) throws IOException, InterruptedException {
        bash("keytool -importcert -noprompt -alias other-ca -file '" + other.dir.resolve("ca.pem")
                + "' -keystore truststore.p12 -storepass \"$TRUST_PASS\"", Map.of());
    }

    private void runDocumented(String marker, Map<String, String> env) throws IOException, InterruptedException {
        bash(block(marker), env);
    }

    /** The first ```sh block after {@code <!-- marker} in docs/operations.md. */
    static String block(String marker) throws IOException {
        String doc = Files.readString(Paths.get(PhoenixCluster.required("phoenix.it.docs"), "operations.md"), UTF_8);
        int at = doc.indexOf("<!-- " + marker);
        if (at < 0) {
            throw new IllegalStateException("no block '" + marker + "' in docs/operations.md");
        }
        Matcher m = BLOCK.matcher(doc);
        if (!m.find(at)) {
            throw new IllegalStateException("no ```sh block after '" + marker + "' in docs/operations.md");
        }
        return m.group(1);
    }

    private void bash(String script, Map<String, String> extra) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", "-euo", "pipefail", "-c", script));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        Map<String, String> env = new HashMap<>(Map.of("CA_PASS", CA_PASS, "TRUST_PASS", TRUST_PASS,
                "NODE_PASS", NODE_PASS,
                // keytool is a short-lived JVM: the quick JIT tier alone halves its run time on a busy machine
                "JAVA_TOOL_OPTIONS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"));
        env.putAll(extra);
        builder.environment().putAll(env);
        builder.environment().put("PATH", Paths.get(System.getProperty("java.home"), "bin") + ":"
                + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        Process p = builder.start();
        String output = new String(p.getInputStream().readAllBytes(), UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("keytool commands failed in " + dir + ":\n" + script + "\n" + output);
        }
    }
}
