package io.phoenix.runtime.management;

/**
 * An agent type as the runtime sees it.
 *
 * @param name the type name
 * @param version the version of the registered implementation (its bundle's version), or of the last
 *     one when the type is suspended
 * @param bundle the symbolic name of the bundle that registers it
 * @param available whether the type is registered now; if not, its agents are suspended
 * @param stateVersion the state schema version of the current implementation
 * @param agents agents of this type on this node (active, passivated or suspended)
 * @param activeAgents of those, the ones activated now
 * @param messagesHandled messages its agents handled successfully on this node
 * @param messagesFailed messages whose turn failed (the agent threw, or the message did not decode)
 * @param upgrades live upgrades of this type on this node since the runtime started
 */
public record AgentTypeInfo(String name, String version, String bundle, boolean available, int stateVersion,
                            long agents, long activeAgents, long messagesHandled, long messagesFailed,
                            long upgrades) {
}
