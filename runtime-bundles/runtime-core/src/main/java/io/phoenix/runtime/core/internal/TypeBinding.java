package io.phoenix.runtime.core.internal;

import io.phoenix.agent.api.AgentOptions;
import io.phoenix.agent.api.AgentType;
import org.osgi.framework.Version;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One registered implementation of an agent type: the service object and everything the runtime
 * reads from it once at registration, so that agent code is not called on the hot path for metadata
 * and a type that throws while describing itself is rejected up front.
 */
final class TypeBinding {

    final AgentType<Object, Object> type;
    final String name;
    final Version version;
    final String bundle;
    final long serviceId;
    final Class<Object> stateType;
    final Class<Object> messageType;
    final int stateVersion;
    final AgentOptions options;
    final JsonSupport codec;
    final Logger logger;

    @SuppressWarnings("unchecked")
    TypeBinding(AgentType<?, ?> service, Version version, String bundle, long serviceId) {
        this.type = (AgentType<Object, Object>) service;
        this.name = TypeNames.validate(type.name());
        this.version = version;
        this.bundle = bundle;
        this.serviceId = serviceId;
        this.stateType = require(type.stateType(), "stateType()");
        this.messageType = require(type.messageType(), "messageType()");
        this.stateVersion = type.stateVersion();
        this.options = require(type.options(), "options()");
        this.codec = JsonSupport.forType();
        this.logger = LoggerFactory.getLogger("phoenix.agent." + name);
    }

    private <T> T require(T value, String what) {
        if (value == null) {
            throw new IllegalArgumentException("agent type " + type.getClass().getName() + " returned null from " + what);
        }
        return value;
    }

    String versionString() {
        return version.toString();
    }

    @Override
    public String toString() {
        return name + " " + version + " (" + bundle + ")";
    }
}
