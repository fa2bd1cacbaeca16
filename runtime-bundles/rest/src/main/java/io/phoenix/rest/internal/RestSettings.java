package io.phoenix.rest.internal;

import java.time.Duration;
import java.util.Set;

/**
 * The REST API's settings, from PID {@code io.phoenix.rest} (see {@code osgi.RestConfig}).
 *
 * @param bodyMaxBytes largest request body accepted; larger ones get 400 {@code body_too_large}
 * @param defaultCallTimeout timeout of {@code POST /api/agents/{id}/call} without {@code ?timeout=}
 * @param maxCallTimeout the largest {@code ?timeout=} accepted
 * @param defaultPageSize page size of {@code GET /api/agents} without {@code ?limit=}
 * @param maxPageSize the largest {@code ?limit=} accepted
 * @param nodeFilterScanLimit most agents one {@code GET /api/agents?node=} request looks at before it returns a
 *     shorter page with a cursor
 * @param authEnabled whether requests need HTTP Basic credentials checked against the JAAS realm
 * @param realm the JAAS realm (login context) name
 * @param viewerRoles roles (or groups) that may read
 * @param adminRoles roles (or groups) that may also change things (spawn, call, cast, stop, migrate)
 * @param authCacheTtl how long a successful login is remembered (0: log in on every request)
 * @param retryAfterSeconds the Retry-After of 429 and 503 answers
 */
public record RestSettings(int bodyMaxBytes, Duration defaultCallTimeout, Duration maxCallTimeout, int defaultPageSize,
                           int maxPageSize, int nodeFilterScanLimit, boolean authEnabled, String realm,
                           Set<String> viewerRoles, Set<String> adminRoles, Duration authCacheTtl,
                           int retryAfterSeconds) {

    /** Copies the role sets. */
    public RestSettings {
        viewerRoles = Set.copyOf(viewerRoles);
        adminRoles = Set.copyOf(adminRoles);
    }

    /** @return the defaults of the shipped etc/io.phoenix.rest.cfg */
    public static RestSettings defaults() {
        return new RestSettings(1_048_576, Duration.ofSeconds(5), Duration.ofSeconds(60), 100, 10_000, 100_000, true,
                "karaf", Set.of("viewer", "admin"), Set.of("admin"), Duration.ofSeconds(60), 1);
    }
}
