package io.ravenwatch.bot.action.failover.step;

/**
 * Settings of a step that acts on one node: {@code {{primary}}}, {@code {{standby}}} (the chosen
 * target) or a node's name. Checked at load time: the reference must exist and the node(s) must
 * have the endpoint the step type needs.
 */
public interface NodeStep {
  String node();
}
