package io.phoenix.runtime.management;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Management operations of the local node's runtime, registered as an OSGi service next to
 * {@link io.phoenix.agent.api.AgentRuntime}. Implemented by the runtime.
 */
@ProviderType
public interface RuntimeManagement {

    /**
     * @return the id of this node
     */
    String nodeId();

    /**
     * All agent types this node knows: available ones and suspended ones (whose bundle went away while
     * agents of the type exist), sorted by name.
     *
     * @return the types
     */
    List<AgentTypeInfo> types();

    /**
     * @param typeName a type name
     * @return the type, if this node knows it
     */
    Optional<AgentTypeInfo> type(String typeName);

    /**
     * @return the node's current status and counters
     */
    NodeStatus status();
}
