package io.phoenix.example.counter;

/**
 * A message to a counter agent, in JSON {@code {"op":"inc","by":2}}, {@code {"op":"dec","by":1}},
 * {@code {"op":"get"}} or {@code {"op":"reset"}}. Compatible with version 1's messages.
 *
 * @param op the operation: {@code inc}, {@code dec}, {@code get} or {@code reset}
 * @param by for {@code inc} and {@code dec}, the amount (at least 1); {@code null} means 1
 */
public record CounterMessage(String op, Long by) {

    /**
     * @param by the amount to add
     * @return an {@code inc} message
     */
    public static CounterMessage inc(long by) {
        return new CounterMessage("inc", by);
    }

    /**
     * @param by the amount to subtract
     * @return a {@code dec} message
     */
    public static CounterMessage dec(long by) {
        return new CounterMessage("dec", by);
    }

    /** @return a {@code get} message */
    public static CounterMessage get() {
        return new CounterMessage("get", null);
    }

    /** @return a {@code reset} message */
    public static CounterMessage reset() {
        return new CounterMessage("reset", null);
    }
}
