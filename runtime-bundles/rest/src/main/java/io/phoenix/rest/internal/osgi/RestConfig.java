package io.phoenix.rest.internal.osgi;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The typed configuration of PID {@code io.phoenix.rest}; the shipped {@code etc/io.phoenix.rest.cfg} documents
 * every key. A change restarts the API (in-flight requests are answered first by Pax Web's servlet removal).
 */
@ObjectClassDefinition(id = RestConfig.PID, name = "Phoenix REST API",
        description = "The /api REST endpoints: limits, timeouts, paging, authentication")
public @interface RestConfig {

    /** The configuration PID. */
    String PID = "io.phoenix.rest";

    /** @return the largest request body in bytes */
    @AttributeDefinition(description = "Largest request body accepted, in bytes; larger: 400 body_too_large")
    int body_max_bytes() default 1048576;

    /** @return the default call timeout in milliseconds */
    @AttributeDefinition(description = "Timeout of POST /api/agents/{id}/call without ?timeout=, in milliseconds")
    long call_timeout_default_ms() default 5000;

    /** @return the largest call timeout in milliseconds */
    @AttributeDefinition(description = "Largest ?timeout= accepted, in milliseconds")
    long call_timeout_max_ms() default 60000;

    /** @return the default page size */
    @AttributeDefinition(description = "Page size of GET /api/agents without ?limit=")
    int page_size_default() default 100;

    /** @return the largest page size */
    @AttributeDefinition(description = "Largest ?limit= accepted (at most 10000)")
    int page_size_max() default 10000;

    /** @return how many agents a node-filtered listing looks at per request */
    @AttributeDefinition(description = "Most agents one GET /api/agents?node= request looks at before it returns a"
            + " shorter page with a cursor")
    int node_filter_scan_limit() default 100000;

    /** @return whether authentication is on */
    @AttributeDefinition(description = "Require HTTP Basic credentials checked against the JAAS realm")
    boolean auth_enabled() default true;

    /** @return the JAAS realm */
    @AttributeDefinition(description = "JAAS realm (login context) the credentials are checked against")
    String auth_realm() default "karaf";

    /** @return the roles or groups that may read */
    @AttributeDefinition(description = "Roles or groups that may read (GET), comma-separated")
    String roles_viewer() default "viewer,admin";

    /** @return the roles or groups that may change things */
    @AttributeDefinition(description = "Roles or groups that may spawn, call, cast, stop and migrate, comma-separated")
    String roles_admin() default "admin";

    /** @return how long a successful login is remembered, in seconds */
    @AttributeDefinition(description = "How long a successful login is remembered, in seconds; 0: every request logs in")
    int auth_cache_seconds() default 60;

    /** @return the Retry-After of 429 and 503 answers, in seconds */
    @AttributeDefinition(description = "Retry-After of 429 and 503 answers, in seconds")
    int retry_after_seconds() default 1;

    /** @return threads writing asynchronous answers */
    @AttributeDefinition(description = "Threads that write the answers of calls and other asynchronous requests")
    int answer_threads() default 4;
}
