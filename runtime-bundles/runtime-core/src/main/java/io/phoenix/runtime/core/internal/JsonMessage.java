package io.phoenix.runtime.core.internal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A message that arrived as JSON. It stays a parsed tree in the mailbox and is decoded into the
 * agent type's message class only in the turn, by whatever version of the type runs that turn, so a
 * message queued across a live upgrade is read by the new code.
 */
record JsonMessage(JsonNode tree) {
}
