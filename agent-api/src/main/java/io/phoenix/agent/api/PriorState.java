package io.phoenix.agent.api;

import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * State written by an earlier state schema version, handed to
 * {@link AgentType#upgradeState(PriorState)}. Implemented by the runtime.
 */
@ProviderType
public interface PriorState {

    /**
     * @return the schema version the state was written with
     */
    int schemaVersion();

    /**
     * @return the version of the agent type (bundle version) that wrote the state, e.g. {@code "1.0.0"}
     */
    String writtenByVersion();

    /**
     * Decodes the prior state into a class of the caller's choice, typically a record that describes
     * the old schema and is kept in the new bundle for this purpose.
     *
     * @param <T> the target type
     * @param type the target class
     * @return the decoded state
     * @throws BadMessageException if the state does not decode into that class
     */
    <T> T as(Class<T> type);

    /**
     * The prior state as a JSON-like tree of maps, lists, strings, numbers, booleans and nulls.
     *
     * @return the state tree; a JSON object becomes a {@code Map}
     */
    Map<String, Object> asMap();

    /**
     * @return the prior state as JSON text
     */
    String asJson();
}
