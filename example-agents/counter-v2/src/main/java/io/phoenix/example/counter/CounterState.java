package io.phoenix.example.counter;

/**
 * The state of a counter agent, schema version 2. Compared with version 1 ({@link CounterStateV1}) it
 * counts the operations that changed the value and remembers which bundle version it was upgraded from.
 *
 * @param value the current value; may be negative since {@code dec} exists
 * @param increments how many {@code inc} operations were applied since creation, reset or upgrade
 * @param decrements how many {@code dec} operations were applied since creation, reset or upgrade
 * @param upgradedFrom the bundle version that wrote the schema 1 state this one was converted from, or
 *     {@code null} if the counter was created with schema 2
 */
public record CounterState(long value, long increments, long decrements, String upgradedFrom) {

    /**
     * @param newValue the new value
     * @return a copy with that value and one more increment
     */
    CounterState incremented(long newValue) {
        return new CounterState(newValue, increments + 1, decrements, upgradedFrom);
    }

    /**
     * @param newValue the new value
     * @return a copy with that value and one more decrement
     */
    CounterState decremented(long newValue) {
        return new CounterState(newValue, increments, decrements + 1, upgradedFrom);
    }
}
