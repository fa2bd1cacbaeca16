package io.phoenix.runtime.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.phoenix.agent.api.AgentNotFoundException;
import io.phoenix.runtime.spi.EncodedState;

/**
 * Reads an agent's last committed state without queuing behind its mailbox, whatever form the state
 * is in (live, encoded for an upgrade, or stored while passivated). The forms can change under the
 * reader, so it retries the few times a concurrent transition can cause.
 */
final class StateReader {

    private static final int ATTEMPTS = 5;

    private final LocalRuntime runtime;
    private final Activation agent;

    StateReader(LocalRuntime runtime, Activation agent) {
        this.runtime = runtime;
        this.agent = agent;
    }

    <S> S as(Class<S> type) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            TypeBinding binding = agent.binding;
            Object live = agent.state;
            if (live != null && binding != null) {
                return binding.codec.convert(agent.id, live, type);
            }
            Object upgraded = decodeWithCurrentVersion();
            if (upgraded != null) {
                return agent.slot.current.codec.convert(agent.id, upgraded, type);
            }
            JsonNode tree = encodedTree();
            if (tree != null) {
                return codec().fromTree(agent.id, tree, type);
            }
        }
        throw gone();
    }

    String asJson() {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            TypeBinding binding = agent.binding;
            Object live = agent.state;
            if (live != null && binding != null) {
                return binding.codec.toJson(live);
            }
            Object upgraded = decodeWithCurrentVersion();
            if (upgraded != null) {
                return agent.slot.current.codec.toJson(upgraded);
            }
            JsonNode tree = encodedTree();
            if (tree != null) {
                return tree.toString();
            }
        }
        throw gone();
    }

    /**
     * State encoded by an older version is shown as the running version will see it, through its
     * upgrade hook, so a read between an upgrade and the agent's next turn does not show the old shape.
     * Returns null when the state is not encoded, or no version is running, or the running version wrote
     * it or cannot read it: then the encoded state, as stored, is the truth.
     */
    private Object decodeWithCurrentVersion() {
        TypeBinding current = agent.slot.current;
        EncodedState encoded = agent.encoded;
        if (current == null || encoded == null || encoded.typeVersion().equals(current.versionString())) {
            return null;
        }
        try {
            return StateLifecycle.decode(agent.id, current, encoded);
        } catch (Exception e) {
            // The running version cannot read it (its turns report why): show the stored state as it is.
            return null;
        }
    }

    private JsonNode encodedTree() {
        EncodedState encoded = agent.encoded;
        if (encoded == null && agent.lifecycle == Activation.PASSIVATED) {
            encoded = runtime.stateStore.load(agent.id).orElse(null);
        }
        return encoded == null ? null : JsonSupport.bytesToTree(encoded.format(), encoded.bytes(), codec());
    }

    private JsonSupport codec() {
        TypeBinding seen = agent.slot.lastSeen;
        return seen != null ? seen.codec : JsonSupport.forType();
    }

    private AgentNotFoundException gone() {
        return new AgentNotFoundException(agent.id, "agent '" + agent.id + "' has no readable state (stopped?)");
    }
}
