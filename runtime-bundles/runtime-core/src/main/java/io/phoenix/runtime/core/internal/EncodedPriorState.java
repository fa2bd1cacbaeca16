package io.phoenix.runtime.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.phoenix.agent.api.PriorState;
import io.phoenix.runtime.spi.EncodedState;
import java.util.Map;

/** The {@link PriorState} handed to an upgrade hook: the old encoded state, decoded only on request. */
final class EncodedPriorState implements PriorState {

    private final String agentId;
    private final EncodedState encoded;
    private final JsonSupport codec;
    private JsonNode tree;

    EncodedPriorState(String agentId, EncodedState encoded, JsonSupport codec) {
        this.agentId = agentId;
        this.encoded = encoded;
        this.codec = codec;
    }

    @Override
    public int schemaVersion() {
        return encoded.schemaVersion();
    }

    @Override
    public String writtenByVersion() {
        return encoded.typeVersion();
    }

    @Override
    public <T> T as(Class<T> type) {
        return codec.fromTree(agentId, tree(), type);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> asMap() {
        return codec.convert(agentId, tree(), Map.class);
    }

    @Override
    public String asJson() {
        return tree().toString();
    }

    private JsonNode tree() {
        if (tree == null) {
            tree = JsonSupport.bytesToTree(encoded.format(), encoded.bytes(), codec);
        }
        return tree;
    }
}
