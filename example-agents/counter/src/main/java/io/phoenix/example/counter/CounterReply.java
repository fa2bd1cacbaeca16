package io.phoenix.example.counter;

/**
 * The reply to every counter operation, in JSON {@code {"value":7}}.
 *
 * @param value the counter's value after the operation
 */
public record CounterReply(long value) {
}
