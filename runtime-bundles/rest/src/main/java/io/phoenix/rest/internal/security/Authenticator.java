package io.phoenix.rest.internal.security;

import java.util.Optional;
import java.util.Set;

/** Checks a user name and password; the REST layer's seam over JAAS (and a fake in unit tests). */
public interface Authenticator {

    /**
     * @param user the user name
     * @param password the password
     * @return the user's roles and groups, or empty if the credentials are wrong
     */
    Optional<Set<String>> authenticate(String user, char[] password);
}
