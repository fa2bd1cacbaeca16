package io.phoenix.itests.cluster;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.regex.Pattern;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelShell;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.core.CoreModuleProperties;

/**
 * One persistent console of a node over SSH, in-process (sshd client): an interactive Karaf shell in which each
 * command is typed as a line. Karaf 4.4 closes the whole SSH session after one exec request, and a new session
 * per command costs ~200 ms (bin/client ~1 s), while a line in an open console takes a few milliseconds.
 *
 * <p>The console's line editor switches bracketed paste off when it accepts a line and on again when it prompts
 * for the next one ({@code ESC[?2004l} / {@code ESC[?2004h}): the command's output is what comes between, with
 * the terminal's escape sequences removed. Errors arrive on the channel's error stream, before the prompt.
 * Thread-safe, but commands on one console run one after the other: give each load thread a console of its own.
 */
final class NodeShell implements AutoCloseable {

    static final String USER = "phoenix";
    static final String PASSWORD = "phoenix";

    private static final SshClient CLIENT = startClient();
    private static final String LINE_ACCEPTED = "\u001b[?2004l";
    private static final String PROMPTING = "\u001b[?2004h";
    private static final Pattern ESCAPES = Pattern.compile("\u001b(\\[[0-9;?]*[ -/]*[@-~]|[=>])");

    private final int port;
    private final ClientSession session;
    private final ChannelShell channel;
    private final Buffer out = new Buffer();
    private final Buffer err = new Buffer();
    private volatile boolean broken;

    /** What a command printed, on both streams; {@code micros} is the round trip. */
    record Result(String command, String out, String err, long micros) {

        /** @return everything the command printed, output first */
        String text() {
            return out + err;
        }

        @Override
        public String toString() {
            return "$ " + command + "\n" + text();
        }
    }

    /** Collects what the server sends; waiters are woken on every chunk. */
    private static final class Buffer extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private volatile Runnable onData = () -> { };

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            synchronized (this) {
                bytes.write(b, off, len);
                notifyAll();
            }
            onData.run();
        }

        synchronized String text() {
            return bytes.toString(UTF_8);
        }

        synchronized void clear() {
            bytes.reset();
        }

        /** Waits until the text contains {@code marker} after index {@code from}; returns its index or -1. */
        synchronized int await(String marker, int from, long deadlineNanos) throws InterruptedException {
            while (true) {
                int at = bytes.toString(UTF_8).indexOf(marker, from);
                long left = deadlineNanos - System.nanoTime();
                if (at >= 0 || left <= 0) {
                    return at;
                }
                wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    private NodeShell(int port, ClientSession session, ChannelShell channel) {
        this.port = port;
        this.session = session;
        this.channel = channel;
    }

    private static SshClient startClient() {
        SshClient client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier((session, address, key) -> true); // test nodes on loopback, fresh host keys
        CoreModuleProperties.TCP_NODELAY.set(client, true);
        client.start();
        return client;
    }

    /**
     * Connects to 127.0.0.1, logs in as phoenix/phoenix and waits for the first prompt.
     *
     * @throws IOException when the node does not accept the connection, the login, or prompt within {@code timeout}
     */
    static NodeShell connect(int port, Duration timeout) throws IOException {
        return connect(port, USER, PASSWORD, timeout);
    }

    /** As {@link #connect(int, Duration)}, as another user. */
    static NodeShell connect(int port, String user, String password, Duration timeout) throws IOException {
        ClientSession session = CLIENT.connect(user, "127.0.0.1", port).verify(timeout).getSession();
        try {
            session.addPasswordIdentity(password);
            session.auth().verify(timeout);
            ChannelShell channel = session.createShellChannel();
            channel.setPtyColumns(2000); // no wrapping of long command lines
            NodeShell shell = new NodeShell(port, session, channel);
            shell.out.onData = shell::acknowledge;
            channel.setOut(shell.out);
            channel.setErr(shell.err);
            channel.open().verify(timeout);
            if (shell.out.await(PROMPTING, 0, System.nanoTime() + timeout.toNanos()) < 0) {
                throw new IOException("no prompt from port " + port + " within " + timeout);
            }
            shell.out.clear();
            return shell;
        } catch (IOException | RuntimeException | InterruptedException e) {
            session.close(true);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw e instanceof IOException io ? io : new IOException(e);
        }
    }

    /**
     * Answers every chunk of output at once with an SSH_MSG_IGNORE. The server writes a command's output and the
     * next prompt as separate small TCP segments with Nagle's algorithm on: without a packet from us, the second
     * waits for our delayed ACK (40 ms on Linux), which made every command take ~45 ms instead of ~5-15 ms.
     */
    private void acknowledge() {
        try {
            session.sendIgnoreMessage();
        } catch (IOException | RuntimeException e) {
            // closing: the next command reports it
        }
    }

    /** @return whether the console can still run commands */
    boolean isOpen() {
        return !broken && session.isOpen() && channel.isOpen() && !channel.isClosing();
    }

    /**
     * Types one command line and waits for the next prompt.
     *
     * @throws IOException when the connection fails, or the command does not end within {@code timeout} (the
     *     console is then closed: what it prints later cannot be told apart from the next command's output)
     */
    synchronized Result exec(String command, Duration timeout) throws IOException {
        if (!isOpen()) {
            throw new IOException("console on port " + port + " is closed");
        }
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        try {
            OutputStream in = channel.getInvertedIn();
            in.write((command + "\n").getBytes(UTF_8));
            in.flush();
            int accepted = out.await(LINE_ACCEPTED, 0, deadline);
            int prompt = accepted < 0 ? -1 : out.await(PROMPTING, accepted, deadline);
            if (prompt < 0) {
                broken = true;
                close();
                throw new IOException("no end of '" + command + "' on port " + port + " within " + timeout
                        + "; console closed");
            }
            String raw = out.text().substring(accepted + LINE_ACCEPTED.length(), prompt);
            String output = ESCAPES.matcher(raw).replaceAll("").replace("\r", "");
            // the next prompt begins with a marker line ("~" padded to the width) before ESC[?2004h
            output = output.replaceAll("(?m)^~\\s*\\z", "");
            String errors = err.text();
            out.clear();
            err.clear();
            return new Result(command, output, errors, (System.nanoTime() - start) / 1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            broken = true;
            close();
            throw new IOException("interrupted", e);
        } catch (IOException e) {
            broken = true;
            close();
            throw e;
        }
    }

    @Override
    public void close() {
        session.close(true);
    }
}
