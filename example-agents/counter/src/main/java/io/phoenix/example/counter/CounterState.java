package io.phoenix.example.counter;

/**
 * The state of a counter agent, schema version 1.
 *
 * @param value the current value
 */
public record CounterState(long value) {
}
