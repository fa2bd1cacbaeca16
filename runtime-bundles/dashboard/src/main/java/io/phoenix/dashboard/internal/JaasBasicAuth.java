package io.phoenix.dashboard.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;

/**
 * HTTP Basic credentials checked against a Karaf JAAS realm, with the user needing one of the allowed roles. A
 * successful check is remembered for a short while (the page polls every second or two), keyed by the header.
 */
final class JaasBasicAuth {

    static final long REMEMBER_MS = 30_000;
    private static final int MAX_REMEMBERED = 256;

    private final String realm;
    private final Set<String> roles;
    private final LongSupplier clock;
    private final ConcurrentHashMap<String, Long> remembered = new ConcurrentHashMap<>();

    JaasBasicAuth(String realm, Set<String> roles, LongSupplier clock) {
        this.realm = realm;
        this.roles = Set.copyOf(roles);
        this.clock = clock;
    }

    /** @return whether the Authorization header holds credentials of a user with one of the roles */
    boolean allowed(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        long now = clock.getAsLong();
        Long until = remembered.get(authorization);
        if (until != null && until > now) {
            return true;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return false;
        }
        Subject subject = login(decoded.substring(0, colon), decoded.substring(colon + 1).toCharArray());
        if (subject == null || !hasRole(subject)) {
            return false;
        }
        if (remembered.size() >= MAX_REMEMBERED) {
            remembered.clear();
        }
        remembered.put(authorization, now + REMEMBER_MS);
        return true;
    }

    boolean hasRole(Subject subject) {
        return subject.getPrincipals(RolePrincipal.class).stream().anyMatch(p -> roles.contains(p.getName()));
    }

    /** Logs in to the realm; the JAAS login module classes are boot-delegated, our loader finds them. */
    Subject login(String user, char[] password) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(JaasBasicAuth.class.getClassLoader());
        try {
            Subject subject = new Subject();
            LoginContext login = new LoginContext(realm, subject, callbacks -> {
                for (Callback callback : callbacks) {
                    if (callback instanceof NameCallback name) {
                        name.setName(user);
                    } else if (callback instanceof PasswordCallback pass) {
                        pass.setPassword(password);
                    } else {
                        throw new UnsupportedCallbackException(callback);
                    }
                }
            });
            login.login();
            return subject;
        } catch (LoginException | SecurityException e) {
            return null;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
