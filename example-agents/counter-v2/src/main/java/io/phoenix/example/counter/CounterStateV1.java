package io.phoenix.example.counter;

/**
 * The schema 1 state written by version 1 of this bundle, kept here only to read it during a live
 * upgrade (see {@link CounterAgent#upgradeState(io.phoenix.agent.api.PriorState)}).
 *
 * @param value the value
 */
public record CounterStateV1(long value) {
}
