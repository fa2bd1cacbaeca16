package io.phoenix.runtime.spi;

import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Carries requests to the runtime of another node and brings back its reply. The receiving side hands
 * each request to the {@link AgentHost} service of its node.
 */
@ConsumerType
public interface AgentTransport {

    /**
     * Sends a request.
     *
     * @param nodeId the target node
     * @param request the request
     * @return the target runtime's reply; fails with a {@link TransportException} if the request could
     *     not be carried (or no reply came within {@link RemoteRequest#timeoutMillis()})
     */
    CompletionStage<RemoteReply> send(String nodeId, RemoteRequest request);
}
