package io.phoenix.agent.testkit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.phoenix.agent.api.BadMessageException;

/**
 * Converts a value to another class through JSON where the runtime would (a timer message or a reply
 * of another class), with the runtime's Jackson settings, so the test context behaves alike.
 */
final class Conversions {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Conversions() {
    }

    static <T> T convert(Object value, Class<T> type) {
        if (value == null || type.isInstance(value)) {
            return type.cast(value);
        }
        try {
            return JSON.convertValue(value, type);
        } catch (IllegalArgumentException e) {
            throw new BadMessageException(null, value.getClass().getSimpleName() + " does not convert to "
                    + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
