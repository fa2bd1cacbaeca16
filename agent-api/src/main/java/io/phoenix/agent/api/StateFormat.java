package io.phoenix.agent.api;

/** How the runtime encodes an agent's state when it leaves the activation. */
public enum StateFormat {
    /** Jackson JSON: readable, the default. */
    JSON,
    /** Jackson CBOR: binary, smaller and faster for large states. */
    CBOR
}
