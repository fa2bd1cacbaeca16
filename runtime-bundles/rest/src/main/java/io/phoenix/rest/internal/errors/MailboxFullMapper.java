package io.phoenix.rest.internal.errors;

import io.phoenix.agent.api.MailboxFullException;
import javax.ws.rs.ext.Provider;

/** {@link MailboxFullException}: 429 {@code mailbox_full} with Retry-After. */
@Provider
public class MailboxFullMapper extends AgentExceptionMapperBase<MailboxFullException> {

    /** @param retryAfterSeconds the Retry-After of 429/503 answers */
    public MailboxFullMapper(int retryAfterSeconds) {
        super(429, retryAfterSeconds);
    }
}
