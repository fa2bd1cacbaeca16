package io.phoenix.rest.internal.resources;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.phoenix.agent.api.AgentInfo;
import io.phoenix.agent.api.AgentPage;
import io.phoenix.agent.api.AgentQuery;
import io.phoenix.agent.api.AgentRuntime;
import io.phoenix.rest.internal.ClusterView;
import io.phoenix.rest.internal.RestSettings;
import io.phoenix.rest.internal.errors.RestException;
import io.phoenix.runtime.management.RuntimeManagement;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.container.AsyncResponse;
import javax.ws.rs.container.Suspended;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

/**
 * {@code /api/agents}: list, spawn, describe, call, cast, stop and migrate agents. Thin: validates the request,
 * delegates to {@link AgentRuntime} (and {@link ClusterView} for migration) and answers when the runtime's stage
 * completes; failures become JSON errors through the exception mappers.
 */
@Path("agents")
@Produces(MediaType.APPLICATION_JSON)
public final class AgentsResource {

    private static final Set<String> SPAWN_FIELDS = Set.of("type", "id", "state");
    private static final Set<String> MIGRATE_FIELDS = Set.of("node");

    private final AgentRuntime runtime;
    private final RuntimeManagement management;
    private final Supplier<ClusterView> cluster;
    private final RestSettings settings;
    private final Executor executor;
    private final ObjectMapper json;

    /**
     * @param runtime the runtime
     * @param management the local runtime's management view (type lookup, node id)
     * @param cluster the cluster view, or a supplier of {@code null} when the node is not clustered
     * @param settings the API's settings
     * @param executor where answers are written
     * @param json parses request bodies
     */
    public AgentsResource(AgentRuntime runtime, RuntimeManagement management, Supplier<ClusterView> cluster,
                          RestSettings settings, Executor executor, ObjectMapper json) {
        this.runtime = runtime;
        this.management = management;
        this.cluster = cluster;
        this.settings = settings;
        this.executor = executor;
        this.json = json;
    }

    /**
     * One page of agents in ascending id order. With {@code node}, pages are filled while paging through the
     * cluster-wide listing; one request looks at no more than {@code nodeFilterScanLimit} agents, so a sparse
     * filter may return a shorter (even empty) page with a non-null cursor: keep following the cursor until it
     * is null.
     */
    @GET
    public AgentListing list(@QueryParam("type") String type, @QueryParam("node") String node,
                             @QueryParam("limit") String limitParam, @QueryParam("cursor") String cursor) {
        int limit = limitParam == null || limitParam.isEmpty() ? settings.defaultPageSize()
                : intParam("limit", limitParam, 1, Math.min(settings.maxPageSize(), AgentQuery.MAX_LIMIT));
        String typeFilter = blankToNull(type);
        String after = blankToNull(cursor);
        String nodeFilter = blankToNull(node);
        if (nodeFilter == null) {
            AgentPage page = runtime.list(new AgentQuery(typeFilter, after, limit));
            return new AgentListing(page.agents(), page.nextCursor());
        }
        List<AgentInfo> matches = new ArrayList<>(limit);
        int scanned = 0;
        int chunk = Math.min(AgentQuery.MAX_LIMIT, Math.max(limit, 1_000));
        while (true) {
            AgentPage page = runtime.list(new AgentQuery(typeFilter, after, chunk));
            Iterator<AgentInfo> it = page.agents().iterator();
            while (it.hasNext()) {
                AgentInfo info = it.next();
                scanned++;
                after = info.id();
                if (nodeFilter.equals(info.node())) {
                    matches.add(info);
                    if (matches.size() == limit) {
                        boolean more = it.hasNext() || page.nextCursor() != null;
                        return new AgentListing(matches, more ? info.id() : null);
                    }
                }
            }
            if (page.nextCursor() == null) {
                return new AgentListing(matches, null);
            }
            if (scanned >= settings.nodeFilterScanLimit()) {
                return new AgentListing(matches, after);
            }
        }
    }

    /** Spawns an agent: body {@code {"type":..., "id":..., "state": <optional JSON>}}; 201 with Location. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public void spawn(InputStream body, @Context UriInfo uri, @Suspended AsyncResponse async)
            throws JsonProcessingException {
        JsonNode request = object(body, SPAWN_FIELDS);
        String type = text(request, "type");
        String id = text(request, "id");
        JsonNode state = request.get("state");
        String stateJson = state == null || state.isNull() ? null : json.writeValueAsString(state);
        if (management.type(type).isEmpty()) {
            throw new RestException(404, "type_not_found", "no agent type '" + type + "' is known on this node", null);
        }
        URI location = uri.getBaseUriBuilder().path("agents").path("{id}").build(id);
        CompletionStage<AgentInfo> spawned = runtime.spawnJson(type, id, stateJson)
                .thenCompose(ref -> runtime.info(id));
        Async.answer(async, spawned, info -> Response.created(location).entity(info).build(), executor, guard());
    }

    /** The agent's status and committed state. */
    @GET
    @Path("{id}")
    public void get(@PathParam("id") String id, @Suspended AsyncResponse async) {
        CompletionStage<AgentDetail> detail = runtime.info(id).thenCompose(i -> runtime.stateJson(id)
                .thenApply(state -> AgentDetail.of(i, state)));
        Async.answer(async, detail, d -> Response.ok(d).build(), executor, guard());
    }

