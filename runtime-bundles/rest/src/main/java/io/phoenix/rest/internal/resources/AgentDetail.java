package io.phoenix.rest.internal.resources;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.phoenix.agent.api.AgentInfo;
import io.phoenix.agent.api.AgentStatus;

/**
 * {@code GET /api/agents/{id}}: the agent's status and its committed state (as the JSON the runtime encodes).
 *
 * @param id the id
 * @param type the type name
 * @param typeVersion the version of the type it runs (or last wrote its state)
 * @param node the node hosting it
 * @param status ACTIVE, PASSIVATED, SUSPENDED
 * @param mailboxDepth messages waiting in its mailbox
 * @param messagesHandled messages it handled on that node
 * @param state its state
 */
public record AgentDetail(String id, String type, String typeVersion, String node, AgentStatus status,
                          int mailboxDepth, long messagesHandled, @JsonRawValue String state) {

    static AgentDetail of(AgentInfo info, String stateJson) {
        return new AgentDetail(info.id(), info.type(), info.typeVersion(), info.node(), info.status(),
                info.mailboxDepth(), info.messagesHandled(), stateJson == null ? "null" : stateJson);
    }
}
