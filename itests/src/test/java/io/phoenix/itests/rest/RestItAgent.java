package io.phoenix.itests.rest;

import io.phoenix.agent.api.AgentContext;
import io.phoenix.agent.api.AgentOptions;
import io.phoenix.agent.api.AgentType;
import io.phoenix.agent.api.BadMessageException;
import java.util.Map;

/**
 * An agent type the REST tests register from the probe: {@code {"op":"inc"}} counts, {@code echo} returns the
 * message, {@code sleep} waits {@code ms} (timeouts, full mailboxes), {@code fail-on-purpose} throws (500). Any
 * other op is a {@link BadMessageException} (400), so random messages never look like server failures.
 */
public final class RestItAgent implements AgentType<RestItAgent.State, RestItAgent.Message> {

    /** @param n the count */
    public record State(long n) {
    }

    /**
     * @param op the operation
     * @param ms sleep time
     * @param text anything
     */
    public record Message(String op, Long ms, String text) {
    }

    private final String name;
    private final int mailboxCapacity;

    /**
     * @param name the type name
     * @param mailboxCapacity its agents' mailbox capacity
     */
    public RestItAgent(String name, int mailboxCapacity) {
        this.name = name;
        this.mailboxCapacity = mailboxCapacity;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Class<State> stateType() {
        return State.class;
    }

    @Override
    public Class<Message> messageType() {
        return Message.class;
    }

    @Override
    public State initialState(String agentId) {
        return new State(0);
    }

    @Override
    public AgentOptions options() {
        return AgentOptions.defaults().withMailboxCapacity(mailboxCapacity);
    }

    @Override
    public Object handle(AgentContext<State> context, Message message) throws Exception {
        String op = message.op() == null ? "" : message.op();
        switch (op) {
            case "inc":
                context.setState(new State(context.state().n() + 1));
                return Map.of("n", context.state().n());
            case "get":
                return Map.of("n", context.state().n());
            case "echo":
                return message;
            case "sleep":
                long ms = message.ms() == null ? 0 : Math.max(0, Math.min(10_000, message.ms()));
                Thread.sleep(ms);
                return Map.of("slept", ms);
            case "fail-on-purpose":
                throw new IllegalStateException("rest-it agent failed on purpose");
            default:
                throw new BadMessageException(context.id(), "unknown op '" + op + "'");
        }
    }
}