    /** Sends the body as a request and answers the agent's JSON reply. */
    @POST
    @Path("{id}/call")
    @Consumes(MediaType.APPLICATION_JSON)
    public void call(@PathParam("id") String id, @QueryParam("timeout") String timeoutParam, InputStream body,
                     @Suspended AsyncResponse async) {
        Duration timeout = timeoutParam == null || timeoutParam.isEmpty() ? settings.defaultCallTimeout()
                : Duration.ofMillis(intParam("timeout", timeoutParam, 1, (int) Math.min(Integer.MAX_VALUE,
                        settings.maxCallTimeout().toMillis())));
        String message = message(body);
        Async.answer(async, runtime.callJson(id, message, timeout),
                reply -> Response.ok(reply, MediaType.APPLICATION_JSON_TYPE).build(), executor,
                timeout.plusSeconds(5));
    }

    /** Queues the body as a message without waiting: 202. */
    @POST
    @Path("{id}/cast")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response cast(@PathParam("id") String id, InputStream body) {
        runtime.castJson(id, message(body));
        return Response.accepted().build();
    }

    /** Stops the agent and forgets its state: 204 once it is gone. */
    @DELETE
    @Path("{id}")
    public void stop(@PathParam("id") String id, @Suspended AsyncResponse async) {
        Async.answer(async, runtime.stop(id), ignored -> Response.noContent().build(), executor, guard());
    }

    /** Moves the agent to a node and pins it there: body {@code {"node":"node-2"}}. */
    @POST
    @Path("{id}/migrate")
    @Consumes(MediaType.APPLICATION_JSON)
    public void migrate(@PathParam("id") String id, InputStream body, @Suspended AsyncResponse async) {
        JsonNode request = object(body, MIGRATE_FIELDS);
        String node = text(request, "node");
        ClusterView view = cluster.get();
        CompletionStage<ClusterView.Migration> moved = runtime.info(id).thenCompose(info -> {
            if (view == null) {
                if (!node.equals(management.nodeId())) {
                    throw unknownNode(node, "this node is not clustered; the only node is " + management.nodeId());
                }
                return CompletableFuture.completedFuture(new ClusterView.Migration(id, node, node, false));
            }
            return view.migrate(id, node).exceptionally(e -> {
                Throwable cause = Async.unwrap(e);
                if (cause instanceof IllegalArgumentException) {
                    throw unknownNode(node, cause.getMessage());
                }
                throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
            });
        });
        Async.answer(async, moved, m -> Response.ok(m).build(), executor, guard());
    }

    // ---------------------------------------------------------------- request parsing

    private Duration guard() {
        return settings.maxCallTimeout().plusSeconds(5);
    }

    private static RestException unknownNode(String node, String why) {
        return RestException.badRequest("unknown_node", "cannot migrate to '" + node + "': " + why);
    }

    private String message(InputStream body) {
        String message = Bodies.read(body, settings.bodyMaxBytes());
        if (message.isBlank()) {
            throw RestException.badRequest("empty_body", "a JSON message is required as the request body");
        }
        return message;
    }

    private JsonNode object(InputStream body, Set<String> allowed) {
        String text = Bodies.read(body, settings.bodyMaxBytes());
        if (text.isBlank()) {
            throw RestException.badRequest("empty_body", "a JSON object is required as the request body");
        }
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JsonProcessingException e) {
            throw RestException.badRequest("malformed_json", "malformed JSON body: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw RestException.badRequest("bad_request", "the request body must be a JSON object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw RestException.badRequest("bad_request", "unknown field '" + name + "' (allowed: " + allowed + ")");
            }
        }
        return node;
    }

    private static String text(JsonNode request, String field) {
        JsonNode value = request.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw RestException.badRequest("bad_request", "field '" + field + "' must be a non-empty string");
        }
        return value.asText();
    }

    private static int intParam(String name, String value, int min, int max) {
        int parsed;
        try {
            parsed = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw RestException.badRequest("bad_parameter", name + " must be a whole number, was '" + abbreviate(value)
                    + "'");
        }
        if (parsed < min || parsed > max) {
            throw RestException.badRequest("bad_parameter", name + " must be between " + min + " and " + max
                    + ", was " + parsed);
        }
        return parsed;
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
