package io.phoenix.runtime.core.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.phoenix.agent.api.BadMessageException;
import io.phoenix.agent.api.StateFormat;
import java.io.IOException;

/**
 * Jackson mappers for messages and state. Each agent type version gets its own pair of mappers
 * ({@link #forType()}) so that Jackson's per-class caches never outlive the bundle whose classes
 * they hold: an upgrade then leaves no reference to the old class loader.
 */
final class JsonSupport {

    private static final ObjectMapper SHARED = newJsonMapper();

    private final ObjectMapper json;
    private final ObjectMapper cbor;

    private JsonSupport(ObjectMapper json, ObjectMapper cbor) {
        this.json = json;
        this.cbor = cbor;
    }

    static JsonSupport forType() {
        return new JsonSupport(newJsonMapper(), configure(new ObjectMapper(new CBORFactory())));
    }

    private static ObjectMapper newJsonMapper() {
        ObjectMapper mapper = configure(new ObjectMapper());
        // Nesting is bounded so a hostile message cannot exhaust the stack while it is parsed.
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build());
        return mapper;
    }

    private static ObjectMapper configure(ObjectMapper mapper) {
        // Modules are registered explicitly: ServiceLoader discovery depends on the thread context
        // class loader, which in OSGi is whatever the calling bundle left there.
        return mapper.registerModule(new JavaTimeModule())
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** Parses JSON text from outside into a tree; malformed text is the caller's error. */
    static JsonNode parse(String agentId, String text) {
        if (text == null || text.isBlank()) {
            throw new BadMessageException(agentId, "empty JSON");
        }
        try {
            return SHARED.readTree(text);
        } catch (JsonProcessingException e) {
            throw new BadMessageException(agentId, "malformed JSON: " + e.getOriginalMessage());
        }
    }

    /** JSON text from another node as plain Java values: maps, lists, strings, numbers, booleans, null. */
    static Object naturalValue(String agentId, String json) {
        if (json == null) {
            return null;
        }
        return SHARED.convertValue(parse(agentId, json), Object.class);
    }

    /** Reads runtime-owned records (never agent classes) from JSON exchanged between nodes. */
    static <T> T readShared(String agentId, String json, Class<T> type) {
        try {
            return SHARED.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new BadMessageException(agentId, "malformed " + type.getSimpleName() + ": " + e.getOriginalMessage());
        }
    }

    static String toJsonShared(Object value) {
        try {
            return SHARED.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + value.getClass().getName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    static JsonNode bytesToTree(StateFormat format, byte[] bytes, JsonSupport codec) {
        try {
            return (format == StateFormat.CBOR ? codec.cbor : SHARED).readTree(bytes);
        } catch (IOException e) {
            throw new IllegalStateException("stored state does not decode as " + format + ": " + e.getMessage(), e);
        }
    }

    String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + value.getClass().getName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    byte[] encode(StateFormat format, Object value) {
        try {
            return (format == StateFormat.CBOR ? cbor : json).writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + value.getClass().getName() + " as " + format + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    <T> T decode(StateFormat format, byte[] bytes, Class<T> type) throws IOException {
        return (format == StateFormat.CBOR ? cbor : json).readValue(bytes, type);
    }

    /** Decodes a JSON tree into an agent's class; a mismatch is the sender's error. */
    <T> T fromTree(String agentId, JsonNode tree, Class<T> type) {
        try {
            return json.treeToValue(tree, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new BadMessageException(agentId, "message does not fit " + type.getSimpleName() + ": "
                    + firstLine(e.getMessage()));
        }
    }

    /** Converts an object of one class (e.g. another bundle's) into another class through JSON. */
    <T> T convert(String agentId, Object value, Class<T> type) {
        if (value == null || type.isInstance(value)) {
            return type.cast(value);
        }
        try {
            return json.convertValue(value, type);
        } catch (IllegalArgumentException e) {
            throw new BadMessageException(agentId, value.getClass().getSimpleName() + " does not convert to "
                    + type.getSimpleName() + ": " + firstLine(e.getMessage()));
        }
    }

    JsonNode toTree(Object value) {
        return json.valueToTree(value);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
