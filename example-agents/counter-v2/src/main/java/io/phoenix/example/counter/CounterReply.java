package io.phoenix.example.counter;

/**
 * The reply to every counter operation, in JSON {@code {"value":7,"version":2}}.
 *
 * @param value the counter's value after the operation
 * @param version the counter implementation that answered: always {@value CounterAgent#REPLY_VERSION}
 */
public record CounterReply(long value, int version) {

    /**
     * @param value the value
     * @return a reply from this version
     */
    static CounterReply of(long value) {
        return new CounterReply(value, CounterAgent.REPLY_VERSION);
    }
}
