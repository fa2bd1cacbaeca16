package io.phoenix.cluster.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.phoenix.runtime.spi.RemoteReply;
import io.phoenix.runtime.spi.RemoteRequest;

/**
 * Requests and replies between nodes as JSON text: the grid carries plain strings, so it never needs
 * our classes, and a node of a later version can still read what an earlier one sent.
 */
final class WireFormat {

    record Request(long correlation, RemoteRequest request) {
    }

    record Reply(long correlation, RemoteReply reply) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private WireFormat() {
    }

    static String write(Object message) {
        try {
            return MAPPER.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + message.getClass().getSimpleName(), e);
        }
    }

    static <T> T read(String text, Class<T> type) {
        try {
            return MAPPER.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("malformed " + type.getSimpleName() + " from another node: "
                    + e.getOriginalMessage(), e);
        }
    }
}
