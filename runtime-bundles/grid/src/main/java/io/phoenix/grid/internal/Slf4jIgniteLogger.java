package io.phoenix.grid.internal;

import org.apache.ignite.IgniteLogger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ignite's logger interface on SLF4J, so that Ignite logs under its own class names into {@code karaf.log}
 * (Pax Logging) with the levels set there ({@code log:set WARN org.apache.ignite}). The SLF4J adapter is an
 * optional Ignite module that is not embedded; this is the few lines it takes. Never quiet: Ignite then prints
 * nothing to the console.
 */
final class Slf4jIgniteLogger implements IgniteLogger {

    private final Logger log;

    Slf4jIgniteLogger() {
        this(LoggerFactory.getLogger("org.apache.ignite"));
    }

    private Slf4jIgniteLogger(Logger log) {
        this.log = log;
    }

    @Override
    public IgniteLogger getLogger(Object category) {
        String name = category == null ? "org.apache.ignite"
                : category instanceof Class<?> type ? type.getName() : String.valueOf(category);
        return new Slf4jIgniteLogger(LoggerFactory.getLogger(name));
    }

    @Override
    public void trace(String msg) {
        log.trace(msg);
    }

    @Override
    public void debug(String msg) {
        log.debug(msg);
    }

    @Override
    public void info(String msg) {
        log.info(msg);
    }

    @Override
    public void warning(String msg, Throwable e) {
        if (isTlsCloseNoise(msg, e)) {
            log.debug(msg, e);
        } else {
            log.warn(msg, e);
        }
    }

    /**
     * With TLS, Ignite's discovery closes a socket's input before the peer's close_notify has arrived, and the JDK
     * reports that: every join and every ring change would log a WARN with a stack trace although nothing failed.
     */
    static boolean isTlsCloseNoise(String msg, Throwable e) {
        return msg != null && msg.startsWith("Failed to shutdown socket") && e instanceof javax.net.ssl.SSLException
                && e.getMessage() != null && e.getMessage().contains("close_notify");
    }

    @Override
    public void error(String msg, Throwable e) {
        log.error(msg, e);
    }

    @Override
    public boolean isTraceEnabled() {
        return log.isTraceEnabled();
    }

    @Override
    public boolean isDebugEnabled() {
        return log.isDebugEnabled();
    }

    @Override
    public boolean isInfoEnabled() {
        return log.isInfoEnabled();
    }

    @Override
    public boolean isQuiet() {
        return false;
    }

    @Override
    public String fileName() {
        return null;
    }
}
