package io.phoenix.rest.internal.errors;

import javax.ws.rs.ext.Provider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anything else (a bug): 500 {@code internal_error}. The stack trace goes to the log with an incident id; the
 * client gets only that id.
 */
@Provider
public class UnexpectedErrorMapper extends AbstractErrorMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrorMapper.class);

    /** @param retryAfterSeconds the Retry-After of 429/503 answers */
    public UnexpectedErrorMapper(int retryAfterSeconds) {
        super(retryAfterSeconds);
    }

    @Override
    protected int status(Throwable exception) {
        return 500;
    }

    @Override
    protected ErrorBody body(Throwable exception) {
        String incident = Long.toHexString(System.nanoTime());
        LOG.error("REST request failed unexpectedly (incident {})", incident, exception);
        return ErrorBody.of("internal_error", "internal error (incident " + incident + ", see the node's log)", false);
    }
}
