package io.phoenix.itests.throwing;

/**
 * State of the {@link ThrowingAgentType} agents. Packed, with the types of this package, into a bundle that
 * the broken-bundle test generates and drops into deploy/.
 *
 * @param turns unused; the agents never complete a turn
 */
public record ItestState(int turns) {
}
