package io.phoenix.rest.internal.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.time.Duration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import org.apache.karaf.jaas.boot.principal.GroupPrincipal;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs in against a JAAS realm of Karaf ({@code karaf} by default: etc/users.properties, or whatever login modules
 * the realm has) and returns the names of the subject's {@link RolePrincipal}s and {@link GroupPrincipal}s.
 *
 * <p>A successful login is remembered for a configurable time under a SHA-256 digest of the credentials (never the
 * password itself), so a client's requests do not each pay a login; a changed password or role takes effect after
 * that time. Failed logins are never cached.
 */
public final class JaasAuthenticator implements Authenticator {

    private static final Logger LOG = LoggerFactory.getLogger(JaasAuthenticator.class);
    private static final int MAX_CACHED = 1_000;

    private final String realm;
    private final long ttlNanos;
    private final ClassLoader loginModuleLoader;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(Set<String> roles, long expiresAt) {
    }

    /**
     * @param realm the JAAS realm name
     * @param cacheTtl how long successful logins are remembered; zero for never
     * @param loginModuleLoader the loader JAAS loads the realm's login module class through (Karaf's
     *     {@code ProxyLoginModule}, package {@code org.apache.karaf.jaas.boot}, which this bundle imports)
     */
    public JaasAuthenticator(String realm, Duration cacheTtl, ClassLoader loginModuleLoader) {
        this.realm = realm;
        this.ttlNanos = cacheTtl.toNanos();
        this.loginModuleLoader = loginModuleLoader;
    }

    @Override
    public Optional<Set<String>> authenticate(String user, char[] password) {
        String key = ttlNanos > 0 ? digest(user, password) : null;
        long now = System.nanoTime();
        if (key != null) {
            Cached hit = cache.get(key);
            if (hit != null && hit.expiresAt - now > 0) {
                return Optional.of(hit.roles);
            }
        }
        Optional<Set<String>> roles = login(user, password);
        if (key != null && roles.isPresent()) {
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
            cache.put(key, new Cached(roles.get(), now + ttlNanos));
        }
        return roles;
    }

    private Optional<Set<String>> login(String user, char[] password) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loginModuleLoader);
        try {
            Subject subject = new Subject();
            LoginContext context = new LoginContext(realm, subject, callbacks -> {
                for (Callback callback : callbacks) {
                    if (callback instanceof NameCallback name) {
                        name.setName(user);
                    } else if (callback instanceof PasswordCallback pass) {
                        pass.setPassword(password.clone());
                    } else {
                        throw new UnsupportedCallbackException(callback);
                    }
                }
            });
            context.login();
            Set<String> roles = new HashSet<>();
            for (Principal principal : subject.getPrincipals()) {
                if (principal instanceof RolePrincipal || principal instanceof GroupPrincipal) {
                    roles.add(principal.getName());
                }
            }
            try {
                context.logout();
            } catch (LoginException ignored) {
                // the roles are read; nothing is kept of the subject
            }
            return Optional.of(Set.copyOf(roles));
        } catch (LoginException e) {
            LOG.debug("REST login of '{}' refused: {}", user, e.getMessage());
            return Optional.empty();
        } catch (RuntimeException e) {
            // a realm that is missing or broken must not become a 500 with details: it is a refused login
            LOG.warn("REST login against JAAS realm '{}' failed: {}", realm, e.toString());
            return Optional.empty();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static String digest(String user, char[] password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(user.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(new String(password).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
