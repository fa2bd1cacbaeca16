/**
 * Test support for agent authors, used with test scope only (it is not a bundle):
 * {@link io.phoenix.agent.testkit.TestAgentContext} tests one agent type's turns in isolation by
 * recording what they ask of the runtime; {@link io.phoenix.agent.testkit.AgentTestKit} runs the real
 * runtime in-process to test agents together, through JSON, with timers and across live upgrades.
 */
package io.phoenix.agent.testkit;
