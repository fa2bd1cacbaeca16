package io.phoenix.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.phoenix.rest.internal.resources.OpenApiResource;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.Path;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document served at /api/openapi.json describes exactly the operations of the JAX-RS resources:
 * every resource method (class @Path + method @Path, HTTP method) is in the document, and every operation of the
 * document is a resource method.
 */
class OpenApiSyncTest {

    @Test
    void documentAndResourcesDescribeTheSameOperations() throws Exception {
        Set<String> fromResources = new TreeSet<>();
        for (Class<?> resource : ApiApplication.RESOURCES) {
            Path classPath = resource.getAnnotation(Path.class);
            assertNotNull(classPath, resource + " has @Path");
            for (Method method : resource.getMethods()) {
                String http = httpMethod(method);
                if (http == null) {
                    continue;
                }
                Path methodPath = method.getAnnotation(Path.class);
                fromResources.add(http + " " + join(classPath.value(), methodPath == null ? "" : methodPath.value()));
            }
        }
        Set<String> fromDocument = new TreeSet<>();
        JsonNode doc;
        try (InputStream in = OpenApiResource.class.getResourceAsStream(OpenApiResource.DOCUMENT)) {
            assertNotNull(in, "openapi.json is next to OpenApiResource");
            doc = new ObjectMapper().readTree(in);
        }
        assertEquals("/api", doc.path("servers").path(0).path("url").asText());
        for (Iterator<String> paths = doc.path("paths").fieldNames(); paths.hasNext(); ) {
            String path = paths.next();
            for (Iterator<String> ops = doc.path("paths").path(path).fieldNames(); ops.hasNext(); ) {
                String op = ops.next();
                if (Set.of("get", "put", "post", "delete", "patch", "head", "options").contains(op)) {
                    fromDocument.add(op.toUpperCase(Locale.ROOT) + " " + path);
                    assertFalse(doc.path("paths").path(path).path(op).path("responses").isEmpty(),
                            op + " " + path + " documents its responses");
                }
            }
        }
        assertFalse(fromResources.isEmpty());
        Set<String> undocumented = new TreeSet<>(fromResources);
        undocumented.removeAll(fromDocument);
        Set<String> unimplemented = new TreeSet<>(fromDocument);
        unimplemented.removeAll(fromResources);
        assertEquals(Set.of(), undocumented, "resource methods missing from openapi.json");
        assertEquals(Set.of(), unimplemented, "openapi.json operations without a resource method");
    }

    private static String httpMethod(Method method) {
        for (Annotation a : method.getAnnotations()) {
            HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    /** "agents" + "{id}/call" = "/agents/{id}/call"; regex parts of templates ({id: .+}) are dropped. */
    private static String join(String a, String b) {
        String joined = ("/" + a + "/" + b).replaceAll("/+", "/");
        joined = joined.replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
