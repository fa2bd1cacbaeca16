package io.phoenix.runtime.core.internal;

import io.phoenix.agent.api.AgentAlreadyExistsException;
import io.phoenix.agent.api.AgentException;
import io.phoenix.agent.api.AgentFailedException;
import io.phoenix.agent.api.AgentNotFoundException;
import io.phoenix.agent.api.AgentTimeoutException;
import io.phoenix.agent.api.AgentUnavailableException;
import io.phoenix.agent.api.BadMessageException;
import io.phoenix.agent.api.MailboxFullException;
import io.phoenix.agent.api.TypeNotAvailableException;
import io.phoenix.runtime.spi.RemoteReply;

/** Rebuilds the typed failure a remote node reported, from its code, so callers see the same exceptions everywhere. */
final class Failures {

    private Failures() {
    }

    static AgentException fromReply(String agentId, RemoteReply reply) {
        String message = reply.errorMessage() == null ? reply.errorCode() : reply.errorMessage();
        return switch (reply.errorCode()) {
            case "agent_not_found" -> new AgentNotFoundException(agentId, message);
            case "agent_exists" -> new AgentAlreadyExistsException(agentId, message);
            case "type_not_available" -> new TypeNotAvailableException(agentId, message);
            case "mailbox_full" -> new MailboxFullException(agentId, message);
            case "timeout" -> new AgentTimeoutException(agentId, message, reply.delivered());
            case "commit_uncertain" -> new io.phoenix.agent.api.AgentCommitUncertainException(agentId, message);
            case "bad_message" -> new BadMessageException(agentId, message);
            case "agent_unavailable" -> new AgentUnavailableException(agentId, message);
            default -> new AgentFailedException(agentId, message);
        };
    }

    static AgentException asAgentException(String agentId, Throwable error) {
        Throwable cause = TurnRunner.unwrap(error);
        if (cause instanceof AgentException agentException) {
            return agentException;
        }
        return new AgentFailedException(agentId, TurnRunner.describe(cause), cause);
    }
}
