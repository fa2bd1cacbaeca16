package io.phoenix.runtime.spi;

import io.phoenix.agent.api.StateFormat;
import java.util.Objects;

/**
 * An agent's state as it leaves the activation: encoded bytes plus what is needed to decode them
 * with any later version of the agent type. Classloader-free by design.
 *
 * @param agentType the agent type name
 * @param typeVersion the version of the type implementation that wrote the state
 * @param schemaVersion the state schema version it was written with
 * @param format the encoding of {@code bytes}
 * @param bytes the encoded state; not copied, so treat as immutable
 */
public record EncodedState(String agentType, String typeVersion, int schemaVersion, StateFormat format,
                           byte[] bytes) {

    /** Checks that no part is missing. */
    public EncodedState {
        Objects.requireNonNull(agentType, "agentType");
        Objects.requireNonNull(typeVersion, "typeVersion");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(bytes, "bytes");
    }
}
