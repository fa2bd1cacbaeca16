package io.phoenix.example.counter;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.phoenix.agent.api.BadMessageException;
import io.phoenix.agent.api.PriorState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** A test double of the runtime's prior state: JSON text decoded with Jackson, as the runtime does. */
record JsonPriorState(int schemaVersion, String writtenByVersion, String asJson) implements PriorState {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public <T> T as(Class<T> type) {
        try {
            return JSON.readValue(asJson, type);
        } catch (IOException e) {
            throw new BadMessageException(null, "prior state does not decode into " + type.getName(), e);
        }
    }

    @Override
    public Map<String, Object> asMap() {
        try {
            return JSON.readValue(asJson, new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
